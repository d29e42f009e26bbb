import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.ts';

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** The committed migrations as they stood before `tag`: a copy whose journal stops just before it. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ri-migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at, `${tag} is in the journal`).toBeGreaterThan(0);
  for (const e of journal.entries.slice(at)) rmSync(join(dir, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('migrations', () => {
  it('brings a database made before users could be disabled up to date, keeping its users enabled', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ri-old-db-')), 'reintegra.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('0003_users_disabled') });
    old.prepare("INSERT INTO users (id, name, role, password_hash) VALUES ('u1', 'ewa', 'editor', 'x')").run();
    expect(old.prepare('SELECT * FROM users').get()).not.toHaveProperty('disabled_at');
    old.close();

    const db = openDatabase(path);
    expect(db.$client.prepare('SELECT name, disabled_at FROM users').all()).toEqual([{ name: 'ewa', disabled_at: null }]);
    // Users, unlike published files and the audit log, may change.
    db.$client.prepare("UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = 'u1'").run();
    db.$client.close();
  });
});
