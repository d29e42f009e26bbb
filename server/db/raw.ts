import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { type Db, dialectOf, driverOf } from './handle.ts';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const pgTexts = new Map<string, { name: string; text: string }>();

/** SQLite compiles a statement once per connection, not on every request. */
function sqliteStatement(client: Database.Database, text: string): Database.Statement {
  let byText = statements.get(client);
  if (!byText) {
    byText = new Map();
    statements.set(client, byText);
  }
  let statement = byText.get(text);
  if (!statement) {
    statement = client.prepare(text);
    byText.set(text, statement);
  }
  return statement;
}

/** The same text with PostgreSQL's numbered parameters, named so that each connection prepares it once. */
function pgText(text: string): { name: string; text: string } {
  let found = pgTexts.get(text);
  if (!found) {
    let n = 0;
    found = {
      name: `ri_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
      text: text.replace(/\?/g, () => `$${++n}`),
    };
    pgTexts.set(text, found);
  }
  return found;
}

type Value = string | number | boolean | null;

/**
 * Rows of a statement written once for both databases, with `?` for each value: prepared once per connection on
 * either. For the few queries of the request path and reports that drizzle's builder would build anew each time.
 */
export async function query<T>(db: Db, text: string, values: readonly Value[] = []): Promise<T[]> {
  if (dialectOf(db) === 'sqlite') {
    const statement = sqliteStatement(driverOf(db) as Database.Database, text);
    if (statement.reader) return statement.all(...values) as T[];
    statement.run(...values);
    return [];
  }
  const client = driverOf(db) as pg.Pool | pg.PoolClient;
  return (await client.query({ ...pgText(text), values: values as Value[] })).rows as T[];
}

/** The first row of {@link query}, or undefined. */
export async function queryOne<T>(db: Db, text: string, values: readonly Value[] = []): Promise<T | undefined> {
  return (await query<T>(db, text, values))[0];
}

/** Runs a statement that returns no rows; resolves with how many rows it changed. */
export async function execute(db: Db, text: string, values: readonly Value[] = []): Promise<number> {
  if (dialectOf(db) === 'sqlite') return sqliteStatement(driverOf(db) as Database.Database, text).run(...values).changes;
  const client = driverOf(db) as pg.Pool | pg.PoolClient;
  return (await client.query({ ...pgText(text), values: values as Value[] })).rowCount ?? 0;
}

/**
 * Makes the running transaction the only one holding `key` until it ends: on PostgreSQL an advisory lock (other
 * nodes wait for it), on SQLite nothing to do, since a transaction there already writes alone (BEGIN IMMEDIATE).
 */
export async function exclusive(tx: Db, key: number): Promise<void> {
  if (dialectOf(tx) === 'pg') await query(tx, 'SELECT pg_advisory_xact_lock(?) AS locked', [key]);
}

/**
 * A field of a JSON text column in SQL, for either database: `as: 'text'` gives a scalar as text, `as: 'json'` gives
 * an object or array as JSON text. `column` and `path` are the caller's constants, never user input.
 */
export function jsonField(db: Db, column: string, path: readonly string[], as: 'text' | 'json'): string {
  if (dialectOf(db) === 'sqlite') return `json_extract(${column}, '$.${path.join('.')}')`;
  return `(${column}::json ${as === 'text' ? '#>>' : '#>'} '{${path.join(',')}}')${as === 'json' ? '::text' : ''}`;
}
