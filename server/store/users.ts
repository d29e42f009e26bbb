import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { users } from '../db/schema.ts';
import { appendAudit } from './audit.ts';
import { checkOffice, checkPassword, checkRole, PeopleError, type Principal } from './people.ts';
import { endSessionsOf } from './sessions.ts';

/** A user as stored, without the password hash. */
export interface UserRecord {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  disabledAt: string | null;
  office: string | null;
}

/** What an administrator may change about a user; absent fields stay as they are. */
export interface UserChange {
  role?: Role | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
  /** The user's office; null or empty takes them out of any. */
  office?: string | null | undefined;
}

const visible = {
  id: users.id,
  name: users.name,
  role: users.role,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
  office: users.office,
};

/** Every user, by name; never a password hash. */
export function listUsers(db: Db): Promise<UserRecord[]> {
  return db.select(visible).from(users).orderBy(asc(users.name));
}

/** One user by id, without the hash; undefined when there is none. */
export async function getUser(db: Db, id: string): Promise<UserRecord | undefined> {
  const [user] = await db.select(visible).from(users).where(eq(users.id, id));
  return user;
}

/** Refuses a change that would lock the administrators out: their own demotion or disabling, or the last admin's. */
async function checkAdminsRemain(db: Db, user: UserRecord, change: UserChange, actor: Principal): Promise<void> {
  const demoted = change.role !== undefined && change.role !== 'admin' && user.role === 'admin';
  const disabled = change.disabled === true && !user.disabledAt;
  if (user.id === actor.id && disabled)
    throw new PeopleError('you may not disable yourself: another administrator must do it', 'SELF_DISABLE');
  if (user.id === actor.id && demoted)
    throw new PeopleError('you may not take away your own admin role: another administrator must do it', 'SELF_DEMOTE');
  if (user.role !== 'admin' || user.disabledAt || !(demoted || disabled)) return;
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, user.id)));
  if (!others.length)
    throw new PeopleError('this is the last administrator who can sign in: appoint another first', 'LAST_ADMIN');
}

/**
 * Changes a user's role, disables or enables them, or sets a new password, each written to the audit log in the
 * same transaction. Disabling, a role change or a password set by someone else ends the user's sessions.
 * @throws PeopleError for a weak password or a change that would leave no administrator.
 */
export async function updateUser(db: Db, id: string, change: UserChange, actor: Principal): Promise<UserRecord | undefined> {
  const before = await getUser(db, id);
  if (!before) return undefined;
  if (change.role !== undefined) checkRole(change.role);
  if (change.password !== undefined) checkPassword(change.password);
  const office = change.office === undefined ? undefined : checkOffice(change.office);
  await checkAdminsRemain(db, before, change, actor);
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  await db.transaction(async (t) => {
    // Read again inside the transaction: the hash took time, and only real changes are recorded.
    const user = (await getUser(t, id)) ?? before;
    const subject = `user:${user.name}`;
    let endSessions = false;
    if (change.role !== undefined && change.role !== user.role) {
      await t.update(users).set({ role: change.role }).where(eq(users.id, id));
      await appendAudit(t, { actor: actor.id, action: 'user.role', subject, detail: { from: user.role, to: change.role } });
      endSessions = true;
    }
    if (change.disabled === true && !user.disabledAt) {
      await t.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, id));
      await appendAudit(t, { actor: actor.id, action: 'user.disable', subject });
      endSessions = true;
    }
    if (change.disabled === false && user.disabledAt) {
      await t.update(users).set({ disabledAt: null }).where(eq(users.id, id));
      await appendAudit(t, { actor: actor.id, action: 'user.enable', subject });
    }
    if (office !== undefined && office !== user.office) {
      await t.update(users).set({ office }).where(eq(users.id, id));
      await appendAudit(t, { actor: actor.id, action: 'user.office', subject, detail: { from: user.office, to: office } });
      // What a supervisor may read follows the office: sessions end as with a new role.
      endSessions = true;
    }
    if (passwordHash !== undefined) {
      await t.update(users).set({ passwordHash }).where(eq(users.id, id));
      await appendAudit(t, { actor: actor.id, action: 'user.password', subject });
      // A password reset by an administrator also locks out whoever knew the old one; one's own keeps one's session.
      if (id !== actor.id) endSessions = true;
    }
    if (endSessions) await endSessionsOf(t, id);
  });
  return getUser(db, id);
}
