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
  // Every transaction takes the write lock when it begins (waiting up to busy_timeout for it), not at its first
  // write: with several processes on one file (WORKERS), a transaction that read before another process committed
  // could not write any more (SQLITE_BUSY_SNAPSHOT), and the audit chain's head it read would be stale.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

/** The better-sqlite3 connection under a drizzle database or one of its transactions. */
export function clientOf(db: Db): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}
