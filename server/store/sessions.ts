import { eq, lt } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { isRole } from '../auth/roles.ts';
import { hashToken, newCsrfToken, newSessionId } from '../auth/tokens.ts';
import type { Db } from '../db/open.ts';
import { execute, queryOne } from '../db/raw.ts';
import { sessions, users } from '../db/schema.ts';
import { appendAudit } from './audit.ts';
import type { Principal } from './people.ts';

export const SESSION_SECONDS = 8 * 60 * 60;

let dummy: Promise<string> | undefined;
/** A real hash to verify against when the name is unknown, so both paths take the same time. */
const dummyHash = () => {
  dummy ??= hashPassword('no user has this password');
  return dummy;
};

/** Signs a user in: a new session (stored by the hash of its id) and its CSRF token; undefined for a wrong name or password. */
export async function signIn(
  db: Db,
  name: string,
  password: string,
): Promise<{ id: string; csrf: string; principal: Principal } | undefined> {
  const [user] = await db.select().from(users).where(eq(users.name, name));
  // Verify even for an unknown name, so timing does not reveal which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  // A disabled user gets the same answer as a wrong password, so the answer tells an attacker nothing.
  if (!user || !ok || user.disabledAt || !isRole(user.role)) return undefined;
  const id = newSessionId();
  const csrf = newCsrfToken();
  const expiresAt = new Date(Date.now() + SESSION_SECONDS * 1000).toISOString();
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ id: hashToken(id), userId: user.id, csrfToken: csrf, expiresAt });
    await appendAudit(tx, { actor: user.id, action: 'session.sign_in', subject: `user:${user.name}` });
  });
  return { id, csrf, principal: { id: user.id, name: user.name, role: user.role, via: 'session', office: user.office } };
}

/** The principal and CSRF token of a live session. */
export async function sessionPrincipal(db: Db, id: string): Promise<{ principal: Principal; csrf: string } | undefined> {
  const row = await queryOne<{
    csrf: string;
    expiresAt: string;
    id: string;
    name: string;
    role: string;
    office: string | null;
    disabledAt: string | null;
  }>(
    db,
    `SELECT s.csrf_token AS csrf, s.expires_at AS "expiresAt", u.id, u.name, u.role, u.office, u.disabled_at AS "disabledAt"
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
    [hashToken(id)],
  );
  if (!row || row.expiresAt < new Date().toISOString()) return undefined;
  if (row.disabledAt || !isRole(row.role)) return undefined;
  return { principal: { id: row.id, name: row.name, role: row.role, via: 'session', office: row.office }, csrf: row.csrf };
}

/** Ends one session, by the id its cookie holds. */
export async function signOut(db: Db, id: string): Promise<void> {
  await db.transaction((tx) => execute(tx, 'DELETE FROM sessions WHERE id = ?', [hashToken(id)]));
}

/** Ends every session of a user (disabled, a new role, a password set by an admin); call inside the change's transaction. */
export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Deletes every session past its expiry (a refused cookie is no use to anyone); returns how many went. */
export async function sweepExpiredSessions(db: Db, now = new Date()): Promise<number> {
  return db.transaction(
    async (tx) =>
      (await tx.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).returning({ id: sessions.id })).length,
  );
}
