import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { verifyAudit } from '../store/audit.ts';
import { openStore } from '../store/open-store.ts';
import { write } from '../testing/raw-sql.ts';
import { openDatabase } from './open.ts';
import { query, queryOne } from './raw.ts';

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
  it('brings a database made before users could be disabled up to date, keeping its users enabled', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ri-old-db-')), 'reintegra.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('0003_users_disabled') });
    old.prepare("INSERT INTO users (id, name, role, password_hash) VALUES ('u1', 'ewa', 'editor', 'x')").run();
    expect(old.prepare('SELECT * FROM users').get()).not.toHaveProperty('disabled_at');
    old.close();

    const database = openDatabase(path);
    const db = database.db;
    expect(await query(db, 'SELECT name, disabled_at FROM users')).toEqual([{ name: 'ewa', disabled_at: null }]);
    // Users, unlike published files and the audit log, may change.
    expect(await write(db, "UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = 'u1'")).toBe(1);
    await database.close();
  });
});

describe('migration 0004 (change sets)', () => {
  it('makes each single-file draft a change set of one file, keeping who saved it so they may not approve it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ri-old-db-')), 'reintegra.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('0004_change_sets') });
    old
      .prepare(
        "INSERT INTO drafts (id, question, path, base_path, base_revision, yaml, revision, status, author_id) VALUES ('d1', 'pai-referral', 'rules/pai-referral/2019-06-15.yaml', 'rules/pai-referral/2019-06-15.yaml', 1, 'question: pai-referral', 3, 'submitted', 'ewa')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (1, '2026-01-01T00:00:00.000Z', 'adam', 'draft.save', 'draft:d1', '{\"revision\":2}', 'sha256:genesis', 'sha256:x')",
      )
      .run();
    old.close();

    const database = openDatabase(path);
    const db = database.db;
    expect(await query(db, 'SELECT draft_id, path, yaml, base_revision, revision, updated_by FROM draft_files')).toEqual([
      {
        draft_id: 'd1',
        path: 'rules/pai-referral/2019-06-15.yaml',
        yaml: 'question: pai-referral',
        base_revision: 1,
        revision: 3,
        updated_by: 'ewa',
      },
    ]);
    expect(await query(db, 'SELECT action, actor, revision FROM draft_edits ORDER BY id')).toEqual([
      { action: 'open', actor: 'ewa', revision: 1 },
      { action: 'save', actor: 'adam', revision: 2 },
    ]);
    expect(await queryOne(db, 'SELECT id, status, revision, author_id FROM drafts')).toEqual({
      id: 'd1',
      status: 'submitted',
      revision: 3,
      author_id: 'ewa',
    });
    await database.close();
  });
});

describe('migration 0005 (trust and jobs)', () => {
  it('keeps an older database working: tokens get 90 days from today, the unkeyed audit log is sealed with a keyed entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ri-old-db-'));
    mkdirSync(join(dir, 'data'));
    const path = join(dir, 'data', 'reintegra.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('0005_trust_and_jobs') });
    old
      .prepare(
        "INSERT INTO api_tokens (id, name, role, token_hash, created_at) VALUES ('t1', 'old', 'caseworker', 'h', '2020-01-01T00:00:00.000Z')",
      )
      .run();
    let prev = 'sha256:genesis';
    for (const seq of [1, 2]) {
      const e = {
        seq,
        at: `2025-01-0${seq}T00:00:00.000Z`,
        actor: 'system',
        action: 'import',
        subject: `rules/${seq}`,
        beforeHash: null,
        afterHash: null,
        detail: '{}',
        prevHash: prev,
      };
      const content = JSON.stringify({
        action: e.action,
        actor: e.actor,
        afterHash: null,
        at: e.at,
        beforeHash: null,
        detail: '{}',
        prevHash: prev,
        seq,
        subject: e.subject,
      });
      const hash = `sha256:${createHash('sha256').update(content).digest('hex')}`;
      old
        .prepare(
          'INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(seq, e.at, e.actor, e.action, e.subject, '{}', prev, hash);
      prev = hash;
    }
    old.close();

    const store = await openStore(parseEnv({ DATABASE_PATH: path }));
    const token = (await queryOne<{ expires_at: string }>(store.db, 'SELECT expires_at FROM api_tokens')) as {
      expires_at: string;
    };
    expect(Math.round((Date.parse(token.expires_at) - Date.now()) / 86_400_000)).toBe(90);
    const log = await query<{ seq: number; action: string; hash: string }>(
      store.db,
      'SELECT seq, action, hash FROM audit_log ORDER BY seq',
    );
    expect(log.map((e) => e.action)).toEqual(['import', 'import', 'audit.keyed']);
    expect(log[2]?.hash).toMatch(/^hmac-sha256:/);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, entries: 3 });
    await store.close();
  });
});
