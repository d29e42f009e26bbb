import { createHash, createHmac } from 'node:crypto';
import { asc, desc } from 'drizzle-orm';
import { canonicalJson } from '../../src/ir/hash.ts';
import { afterCommit, type Db, databaseKey } from '../db/handle.ts';
import { exclusive } from '../db/raw.ts';
import { auditLog } from '../db/schema.ts';

/** What an audit entry records. */
export interface AuditInput {
  actor: string;
  action: string;
  subject: string;
  beforeHash?: string | null;
  afterHash?: string | null;
  detail?: Record<string, unknown>;
}

export type AuditEntry = typeof auditLog.$inferSelect;

const GENESIS = 'sha256:genesis';
const KEYED = 'hmac-sha256:';
const UNKEYED = 'sha256:';

/** How a database's chain is kept: the key its entries are hashed with, and who hears of a new head. */
export interface AuditBinding {
  key: Buffer;
  /** Called once an appended entry has committed; the anchor then writes the new head. */
  onAppend?: () => void;
}

const bindings = new WeakMap<object, AuditBinding>();
/** One chain per database: on PostgreSQL, nodes take this lock in turn to append, so the chain never forks. */
const CHAIN_LOCK = 0x52494155; // 'RIAU'

/** Keys the audit chain of a database with the server secret; every door that writes to the log binds it first. */
export function bindAudit(db: Db, binding: AuditBinding): void {
  bindings.set(databaseKey(db), binding);
}

/** The key a database's chain is hashed with (throws when the database was opened without one). */
export function auditKey(db: Db): Buffer {
  const binding = bindings.get(databaseKey(db));
  if (!binding) throw new Error('the audit log has no key: open the database through openStore(), which binds the server secret');
  return binding.key;
}

/** What an entry's hash covers: its content and the previous entry's hash, so no entry can change unseen. */
function content(e: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    beforeHash: e.beforeHash,
    afterHash: e.afterHash,
    detail: e.detail,
    prevHash: e.prevHash,
  });
}

/** The keyed hash of an entry: without the server secret nobody can write an entry that verifies. */
export function entryHash(e: Omit<AuditEntry, 'hash'>, key: Buffer): string {
  return `${KEYED}${createHmac('sha256', key).update(content(e)).digest('hex')}`;
}

/** The unkeyed hash of entries written before the chain was keyed; accepted only before the first keyed entry. */
function legacyHash(e: Omit<AuditEntry, 'hash'>): string {
  return `${UNKEYED}${createHash('sha256').update(content(e)).digest('hex')}`;
}

/**
 * Appends an entry to the chain; pass the transaction of the change it records. Alone, it reads the head and writes
 * after it in a transaction of its own under the chain's lock, so no other process or node slips between.
 */
export function appendAudit(db: Db, input: AuditInput): Promise<AuditEntry> {
  return db.transaction((tx) => appendInTransaction(tx, input));
}

async function appendInTransaction(db: Db, input: AuditInput): Promise<AuditEntry> {
  const binding = bindings.get(databaseKey(db));
  const key = auditKey(db);
  // Held to commit: another node appending waits, and then reads this entry as its head.
  await exclusive(db, CHAIN_LOCK);
  const [last] = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    beforeHash: input.beforeHash ?? null,
    afterHash: input.afterHash ?? null,
    detail: JSON.stringify(input.detail ?? {}),
    prevHash: last?.hash ?? GENESIS,
  };
  const entry = { ...base, hash: entryHash(base, key) };
  await db.insert(auditLog).values(entry);
  const onAppend = binding?.onAppend;
  if (onAppend) afterCommit(db, onAppend);
  return entry;
}

/**
 * Seals a log written before the chain was keyed: one keyed entry after the unkeyed ones, so that their hashes are
 * covered by the key from then on. Returns true when it appended the seal.
 */
export async function sealUnkeyedLog(db: Db): Promise<boolean> {
  const head = await auditHead(db);
  if (!head || head.hash.startsWith(KEYED)) return false;
  await appendAudit(db, { actor: 'system', action: 'audit.keyed', subject: 'audit_log', detail: { unkeyed_entries: head.seq } });
  return true;
}

/** The last entry of the chain, as it would be published: its number and hash. */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return head;
}

/**
 * Why the chain breaks at an entry: a number is skipped, the link to the entry before is wrong, it was altered
 * (or written without the key), or the head published elsewhere is not in the log (its tail was cut or rewritten).
 */
export const CHAIN_BREAKS = ['MISSING_ENTRY', 'BROKEN_LINK', 'CONTENT_CHANGED', 'HEAD_NOT_FOUND'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

/** Where and why the chain breaks: `code` for a program (the UI words it), `reason` in English for a log. */
export interface BrokenChain {
  ok: false;
  seq: number;
  code: ChainBreak;
  reason: string;
  /** The number skipped, for MISSING_ENTRY. */
  missing?: number;
}

/** A chain that holds: its length, its head, and whether a published head was found in it. */
export interface SoundChain {
  ok: true;
  entries: number;
  head: string | null;
  /** The published head checked against, when one was given (it is in the log). */
  checkedHead?: string;
}

/**
 * Checks the whole chain with the server's key: the number of entries when it holds, or the first entry where
 * it breaks. With `head` (a hash published elsewhere), the chain must still hold that entry: a cut tail shows.
 */
export async function verifyAudit(
  db: Db,
  options: { key?: Buffer; head?: string | undefined } = {},
): Promise<SoundChain | BrokenChain> {
  const key = options.key ?? auditKey(db);
  let prev = GENESIS;
  let expectedSeq = 1;
  let keyed = false;
  let headSeen = false;
  for (const e of await db.select().from(auditLog).orderBy(asc(auditLog.seq))) {
    if (e.seq !== expectedSeq) {
      return { ok: false, seq: e.seq, code: 'MISSING_ENTRY', missing: expectedSeq, reason: `entry ${expectedSeq} is missing` };
    }
    if (e.prevHash !== prev) {
      return { ok: false, seq: e.seq, code: 'BROKEN_LINK', reason: 'it does not follow the entry before it' };
    }
    const { hash, ...rest } = e;
    if (hash.startsWith(KEYED)) {
      keyed = true;
      if (entryHash(rest, key) !== hash)
        return { ok: false, seq: e.seq, code: 'CONTENT_CHANGED', reason: 'its content does not match its keyed hash' };
    } else if (keyed) {
      return {
        ok: false,
        seq: e.seq,
        code: 'CONTENT_CHANGED',
        reason: 'it is not keyed with the server secret, though entries before it are',
      };
    } else if (legacyHash(rest) !== hash) {
      return { ok: false, seq: e.seq, code: 'CONTENT_CHANGED', reason: 'its content does not match its hash' };
    }
    if (hash === options.head) headSeen = true;
    prev = hash;
    expectedSeq++;
  }
  const entries = expectedSeq - 1;
  // Every log since the chain was keyed holds a keyed entry (openStore seals an older log with one): a log with
  // none was written by someone without the key.
  if (entries > 0 && !keyed)
    return {
      ok: false,
      seq: 1,
      code: 'CONTENT_CHANGED',
      reason: 'no entry is keyed with the server secret: the log was rewritten without it',
    };
  if (options.head !== undefined && !headSeen) {
    return {
      ok: false,
      seq: entries,
      code: 'HEAD_NOT_FOUND',
      reason: `no entry has the published head ${options.head}: the log was cut or rewritten after it was published`,
    };
  }
  return { ok: true, entries, head: entries ? prev : null, ...(options.head !== undefined ? { checkedHead: options.head } : {}) };
}
