// Raw SQL for tests: a write of their own (outside a transaction the handle only reads), and SQLite's connection itself.
import type BetterSqlite from 'better-sqlite3';
import { type Db, sqliteOf } from '../db/handle.ts';
import { execute } from '../db/raw.ts';

type Value = string | number | boolean | null;

/** Runs one statement (`?` placeholders, portable SQL) in a transaction of its own; resolves with the rows it changed. */
export function write(db: Db, text: string, values: readonly Value[] = []): Promise<number> {
  return db.transaction((tx) => execute(tx, text, values));
}

/**
 * The better-sqlite3 connection under a SQLite handle, for the tests that inspect SQLite itself (its pragmas, its
 * file). Outside a transaction it is the read-only connection.
 */
export function sqliteConnection(db: Db): BetterSqlite.Database {
  const connection = sqliteOf(db);
  if (!connection) throw new Error('this test inspects SQLite itself: it runs on SQLite only');
  return connection;
}
