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

/**
 * The hooks of each running transaction, by its handle (a nested transaction's handle shares its outermost's list).
 * Kept by handle, not in an AsyncLocalStorage: that would switch on promise hooks for every promise of the process,
 * a few per cent of a decision's time.
 */
const commitHooks = new WeakMap<object, Array<() => void>>();

/** Runs `fn` once the transaction of `tx` has committed (at once, when `tx` is no transaction); never after a rollback. */
export function afterCommit(tx: Db, fn: () => void): void {
  const hooks = commitHooks.get(tx);
  if (hooks) hooks.push(fn);
  else fn();
}

/** Runs an outermost transaction whose handle is `tx`, then the {@link afterCommit} hooks registered inside it. */
export async function withCommitHooks<T>(tx: Db, run: () => Promise<T>): Promise<T> {
  const hooks: Array<() => void> = [];
  commitHooks.set(tx, hooks);
  let value: T;
  try {
    value = await run();
  } finally {
    commitHooks.delete(tx);
  }
  for (const hook of hooks) hook();
  return value;
}

/** A new list of hooks for the outermost transaction of `tx`, for its caller to run once it has committed. */
export function hooksFor(tx: Db): Array<() => void> {
  const hooks: Array<() => void> = [];
  commitHooks.set(tx, hooks);
  return hooks;
}

/** Makes a nested transaction's handle register its hooks with its outermost transaction's. */
export function nestedHooks(inner: Db, outer: Db): void {
  const hooks = commitHooks.get(outer);
  if (hooks) commitHooks.set(inner, hooks);
}

/** The better-sqlite3 connection under a SQLite handle; undefined on PostgreSQL. */
export function sqliteOf(db: Db): Database.Database | undefined {
  return dialectOf(db) === 'sqlite' ? (driverOf(db) as Database.Database) : undefined;
}

/**
 * One SQLite transaction at a time per process, on the writing connection: a transaction is async (it may await
 * between statements), and no statement of another request may land inside it. A nested call from the same
 * transaction becomes a savepoint. A call on the outer handle from inside one would wait for itself: a transaction
 * that waits longer than `waitMs` for its turn fails, saying so, rather than hang.
 */
export class SqliteTransactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly writer: Database.Database,
    private readonly handle: Db,
    private readonly waitMs = 30_000,
  ) {}

  run<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const turn = this.turn(this.tail);
    const result = turn.then(() => withCommitHooks(this.handle, () => this.once(fn)));
    this.tail = result.catch(() => {});
    return result;
  }

  /** Resolves when the transactions before this one have ended; rejects after waitMs. */
  private turn(before: Promise<unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `a transaction waited ${this.waitMs} ms for the one before it: was it begun on the outer handle inside another? pass the transaction handle (tx) down`,
            ),
          ),
        this.waitMs,
      );
      void before.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
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
