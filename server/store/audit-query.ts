import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { query, queryOne } from '../db/raw.ts';
import { apiTokens, auditLog, users } from '../db/schema.ts';
import type { AuditEntry } from './audit.ts';

/** What to pick from the change log, and in which order; every field is optional but the paging. */
export interface AuditQuery {
  /** Entries after this sequence number (the cursor when reading oldest first). */
  after: number;
  /** Entries before this sequence number (the cursor when reading newest first). */
  before?: number | undefined;
  limit: number;
  order: 'asc' | 'desc';
  /** An action (`draft.publish`) or its kind (`draft`, matching every `draft.*`). */
  action?: string | undefined;
  /** A user's or token's name, or the actor as stored (a user id, `token:<id>` or `system`). */
  actor?: string | undefined;
  /** Earliest `at`, inclusive: an ISO date or date-time. */
  from?: string | undefined;
  /** Latest `at`, inclusive; a bare date covers its whole day. */
  to?: string | undefined;
}

/** An entry with the name behind its actor, when the actor is a user or a token. */
export type NamedAuditEntry = AuditEntry & { actorName: string | null };

/** Escapes LIKE's wildcards, so an action name is matched literally as a prefix. */
const literalPrefix = (s: string) => `${s.replace(/[\\%_]/g, (ch) => `\\${ch}`)}.%`;

/** The WHERE of a query: each filter given narrows the log. */
function conditions(db: Db, q: AuditQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [gt(auditLog.seq, q.after)];
  if (q.before !== undefined) parts.push(lt(auditLog.seq, q.before));
  if (q.action)
    parts.push(or(eq(auditLog.action, q.action), sql`${auditLog.action} LIKE ${literalPrefix(q.action)} ESCAPE '\\'`));
  if (q.actor) {
    const userIds = db.select({ id: users.id }).from(users).where(eq(users.name, q.actor));
    const tokenIds = db
      .select({ id: sql<string>`'token:' || ${apiTokens.id}` })
      .from(apiTokens)
      .where(eq(apiTokens.name, q.actor));
    parts.push(or(eq(auditLog.actor, q.actor), inArray(auditLog.actor, userIds), inArray(auditLog.actor, tokenIds)));
  }
  if (q.from) parts.push(gte(auditLog.at, q.from));
  // A bare date as the upper bound means "until the end of that day": every ISO time of it sorts before "<date>T~".
  if (q.to) parts.push(/^\d{4}-\d{2}-\d{2}$/.test(q.to) ? lt(auditLog.at, `${q.to}T~`) : lte(auditLog.at, q.to));
  return and(...parts);
}

/** The names of users and tokens, keyed as the log stores actors. */
async function actorNames(db: Db): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const u of await db.select({ id: users.id, name: users.name }).from(users)) names.set(u.id, u.name);
  for (const t of await db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens)) names.set(`token:${t.id}`, t.name);
  return names;
}

/** A page of the log matching the query, each entry with its actor's name. */
export async function queryAudit(db: Db, q: AuditQuery): Promise<NamedAuditEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions(db, q))
    .orderBy(q.order === 'desc' ? desc(auditLog.seq) : asc(auditLog.seq))
    .limit(q.limit);
  const names = await actorNames(db);
  return rows.map((e) => ({ ...e, actorName: names.get(e.actor) ?? null }));
}

/** Every distinct action in the log, sorted: the choices of a filter. */
export async function auditActions(db: Db): Promise<string[]> {
  return (await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action))).map((r) => r.action);
}

/** Failed sign-ins and throttling blocks of the last 24 hours, from the log (indexed by action and time). */
export async function signInFailures(
  db: Db,
  now = new Date(),
): Promise<{
  failed_last_24h: number;
  throttled_last_24h: number;
  last_failed_at: string | null;
  by_day: { day: string; count: number }[];
  by_name: { name: string; count: number }[];
}> {
  const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const count = async (action: string) =>
    (await queryOne<{ n: number }>(db, 'SELECT count(*) AS n FROM audit_log WHERE action = ? AND at >= ?', [action, since]))?.n ??
    0;
  const last = await queryOne<{ at: string | null }>(
    db,
    "SELECT max(at) AS at FROM audit_log WHERE action = 'session.sign_in_failed'",
  );
  // Per day (UTC) over the last 14 days, and per user name tried over the same days: which names are being guessed.
  const fortnight = new Date(now.getTime() - 14 * 86_400_000).toISOString();
  const byDay = await query<{ day: string; count: number }>(
    db,
    "SELECT substr(at, 1, 10) AS day, count(*) AS count FROM audit_log WHERE action = 'session.sign_in_failed' AND at >= ? GROUP BY substr(at, 1, 10) ORDER BY day DESC",
    [fortnight],
  );
  const byName = await query<{ name: string; count: number }>(
    db,
    "SELECT substr(subject, 6) AS name, count(*) AS count FROM audit_log WHERE action = 'session.sign_in_failed' AND at >= ? GROUP BY subject ORDER BY count DESC, name LIMIT 20",
    [fortnight],
  );
  return {
    failed_last_24h: await count('session.sign_in_failed'),
    throttled_last_24h: await count('session.throttled'),
    last_failed_at: last?.at ?? null,
    by_day: byDay,
    by_name: byName,
  };
}
