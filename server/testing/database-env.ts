// What another process (the command line, a second server) needs to open a test server's database.
import type { ServerEnv } from '../env.ts';

/**
 * The settings naming a test server's database for a child process: its SQLite file, or its PostgreSQL URL with the
 * secret that keys its audit chain (nodes on one PostgreSQL share it; the file beside a SQLite database is found by path).
 */
export function databaseEnv(env: ServerEnv): Record<string, string> {
  return {
    DATABASE_PATH: env.DATABASE_PATH,
    ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}),
    ...(env.REINTEGRA_SECRET ? { REINTEGRA_SECRET: env.REINTEGRA_SECRET } : {}),
  };
}
