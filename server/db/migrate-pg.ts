import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const MIGRATIONS = fileURLToPath(new URL('./migrations-pg', import.meta.url));

/** Any fixed number: the advisory lock that lets one server at a time migrate a database. */
const MIGRATION_LOCK = 0x7269_6d67;

/**
 * Applies the committed PostgreSQL migrations (server/db/migrations-pg) on a connection of `pool`; those already
 * applied are skipped, so it may run on every start. Servers starting together wait for each other's migration:
 * drizzle's own CREATE SCHEMA / CREATE TABLE IF NOT EXISTS may still collide when run at once.
 */
export async function migratePool(pool: pg.Pool): Promise<void> {
  // One connection for all of it: an advisory lock belongs to the session that took it.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** {@link migratePool} on a pool of its own for the database at `url`. */
export async function migratePg(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migratePool(pool);
  } finally {
    await pool.end();
  }
}
