import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { checkPasswordStrength, hashPassword } from '../auth/password.ts';
import { isRole, type Role } from '../auth/roles.ts';
import { hashToken, newApiToken } from '../auth/tokens.ts';
import type { Db } from '../db/open.ts';
import { apiTokens, settings, users } from '../db/schema.ts';
import { appendAudit } from './audit.ts';

/** Who is asking: a signed-in user or a system holding a token. */
export interface Principal {
  id: string;
  name: string;
  role: Role;
  via: 'token' | 'session';
}

/** A refused change to people: `code` says why (USER_EXISTS, UNKNOWN_ROLE, WEAK_PASSWORD…), `field` which input is at fault. */
export class PeopleError extends Error {
  constructor(
    message: string,
    readonly code = 'INVALID',
    readonly field?: 'name' | 'role' | 'password',
  ) {
    super(message);
  }
}

/** The role named, or a PeopleError listing the roles there are. */
export function checkRole(role: string): Role {
  if (!isRole(role))
    throw new PeopleError(`unknown role "${role}": use editor, reviewer, caseworker, analyst or admin`, 'UNKNOWN_ROLE', 'role');
  return role;
}

/** Nothing, or a PeopleError saying why the password is too weak. */
export function checkPassword(password: string): void {
  const weak = checkPasswordStrength(password);
  if (weak) throw new PeopleError(weak, 'WEAK_PASSWORD', 'password');
}

/** Adds a user who signs in with a password (stored only as a slow hash). */
export async function addUser(
  db: Db,
  input: { name: string; role: string; password: string },
  actor = 'system',
): Promise<string> {
  const role = checkRole(input.role);
  checkPassword(input.password);
  if (db.select().from(users).where(eq(users.name, input.name)).get())
    throw new PeopleError(`user "${input.name}" already exists`, 'USER_EXISTS', 'name');
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    db.transaction((tx) => {
      tx.insert(users).values({ id, name: input.name, role, passwordHash }).run();
      appendAudit(tx as unknown as Db, { actor, action: 'user.add', subject: `user:${input.name}`, detail: { role } });
    });
  } catch (e) {
    // The same name added while the password was being hashed: the unique index refuses it.
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new PeopleError(`user "${input.name}" already exists`, 'USER_EXISTS', 'name');
    throw e;
  }
  return id;
}

/** Creates an API token for a system; the token is returned once and stored only as a hash. */
export function createToken(db: Db, input: { name: string; role: string }, actor = 'system'): string {
  const role = checkRole(input.role);
  const { token, hash } = newApiToken();
  db.transaction((tx) => {
    tx.insert(apiTokens).values({ id: randomUUID(), name: input.name, role, tokenHash: hash }).run();
    appendAudit(tx as unknown as Db, { actor, action: 'token.create', subject: `token:${input.name}`, detail: { role } });
  });
  return token;
}

/** The principal behind a bearer token, if the token exists. */
export function principalForToken(db: Db, token: string): Principal | undefined {
  const row = db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .get();
  return row && isRole(row.role) ? { id: `token:${row.id}`, name: row.name, role: row.role, via: 'token' } : undefined;
}

/**
 * On first start with no users, creates the admin: with ADMIN_PASSWORD, or with a generated
 * password that is returned (to be printed once) and never stored in clear.
 */
export async function ensureAdmin(db: Db, password?: string): Promise<{ created: boolean; generated?: string }> {
  const existing = db.select({ n: count() }).from(users).get();
  if ((existing?.n ?? 0) > 0) return { created: false };
  const generated = password ? undefined : randomBytes(18).toString('base64url');
  await addUser(db, { name: 'admin', role: 'admin', password: password ?? (generated as string) });
  return { created: true, ...(generated ? { generated } : {}) };
}

/** The key of the case-reference HMAC: from the environment, else generated once and kept with the data. */
export function caseRefSecret(db: Db, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const row = db.select().from(settings).where(eq(settings.key, 'case_ref_secret')).get();
  if (row) return row.value;
  const value = randomBytes(32).toString('base64url');
  db.insert(settings).values({ key: 'case_ref_secret', value }).run();
  return value;
}
