// Raw SQL for tests: a write of their own (outside a transaction the handle only reads), SQLite's connection, every row.
import type BetterSqlite from 'better-sqlite3';
import { type Db, dialectOf, sqliteOf } from '../db/handle.ts';
import { execute, query } from '../db/raw.ts';

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

/** Every row of every table, as JSON text: for a test to show that something is kept nowhere in the database. */
export async function everyRowText(db: Db): Promise<string> {
  const tables = await query<{ name: string }>(
    db,
    dialectOf(db) === 'pg'
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
      : "SELECT name FROM sqlite_master WHERE type = 'table'",
  );
  const rows: unknown[] = [];
  for (const { name } of tables) rows.push(...(await query(db, `SELECT * FROM "${name}"`)));
  return JSON.stringify(rows);
}
