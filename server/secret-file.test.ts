// Defect 7 of issue 13: without REINTEGRA_SECRET the case-reference key lives in its own file, never in the database.
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/open.ts';
import { query, queryOne } from './db/raw.ts';
import { parseEnv } from './env.ts';
import { startServer } from './start.ts';
import { createToken } from './store/people.ts';
import { write } from './testing/raw-sql.ts';

/** The database file and its WAL, as bytes: what someone who copies the data folder gets. */
const dataBytes = (path: string) =>
  Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]);

function folder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `ri-${prefix}-`));
  const database = join(dir, 'data', 'reintegra.db');
  return {
    dir,
    database,
    env: parseEnv({ DATABASE_PATH: database, PORT: '0', ADMIN_PASSWORD: 'a-long-admin-password', LOG_REQUESTS: 'false' }),
  };
}

async function decideWithCaseRef(url: string, token: string, caseRef: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      question: 'pai-referral',
      date: '2014-09-15',
      facts: { registered_unemployed: true },
      case_ref: caseRef,
    }),
  });
  return ((await res.json()) as { receipt: { id: string } }).receipt.id;
}

describe('the case-reference key without REINTEGRA_SECRET', () => {
  it('is generated into a 0600 file beside the data folder, said at start, and absent from the database', async () => {
    const { dir, database, env } = folder('secret');
    const lines: string[] = [];
    const server = await startServer(env, (l) => lines.push(l));
    const path = join(dir, 'data.secret');
    const key = readFileSync(path, 'utf8').trim();
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(lines.find((l) => l.includes('key of case references'))).toContain(path);
    const token = await createToken(server.db, { name: 'cw', role: 'caseworker' });
    const id = await decideWithCaseRef(server.url, token, 'PUP-KR/2025/0001');
    const stored = await queryOne(server.db, 'SELECT case_ref_hmac FROM decisions WHERE id = ?', [id]);
    expect(stored).toEqual({ case_ref_hmac: createHmac('sha256', key).update('PUP-KR/2025/0001').digest('hex') });
    expect(await query(server.db, 'SELECT * FROM settings')).toEqual([]);
    await server.close();
    expect(dataBytes(database).includes(key)).toBe(false);
    // The same key again at the next start.
    const again = await startServer(env, () => {});
    expect(readFileSync(path, 'utf8').trim()).toBe(key);
    await again.close();
  });

  it('is moved out of a database that kept it, and wiped from the file, so old case references still match', async () => {
    const { dir, database, env } = folder('secret-move');
    const legacy = 'a-key-an-older-server-kept-in-the-database-0123456789';
    const old = openDatabase(database);
    await write(old.db, "INSERT INTO settings (key, value) VALUES ('case_ref_secret', ?)", [legacy]);
    await old.close();
    expect(dataBytes(database).includes(legacy)).toBe(true);

    const lines: string[] = [];
    const server = await startServer(env, (l) => lines.push(l));
    expect(readFileSync(join(dir, 'data.secret'), 'utf8').trim()).toBe(legacy);
    expect(lines.join('\n')).toContain('"moved_from_database":true');
    const token = await createToken(server.db, { name: 'cw', role: 'caseworker' });
    const id = await decideWithCaseRef(server.url, token, 'PUP-KR/2014/0042');
    const stored = await queryOne(server.db, 'SELECT case_ref_hmac FROM decisions WHERE id = ?', [id]);
    expect(stored).toEqual({ case_ref_hmac: createHmac('sha256', legacy).update('PUP-KR/2014/0042').digest('hex') });
    await server.close();
    expect(dataBytes(database).includes(legacy)).toBe(false);
  });

  it('refuses to start when the file and the database hold different keys, saying what to do', async () => {
    const { dir, database, env } = folder('secret-clash');
    const old = openDatabase(database);
    await write(
      old.db,
      "INSERT INTO settings (key, value) VALUES ('case_ref_secret', 'one-key-0123456789-0123456789-0123456789')",
    );
    await old.close();
    writeFileSync(join(dir, 'data.secret'), 'another-key-0123456789-0123456789-01234\n', { mode: 0o600 });
    await expect(startServer(env, () => {})).rejects.toThrow(/differs from the one in .*data\.secret/);
  });

  it('is not written to a file when REINTEGRA_SECRET is set', async () => {
    const { dir, env } = folder('secret-env');
    const lines: string[] = [];
    const server = await startServer({ ...env, REINTEGRA_SECRET: 'x'.repeat(40) }, (l) => lines.push(l));
    await server.close();
    expect(existsSync(join(dir, 'data.secret'))).toBe(false);
    expect(lines.join('\n')).toContain('"source":"environment"');
  });

  it('refuses a key file others may read', async () => {
    const { dir, env } = folder('secret-mode');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data.secret'), `${'k'.repeat(40)}\n`, { mode: 0o644 });
    await expect(startServer(env, () => {})).rejects.toThrow(/chmod 600/);
  });
});
