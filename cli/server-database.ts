import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type Database, openDatabase } from '../server/db/open.ts';
import { isPostgresUrl, openPgDatabase } from '../server/db/open-pg.ts';
import { parseEnv, type ServerEnv } from '../server/env.ts';
import { CliError } from './io.ts';

/** A setting of the environment, unset when empty (as parseEnv reads them). */
function setting(name: string): string | undefined {
  return process.env[name] || undefined;
}

/**
 * The server database the command line names: --database (a SQLite file or a postgres:// URL), else DATABASE_URL
 * (which the server, too, prefers to the file), else DATABASE_PATH; undefined when none is named.
 */
export function namedDatabase(program: Command): string | undefined {
  return program.opts<{ database?: string }>().database ?? setting('DATABASE_URL') ?? setting('DATABASE_PATH');
}

/** A database's location for messages: a URL's password is never printed. */
export function shownLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return 'postgres://…';
  }
}

/** A SQLite file named on the command line must exist: a mistyped path is an error, not a new empty database. */
export function requireExisting(location: string): void {
  if (isPostgresUrl(location) || location === ':memory:' || existsSync(location)) return;
  throw new CliError(`no database at ${location}: give the server's DATABASE_PATH (or its DATABASE_URL)`);
}

/** Opens a server's database to read it: PostgreSQL for a postgres:// URL, else the SQLite file, which must exist. */
export async function openServerDatabase(location: string): Promise<Database> {
  requireExisting(location);
  // One connection is enough: the command line asks one query at a time.
  if (isPostgresUrl(location)) return openPgDatabase(location, { poolSize: 1 });
  return openDatabase(location);
}

/**
 * The server's settings, checked as the server checks them, with the database of --database in place of the
 * environment's: a postgres:// URL becomes DATABASE_URL, a file DATABASE_PATH (and DATABASE_URL is then ignored).
 */
export function serverEnv(program: Command): ServerEnv {
  const database = program.opts<{ database?: string }>().database;
  if (database === undefined) return parseEnv();
  const chosen = isPostgresUrl(database) ? { DATABASE_URL: database } : { DATABASE_PATH: database, DATABASE_URL: undefined };
  return parseEnv({ ...process.env, ...chosen });
}
