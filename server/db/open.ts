import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** SQLite's `synchronous` levels a setting may choose; FULL syncs the WAL on every commit. */
export const SYNCHRONOUS_LEVELS = ['EXTRA', 'FULL', 'NORMAL', 'OFF'] as const;
export type Synchronous = (typeof SYNCHRONOUS_LEVELS)[number];

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens (creating if needed) the SQLite file in WAL mode and applies the committed migrations.
 * `synchronous` is FULL unless lowered: better-sqlite3 builds with NORMAL under WAL, where a power
 * loss may take back receipts already answered 200.
 */
export function openDatabase(path: string, options: { synchronous?: Synchronous } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

/** The better-sqlite3 connection under a drizzle database or one of its transactions. */
export function clientOf(db: Db): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}
