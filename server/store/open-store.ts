import { derivedKey, resolveSecret, type ServerSecret } from '../auth/server-secret.ts';
import { type Db, openDatabase } from '../db/open.ts';
import { anchorPath, type ServerEnv, secretPath } from '../env.ts';
import { bindAudit, sealUnkeyedLog } from './audit.ts';
import { AuditAnchor } from './audit-anchor.ts';

/** The database with what guards it: the server secret, the audit chain keyed with it, and the chain's anchor. */
export interface Store {
  db: Db;
  secret: ServerSecret;
  /** Absent for an in-memory database, which has nothing to anchor. */
  anchor: AuditAnchor | undefined;
  /** Publishes the last head and closes the database. */
  close(): void;
}

type StoreEnv = Pick<ServerEnv, 'DATABASE_PATH' | 'DB_SYNCHRONOUS' | 'REINTEGRA_SECRET' | 'SECRET_PATH' | 'AUDIT_ANCHOR_PATH'>;

/** Opens the database as every door must (server and command line alike): migrated, durable, its audit chain keyed and anchored. */
export function openStore(env: StoreEnv, log: (line: string) => void = () => {}): Store {
  const db = openDatabase(env.DATABASE_PATH, { synchronous: env.DB_SYNCHRONOUS });
  try {
    const memory = env.DATABASE_PATH === ':memory:';
    const secret = resolveSecret(db, { fromEnv: env.REINTEGRA_SECRET, path: memory ? null : secretPath(env) });
    const anchor = memory ? undefined : new AuditAnchor(db, anchorPath(env), log);
    bindAudit(db, { key: derivedKey(secret.value, 'audit-chain'), onAppend: () => anchor?.schedule() });
    if (sealUnkeyedLog(db))
      log(JSON.stringify({ level: 'info', msg: 'audit log written before keying sealed with a keyed entry' }));
    return {
      db,
      secret,
      anchor,
      close() {
        if (db.$client.open) {
          anchor?.flush();
          db.$client.close();
        }
      },
    };
  } catch (e) {
    db.$client.close();
    throw e;
  }
}
