import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { eq } from 'drizzle-orm';
import { type Db, sqliteOf } from '../db/handle.ts';
import { settings } from '../db/schema.ts';

/** The settings row where servers before the key file kept the generated key. */
const LEGACY_KEY = 'case_ref_secret';

/** The server's secret and where it came from, so the start can say what protects the data. */
export interface ServerSecret {
  value: string;
  source: 'environment' | 'file' | 'memory';
  /** The key file, when the secret lives in one. */
  path?: string;
  /** True when this start generated the key. */
  created: boolean;
  /** True when this start moved a key out of the database into the file. */
  movedFromDatabase: boolean;
}

/** Raised when the key cannot be found or kept safely; the message says what to do. */
export class SecretError extends Error {}

/**
 * The server's secret: REINTEGRA_SECRET when set, else the key file at `path` (created once, mode 0600).
 * A key an older server kept in the database is moved to the file and wiped from the database, so the
 * database file alone no longer gives case references back.
 */
export async function resolveSecret(
  db: Db,
  options: { fromEnv?: string | undefined; path: string | null },
): Promise<ServerSecret> {
  const [row] = await db.select().from(settings).where(eq(settings.key, LEGACY_KEY));
  const legacy = row?.value;
  if (options.fromEnv) {
    // A legacy key still keyed the receipts stored before REINTEGRA_SECRET was set: keep it, out of the database.
    const moved = legacy !== undefined && legacy !== options.fromEnv && options.path !== null && keepInFile(options.path, legacy);
    if (legacy !== undefined) await wipeLegacyKey(db);
    return { value: options.fromEnv, source: 'environment', created: false, movedFromDatabase: moved };
  }
  if (options.path === null) {
    return {
      value: legacy ?? randomBytes(32).toString('base64url'),
      source: 'memory',
      created: !legacy,
      movedFromDatabase: false,
    };
  }
  const path = options.path;
  if (existsSync(path)) {
    const value = readKeyFile(path);
    if (legacy !== undefined && legacy !== value)
      throw new SecretError(
        `the database holds a case-reference key that differs from the one in ${path}: keep the one that keyed your receipts (move the other away) and start again`,
      );
    if (legacy !== undefined) await wipeLegacyKey(db);
    return { value, source: 'file', path, created: false, movedFromDatabase: legacy !== undefined };
  }
  const value = legacy ?? randomBytes(32).toString('base64url');
  keepInFile(path, value);
  if (legacy !== undefined) await wipeLegacyKey(db);
  return { value, source: 'file', path, created: legacy === undefined, movedFromDatabase: legacy !== undefined };
}

/** Writes the key to a new file only its owner can read; false when a file is already there. */
function keepInFile(path: string, value: string): boolean {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new SecretError(`cannot write the key file ${path} (${(e as Error).message}): set SECRET_PATH or REINTEGRA_SECRET`);
  }
  // The umask may have taken bits away, never added: make it exactly 0600.
  chmodSync(path, 0o600);
  return true;
}

function readKeyFile(path: string): string {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) throw new SecretError(`the key file ${path} may be read by others (mode ${mode.toString(8)}): chmod 600 it`);
  const value = readFileSync(path, 'utf8').trim();
  if (value.length < 32) throw new SecretError(`the key file ${path} holds fewer than 32 characters: restore it from a backup`);
  return value;
}

/**
 * Deletes the old key; on SQLite so that its bytes are overwritten in the file, and checkpointed so that no copy
 * stays in the WAL (at start, before any other transaction).
 */
async function wipeLegacyKey(db: Db): Promise<void> {
  const writer = await db.transaction(async (tx) => {
    const sqlite = sqliteOf(tx);
    sqlite?.pragma('secure_delete = ON');
    await tx.delete(settings).where(eq(settings.key, LEGACY_KEY));
    return sqlite;
  });
  writer?.pragma('secure_delete = OFF');
  writer?.pragma('wal_checkpoint(TRUNCATE)');
}

/** A key for one purpose derived from the server secret, so the case-reference HMAC and the audit chain never share a key. */
export function derivedKey(secret: string, purpose: 'audit-chain'): Buffer {
  return createHmac('sha256', secret).update(`reintegra/${purpose}/v1`, 'utf8').digest();
}
