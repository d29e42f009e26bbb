import type Database from 'better-sqlite3';
import type { Db } from './open.ts';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement of the request path, prepared once per connection: SQLite compiles its SQL once, not on every
 * request (drizzle's query builder prepares anew each time, which showed as a tenth of a decision's time).
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let byText = cache.get(db.$client);
  if (!byText) {
    byText = new Map();
    cache.set(db.$client, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = db.$client.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}
