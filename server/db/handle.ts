import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { PgDatabase } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

type SqliteDrizzle = BetterSQLite3Database<typeof schema>;

/**
 * The store's handle on the database, whichever it is: drizzle's query builder, always awaited (never `.all()`,
 * `.get()` or `.run()`, which only SQLite has). It is typed with SQLite's tables because drizzle has no type common
 * to both dialects; on PostgreSQL the same builder calls render PostgreSQL (see README.md in this folder), and the
 * whole server suite runs on both to keep it so. A transaction's handle is a `Db` too.
 */
export type Db = Omit<SqliteDrizzle, 'transaction' | 'all' | 'get' | 'run' | 'values' | '$client' | 'batch'> & {
  /** Runs `fn` in one transaction (a savepoint inside another); commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
};

/** Which database a handle speaks to. */
export type Dialect = 'sqlite' | 'pg';

/** SQLite or PostgreSQL, from the handle itself (a transaction's handle answers as its database does). */
export function dialectOf(db: Db): Dialect {
  return is(db, PgDatabase) ? 'pg' : 'sqlite';
}

/** The driver's connection under a handle: better-sqlite3's database, or pg's pool (or a transaction's client). */
export function driverOf(db: Db): unknown {
  return (db as unknown as { session: { client: unknown } }).session.client;
}

const aliases = new WeakMap<object, object>();

/**
 * What every handle of one opened database shares, its transactions' included: a key for what is kept per
 * database (the audit chain's binding, caches). Drizzle gives a transaction its database's dialect object.
 */
export function databaseKey(db: Db): object {
  const dialect = (db as unknown as { dialect: object }).dialect;
  return aliases.get(dialect) ?? dialect;
}

/** Makes `other` (SQLite's writing connection) count as the same database as `db`. */
export function sameDatabase(other: Db, db: Db): void {
  aliases.set((other as unknown as { dialect: object }).dialect, databaseKey(db));
}

const commitHooks = new AsyncLocalStorage<Array<() => void>>();

/** Runs `fn` once the transaction now running has committed (at once, when none runs); never after a rollback. */
export function afterCommit(fn: () => void): void {
  const hooks = commitHooks.getStore();
  if (hooks) hooks.push(fn);
  else fn();
}

/** Runs an outermost transaction so that {@link afterCommit} hooks registered inside run after it commits. */
export async function withCommitHooks<T>(run: () => Promise<T>): Promise<T> {
  const hooks: Array<() => void> = [];
  const value = await commitHooks.run(hooks, run);
  for (const hook of hooks) hook();
  return value;
}

/** The better-sqlite3 connection under a SQLite handle; undefined on PostgreSQL. */
export function sqliteOf(db: Db): Database.Database | undefined {
  return dialectOf(db) === 'sqlite' ? (driverOf(db) as Database.Database) : undefined;
}

/**
 * One SQLite transaction at a time per process, on the writing connection: a transaction is async (it may await
 * between statements), and no statement of another request may land inside it. A nested call from the same
 * transaction becomes a savepoint; a call on the outer handle from inside would wait for itself, so it throws.
 */
export class SqliteTransactions {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<boolean>();

  constructor(
    private readonly writer: Database.Database,
    private readonly handle: Db,
  ) {}

  run<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inside.getStore())
      throw new Error('a transaction began on the outer handle inside another: pass the transaction handle (tx) down');
    const result = this.tail.then(() => this.inside.run(true, () => withCommitHooks(() => this.once(fn))));
    this.tail = result.catch(() => {});
    return result;
  }

  /** A savepoint inside the running transaction: its part is undone alone when it throws. */
  async nested<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    this.writer.exec(`SAVEPOINT ${name}`);
    try {
      const value = await fn(this.handle);
      this.writer.exec(`RELEASE ${name}`);
      return value;
    } catch (e) {
      this.writer.exec(`ROLLBACK TO ${name}`);
      this.writer.exec(`RELEASE ${name}`);
      throw e;
    } finally {
      this.savepoints--;
    }
  }

  private savepoints = 0;

  private async once<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock now (waiting up to busy_timeout for another process), so what the
    // transaction reads (the audit chain's head) cannot go stale before it writes.
    this.writer.exec('BEGIN IMMEDIATE');
    try {
      const value = await fn(this.handle);
      this.writer.exec('COMMIT');
      return value;
    } catch (e) {
      if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
      throw e;
    }
  }
}
