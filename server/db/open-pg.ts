import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Db, withCommitHooks } from './handle.ts';
import { migratePool } from './migrate-pg.ts';
import type { Database } from './open.ts';

const INT8 = pg.types.builtins.INT8;

/** True when a database setting names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/**
 * A pool on PostgreSQL with the committed migrations applied. Counts and sums come back as numbers, as SQLite's do:
 * every count we keep fits well within 2^53.
 */
export function pgPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
}

/**
 * Opens PostgreSQL at `url` for the store: migrated, through drizzle's node-postgres driver. The store's queries are
 * written once with SQLite's table objects; drizzle renders them for PostgreSQL by name (server/db/README.md).
 */
export async function openPgDatabase(url: string, options: { poolSize?: number } = {}): Promise<Database> {
  const pool = pgPool(url, options.poolSize);
  try {
    await migratePool(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const db = drizzle({ client: pool }) as unknown as Db;
  const transaction = db.transaction.bind(db);
  // A transaction's afterCommit hooks (the audit anchor, notifications) run once it has committed.
  db.transaction = (fn) => withCommitHooks(() => transaction(fn));
  let closed = false;
  return {
    db,
    dialect: 'pg',
    memory: false,
    synchronous: 'FULL',
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
