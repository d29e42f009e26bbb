// Defect 8 of issue 13: the audit chain is keyed with the server secret, and each head is published outside the
// database, so that a cut tail (or a chain rewritten without the key) no longer verifies.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/ir/hash.ts';
import { execute, query, queryOne } from './db/raw.ts';
import { anchorPath, secretPath } from './env.ts';
import { auditKey, verifyAudit } from './store/audit.ts';
import { lastAnchoredHead } from './store/audit-anchor.ts';
import { addUser, createToken } from './store/people.ts';
import { sqliteConnection } from './testing/raw-sql.ts';
import { TEST_DATABASE, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
const ROOT = new URL('..', import.meta.url).pathname;

function cli(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/reintegra.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the live database with its append-only guard dropped, as a tamperer would make it. */
function tamperedCopy(name: string): Database.Database {
  const copy = join(t.dir, `${name}.db`);
  sqliteConnection(t.server.db).exec(`VACUUM INTO '${copy}'`);
  const raw = new Database(copy);
  raw.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update');
  return raw;
}

/** The heads written, as the anchor file holds them, once the server has published the newest. */
async function anchored() {
  const last = (await queryOne<{ seq: number }>(t.server.db, 'SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1')) as {
    seq: number;
  };
  // The head is written just after the transaction that made it; wait for that write, not for a time.
  for (let i = 0; i < 1000 && (lastAnchoredHead(anchorPath(t.env))?.seq ?? 0) < last.seq; i++) await new Promise(setImmediate);
  return readFileSync(anchorPath(t.env), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { seq: number; hash: string });
}

beforeAll(async () => {
  t = await testServer('anchor');
  await addUser(t.server.db, { name: 'ala', role: 'editor', password: 'ala-has-a-long-password' });
  await createToken(t.server.db, { name: 'importer', role: 'editor' });
});
afterAll(() => t?.close());

describe('the keyed audit chain and its anchor', () => {
  it('hashes every entry with the server secret (HMAC), not a bare hash anyone can recompute', async () => {
    const entries = await query<{ hash: string }>(t.server.db, 'SELECT hash FROM audit_log');
    expect(entries.length).toBeGreaterThan(3);
    for (const e of entries) expect(e.hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
  });

  it('writes each new head to the append-only anchor file and to the log', async () => {
    const heads = await anchored();
    const last = await queryOne(t.server.db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(heads.at(-1)).toMatchObject(last as object);
    expect(heads.map((h) => h.seq)).toEqual([...heads.map((h) => h.seq)].sort((a, b) => a - b));
    expect(t.lines.some((l) => l.includes('"msg":"audit head"') && l.includes((last as { hash: string }).hash))).toBe(true);
  });

  // These two tamper with a copy of the SQLite file (VACUUM INTO) and check the copy with the command line.
  it.skipIf(TEST_DATABASE === 'pg')(
    'no longer verifies a log whose last entries were deleted, given the published head',
    async () => {
      const head = (await anchored()).at(-1) as { hash: string };
      const raw = tamperedCopy('cut');
      raw.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)');
      const copy = drizzle(raw) as never;
      const key = auditKey(t.server.db);
      // Without a head, a cut tail looks like a shorter, whole log: that was the defect.
      expect(await verifyAudit(copy, { key })).toMatchObject({ ok: true });
      expect(await verifyAudit(copy, { key, head: head.hash })).toMatchObject({ ok: false, code: 'HEAD_NOT_FOUND' });
      raw.close();
      // The command line says so too, with the head given or read from the anchor file.
      const env = { DATABASE_PATH: join(t.dir, 'cut.db'), SECRET_PATH: secretPath(t.env) };
      const given = cli(env, 'audit', 'verify', '--head', head.hash);
      expect(given.code).toBe(1);
      expect(given.err).toContain('the log was cut or rewritten');
      expect(cli({ ...env, AUDIT_ANCHOR_PATH: anchorPath(t.env) }, 'audit', 'verify').code).toBe(1);
      const intact = cli({ DATABASE_PATH: t.env.DATABASE_PATH }, 'audit', 'verify', '--head', head.hash);
      expect(intact.code, intact.err).toBe(0);
      expect(intact.out).toContain('holding the published head');
    },
  );

  it.skipIf(TEST_DATABASE === 'pg')(
    'no longer verifies a chain rewritten with bare hashes by someone without the key',
    async () => {
      const raw = tamperedCopy('rewritten');
      const rows = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, string | number | null>[];
      let prev = 'sha256:genesis';
      raw.exec('DELETE FROM audit_log');
      const insert = raw.prepare(
        'INSERT INTO audit_log (seq, at, actor, action, subject, before_hash, after_hash, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const r of rows) {
        const e: Record<string, string | number | null> = { ...r, actor: r.seq === 2 ? 'someone-else' : (r.actor as string) };
        // Hashed exactly as entries were before the chain was keyed: the forgery is a valid unkeyed chain.
        const content = canonicalJson({
          action: e.action,
          actor: e.actor,
          afterHash: e.after_hash,
          at: e.at,
          beforeHash: e.before_hash,
          detail: e.detail,
          prevHash: prev,
          seq: e.seq,
          subject: e.subject,
        });
        const hash = `sha256:${createHash('sha256').update(content).digest('hex')}`;
        insert.run(e.seq, e.at, e.actor, e.action, e.subject, e.before_hash, e.after_hash, e.detail, prev, hash);
        prev = hash;
      }
      expect(await verifyAudit(drizzle(raw) as never, { key: auditKey(t.server.db) })).toMatchObject({
        ok: false,
        code: 'CONTENT_CHANGED',
        reason: expect.stringContaining('no entry is keyed'),
      });
      raw.close();
    },
  );

  it('shows on the audit page the head it checked, and a cut tail once the log loses its published head', async () => {
    const admin = { token: await createToken(t.server.db, { name: 'auditor', role: 'admin' }) };
    const heads = await anchored();
    const page = await t.api('GET', '/api/v1/audit?limit=1', { auth: admin });
    expect(page.body.chain).toMatchObject({ ok: true, checkedHead: (heads.at(-1) as { hash: string }).hash });
    expect(page.body.anchor).toMatchObject({ seq: (heads.at(-1) as { seq: number }).seq });
    // Someone with the database file (or PostgreSQL's owner) cuts the last entries while the server runs.
    const cut = 'DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)';
    if (TEST_DATABASE === 'sqlite') {
      const raw = new Database(t.env.DATABASE_PATH);
      raw.exec(`DROP TRIGGER audit_log_no_delete; ${cut}`);
      raw.close();
    } else
      await t.server.db.transaction(async (tx) => {
        await execute(tx, 'DROP TRIGGER audit_log_no_delete ON audit_log');
        await execute(tx, cut);
      });
    const after = await t.api('GET', '/api/v1/audit?limit=1', { auth: admin });
    expect(after.body.chain).toMatchObject({ ok: false, code: 'HEAD_NOT_FOUND' });
    const older = await t.api('GET', `/api/v1/audit?limit=1&head=${(heads[0] as { hash: string }).hash}`, { auth: admin });
    expect(older.body.chain).toMatchObject({ ok: true });
  });
});
