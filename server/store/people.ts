import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { checkPasswordStrength, hashPassword } from '../auth/password.ts';
import { isRole, type Role } from '../auth/roles.ts';
import { hashToken, newApiToken } from '../auth/tokens.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { type Db, databaseKey } from '../db/handle.ts';
import { execute, queryOne } from '../db/raw.ts';
import { apiTokens, users } from '../db/schema.ts';
import { appendAudit } from './audit.ts';

/** Who is asking: a signed-in user or a system holding a token. */
export interface Principal {
  id: string;
  name: string;
  role: Role;
  via: 'token' | 'session';
  /** The user's office (a supervisor reads the receipts of theirs); null for tokens and users without one. */
  office?: string | null;
}

/** A refused change to people: `code` says why (USER_EXISTS, UNKNOWN_ROLE, WEAK_PASSWORD…), `field` which input is at fault. */
export class PeopleError extends Error {
  constructor(
    message: string,
    readonly code = 'INVALID',
    readonly field?: 'name' | 'role' | 'password' | 'office' | 'days',
  ) {
    super(message);
  }
}

/** The role named, or a PeopleError listing the roles there are. */
export function checkRole(role: string): Role {
  if (!isRole(role))
    throw new PeopleError(
      `unknown role "${role}": use editor, reviewer, caseworker, analyst, supervisor or admin`,
      'UNKNOWN_ROLE',
      'role',
    );
  return role;
}

/** Nothing, or a PeopleError saying why the password is too weak. */
export function checkPassword(password: string): void {
  const weak = checkPasswordStrength(password);
  if (weak) throw new PeopleError(weak, 'WEAK_PASSWORD', 'password');
}

/** An office name as stored: trimmed, null when empty; a PeopleError when it is too long. */
export function checkOffice(office: string | null | undefined): string | null {
  const v = office?.trim() ?? '';
  if (v.length > 100) throw new PeopleError('an office name has at most 100 characters', 'INVALID_OFFICE', 'office');
  return v === '' ? null : v;
}

/** Adds a user who signs in with a password (stored only as a slow hash), in an office when given. */
export async function addUser(
  db: Db,
  input: { name: string; role: string; password: string; office?: string | null | undefined },
  actor = 'system',
): Promise<string> {
  const role = checkRole(input.role);
  const office = checkOffice(input.office);
  checkPassword(input.password);
  if ((await db.select({ id: users.id }).from(users).where(eq(users.name, input.name))).length)
    throw new PeopleError(`user "${input.name}" already exists`, 'USER_EXISTS', 'name');
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ id, name: input.name, role, passwordHash, office });
      await appendAudit(tx, {
        actor,
        action: 'user.add',
        subject: `user:${input.name}`,
        detail: office ? { role, office } : { role },
      });
    });
  } catch (e) {
    // The same name added while the password was being hashed: the unique index refuses it.
    if (isUniqueViolation(e)) throw new PeopleError(`user "${input.name}" already exists`, 'USER_EXISTS', 'name');
    throw e;
  }
  return id;
}

/** Days a token lives when its creator does not say. */
export const DEFAULT_TOKEN_DAYS = 90;

/** Creates an API token for a system; the token is returned once and stored only as a hash. It expires after `days`. */
export async function createToken(
  db: Db,
  input: { name: string; role: string; days?: number | undefined },
  actor = 'system',
): Promise<string> {
  const role = checkRole(input.role);
  const days = input.days ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new PeopleError('a token lives from 1 to 3650 days', 'INVALID_DAYS', 'days');
  const { token, hash } = newApiToken();
  const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  await db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({ id: randomUUID(), name: input.name, role, tokenHash: hash, expiresAt });
    await appendAudit(tx, {
      actor,
      action: 'token.create',
      subject: `token:${input.name}`,
      detail: { role, expires_at: expiresAt },
    });
  });
  return token;
}

/** How stale `last_used_at` may get before a use writes it again: one write a minute, not one a request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a token's principal is taken from memory before the database is asked again. A revocation through this
 * process forgets at once ({@link forgetTokens}); one made by another process (WORKERS) is seen within this time.
 */
export const TOKEN_CACHE_MS = 2_000;

const tokenCache = new WeakMap<object, Map<string, { principal: Principal; until: number }>>();

/** Forgets the tokens remembered for this database: after a revocation, so that it holds from the next request. */
export function forgetTokens(db: Db): void {
  tokenCache.delete(databaseKey(db));
}

/**
 * The principal behind a bearer token, if the token exists, is not revoked and has not expired; notes when it was
 * used. Remembered by the token's hash for {@link TOKEN_CACHE_MS} (never past its expiry): a query less a request.
 */
export async function principalForToken(db: Db, token: string): Promise<Principal | undefined> {
  const hash = hashToken(token);
  let cache = tokenCache.get(databaseKey(db));
  const nowMs = Date.now();
  const hit = cache?.get(hash);
  if (hit && hit.until > nowMs) return hit.principal;
  const row = await queryOne<{
    id: string;
    name: string;
    role: string;
    expiresAt: string | null;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }>(
    db,
    'SELECT id, name, role, expires_at AS "expiresAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt" FROM api_tokens WHERE token_hash = ?',
    [hash],
  );
  if (!row || !isRole(row.role) || row.revokedAt) return undefined;
  const now = new Date(nowMs);
  if (row.expiresAt && row.expiresAt <= now.toISOString()) return undefined;
  if (!row.lastUsedAt || nowMs - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS)
    await db.transaction((tx) => execute(tx, 'UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [now.toISOString(), row.id]));
  const principal: Principal = { id: `token:${row.id}`, name: row.name, role: row.role, via: 'token', office: null };
  if (!cache) {
    cache = new Map();
    tokenCache.set(databaseKey(db), cache);
  }
  // Bounded: a flood of distinct tokens must not grow memory; the live ones come back within a query.
  if (cache.size >= 10_000) cache.clear();
  cache.set(hash, { principal, until: Math.min(nowMs + TOKEN_CACHE_MS, row.expiresAt ? Date.parse(row.expiresAt) : Infinity) });
  return principal;
}

/**
 * On first start with no users, creates the admin: with ADMIN_PASSWORD, or with a generated
 * password that is returned (to be printed once) and never stored in clear.
 */
export async function ensureAdmin(db: Db, password?: string): Promise<{ created: boolean; generated?: string }> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return { created: false };
  const generated = password ? undefined : randomBytes(18).toString('base64url');
  await addUser(db, { name: 'admin', role: 'admin', password: password ?? (generated as string) });
  return { created: true, ...(generated ? { generated } : {}) };
}
