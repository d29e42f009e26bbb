import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { type Db, type Dialect, SqliteTransactions, sameDatabase } from './handle.ts';
import * as schema from './schema.ts';

export type { Db, Dialect } from './handle.ts';

/** SQLite's `synchronous` levels a setting may choose; FULL syncs the WAL on every commit. */
export const SYNCHRONOUS_LEVELS = ['EXTRA', 'FULL', 'NORMAL', 'OFF'] as const;
export type Synchronous = (typeof SYNCHRONOUS_LEVELS)[number];

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** An open database: the store's handle, what it is, and how to close it. */
export interface Database {
  db: Db;
  dialect: Dialect;
  /** The SQLite file (a temporary one for `:memory:`); undefined on PostgreSQL. */
  file?: string;
  /** True for `:memory:`: nothing to keep, anchor or share with another process. */
  memory: boolean;
  /** The SQLite `synchronous` level in force (FULL on PostgreSQL, whose commits are durable). */
  synchronous: Synchronous;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the SQLite file in WAL mode and applies the committed migrations. Two connections:
 * one that only reads, for everything outside a transaction (it sees committed data only), and one that writes,
 * used by one transaction at a time. `:memory:` is a temporary file removed at close, so both connections share it.
 * `synchronous` is FULL unless lowered: under WAL with NORMAL a power loss may take back receipts already answered.
 */
export function openDatabase(
  path: string,
  options: {
    synchronous?: Synchronous /** How long a transaction waits for its turn before it fails. */;
    transactionWaitMs?: number;
  } = {},
): Database {
  const memory = path === ':memory:';
  const folder = memory ? mkdtempSync(join(tmpdir(), 'ri-memory-')) : undefined;
  const file = folder ? join(folder, 'memory.db') : path;
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const synchronous = options.synchronous ?? 'FULL';
  const writer = new BetterSqlite(file);
  let reader: BetterSqlite.Database | undefined;
  try {
    writer.pragma('journal_mode = WAL');
    writer.pragma(`synchronous = ${synchronous}`);
    writer.pragma('foreign_keys = ON');
    writer.pragma('busy_timeout = 5000');
    migrate(drizzle(writer, { schema }), { migrationsFolder: MIGRATIONS });
    reader = new BetterSqlite(file, { readonly: true });
    reader.pragma('busy_timeout = 5000');
  } catch (e) {
    writer.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    throw e;
  }
  const db = drizzle(reader, { schema }) as unknown as Db;
  const tx = drizzle(writer, { schema }) as unknown as Db;
  sameDatabase(tx, db);
  const transactions = new SqliteTransactions(writer, tx, options.transactionWaitMs);
  db.transaction = (fn) => transactions.run(fn);
  tx.transaction = (fn) => transactions.nested(fn);
  const opened = reader;
  return {
    db,
    dialect: 'sqlite',
    file,
    memory,
    synchronous,
    async close() {
      if (opened.open) opened.close();
      if (writer.open) writer.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
