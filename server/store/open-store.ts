import { derivedKey, resolveSecret, type ServerSecret } from '../auth/server-secret.ts';
import type { Db, Dialect } from '../db/handle.ts';
import { type Database, openDatabase } from '../db/open.ts';
import { openPgDatabase } from '../db/open-pg.ts';
import { anchorPath, type ServerEnv, secretPath } from '../env.ts';
import { bindAudit, sealUnkeyedLog } from './audit.ts';
import { AuditAnchor } from './audit-anchor.ts';

/** The database with what guards it: the server secret, the audit chain keyed with it, and the chain's anchor. */
export interface Store {
  db: Db;
  dialect: Dialect;
  /** The open database (its file on SQLite, its pool on PostgreSQL). */
  database: Database;
  secret: ServerSecret;
  /** Absent for an in-memory database, which has nothing to anchor. */
  anchor: AuditAnchor | undefined;
  /** Publishes the last head and closes the database. */
  close(): Promise<void>;
}

type StoreEnv = Pick<ServerEnv, 'DATABASE_PATH' | 'DB_SYNCHRONOUS' | 'REINTEGRA_SECRET' | 'SECRET_PATH' | 'AUDIT_ANCHOR_PATH'> & {
  DATABASE_URL?: string | undefined;
  DATABASE_POOL?: number | undefined;
};

/** Opens the database the settings name: PostgreSQL with DATABASE_URL, else the SQLite file DATABASE_PATH. */
export function openConfiguredDatabase(env: StoreEnv): Promise<Database> {
  if (env.DATABASE_URL) return openPgDatabase(env.DATABASE_URL, { poolSize: env.DATABASE_POOL });
  return Promise.resolve(openDatabase(env.DATABASE_PATH, { synchronous: env.DB_SYNCHRONOUS }));
}

/** Opens the database as every door must (server and command line alike): migrated, durable, its audit chain keyed and anchored. */
export async function openStore(env: StoreEnv, log: (line: string) => void = () => {}): Promise<Store> {
  const database = await openConfiguredDatabase(env);
  const db = database.db;
  try {
    const memory = database.memory;
    const secret = await resolveSecret(db, { fromEnv: env.REINTEGRA_SECRET, path: memory ? null : secretPath(env) });
    const anchor = memory ? undefined : new AuditAnchor(db, anchorPath(env), log);
    bindAudit(db, { key: derivedKey(secret.value, 'audit-chain'), onAppend: () => anchor?.schedule() });
    if (await sealUnkeyedLog(db))
      log(JSON.stringify({ level: 'info', msg: 'audit log written before keying sealed with a keyed entry' }));
    let closing: Promise<void> | undefined;
    return {
      db,
      dialect: database.dialect,
      database,
      secret,
      anchor,
      close() {
        closing ??= (async () => {
          await anchor?.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
