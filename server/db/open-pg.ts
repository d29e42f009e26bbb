import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Db, hooksFor, nestedHooks } from './handle.ts';
import { migratePool } from './migrate-pg.ts';
import type { Database } from './open.ts';

// Counts, sums and bigint columns come back as numbers, as SQLite's do: every count we keep is far below 2^53. Set for
// the process, not the pool: drizzle's driver passes its own parsers with each query, built on pg's global ones.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

/** True when a database setting names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** A pool on PostgreSQL (bigints read as numbers: see above). */
export function pgPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, max });
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
  // A transaction's afterCommit hooks (the audit anchor) run once it has committed; its savepoints' hooks with its own.
  const withHooks = (tx: Db): Db => {
    const savepoint = tx.transaction.bind(tx);
    tx.transaction = (fn) =>
      savepoint((inner) => {
        nestedHooks(inner, tx);
        return fn(withHooks(inner));
      });
    return tx;
  };
  db.transaction = async (fn) => {
    let hooks: Array<() => void> = [];
    const value = await transaction((tx) => {
      const handle = withHooks(tx);
      hooks = hooksFor(handle);
      return fn(handle);
    });
    // Committed (drizzle commits once the callback resolves, and throws on a rollback): now the hooks.
    for (const hook of hooks) hook();
    return value;
  };
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
