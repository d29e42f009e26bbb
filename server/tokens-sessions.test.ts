// Defect 6 of issue 13: sessions are swept when expired; tokens expire, note their last use, and can be listed and revoked.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { query, queryOne } from './db/raw.ts';
import { sweep } from './store/maintenance.ts';
import { addUser, createToken, forgetTokens } from './store/people.ts';
import { databaseEnv } from './testing/database-env.ts';
import { write } from './testing/raw-sql.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let admin: Auth;
const ROOT = new URL('..', import.meta.url).pathname;

/** The real command line, on the test server's database. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/reintegra.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...databaseEnv(t.env), NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const row = async (token: string) =>
  (await queryOne(t.server.db, 'SELECT * FROM api_tokens WHERE name = ?', [token])) as Record<string, string | null>;

beforeAll(async () => {
  t = await testServer('tokens');
  admin = { token: await createToken(t.server.db, { name: 'ops', role: 'admin' }) };
});
afterAll(() => t?.close());

describe('API tokens', () => {
  it('expire after 90 days unless told otherwise, and note when they were last used', async () => {
    const token = await createToken(t.server.db, { name: 'payroll', role: 'caseworker' });
    const expires = Date.parse((await row('payroll')).expires_at as string);
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(90);
    expect((await row('payroll')).last_used_at).toBeNull();
    expect((await t.api('GET', '/api/v1/questions', { auth: { token } })).status).toBe(200);
    expect(Date.now() - Date.parse((await row('payroll')).last_used_at as string)).toBeLessThan(60_000);
  });

  it('refuses an expired token with 401', async () => {
    const token = await createToken(t.server.db, { name: 'old-system', role: 'caseworker', days: 1 });
    expect((await t.api('GET', '/api/v1/questions', { auth: { token } })).status).toBe(200);
    await write(t.server.db, "UPDATE api_tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE name = 'old-system'");
    // Edited behind the server's back: its memory of tokens (two seconds) is dropped, as a revocation drops it.
    forgetTokens(t.server.db);
    expect((await t.api('GET', '/api/v1/questions', { auth: { token } })).status).toBe(401);
  });

  it('lists tokens for admins only, never their secret, and revokes one (audited); a revoked token gets 401', async () => {
    const token = await createToken(t.server.db, { name: 'leaked', role: 'analyst' });
    expect((await t.api('GET', '/api/v1/tokens', { auth: { token } })).status).toBe(403);
    const list = await t.api('GET', '/api/v1/tokens', { auth: admin });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(token);
    expect(list.text).not.toContain('token_hash');
    const leaked = list.body.tokens.find((x: { name: string }) => x.name === 'leaked');
    expect(leaked).toMatchObject({ role: 'analyst', state: 'active', revoked_at: null });
    expect(list.body.tokens.find((x: { name: string }) => x.name === 'old-system').state).toBe('expired');
    const revoked = await t.api('DELETE', `/api/v1/tokens/${leaked.id}`, { auth: admin });
    expect(revoked.body).toMatchObject({ state: 'revoked', revoked_at: expect.any(String) });
    expect((await t.api('GET', '/api/v1/questions', { auth: { token } })).status).toBe(401);
    expect((await t.api('DELETE', '/api/v1/tokens/no-such-token', { auth: admin })).status).toBe(404);
    const audit = await query(t.server.db, "SELECT subject FROM audit_log WHERE action = 'token.revoke'");
    expect(audit).toEqual([{ subject: 'token:leaked' }]);
  });

  it('are made, listed and revoked from the command line too', async () => {
    const made = cli('token', 'create', '--name', 'batch-job', '--role', 'caseworker', '--days', '7');
    expect(made.code, made.err).toBe(0);
    const token = made.out.trim();
    expect(token).toMatch(/^ri_/);
    expect(Math.round((Date.parse((await row('batch-job')).expires_at as string) - Date.now()) / 86_400_000)).toBe(7);
    expect((await t.api('GET', '/api/v1/questions', { auth: { token } })).status).toBe(200);
    const listed = cli('token', 'list');
    expect(listed.out).toMatch(/batch-job\s+caseworker\s+active/);
    expect(listed.out).toMatch(/leaked\s+analyst\s+revoked/);
    expect(listed.out).not.toContain(token);
    const revoked = cli('token', 'revoke', 'batch-job');
    expect(revoked.code, revoked.err).toBe(0);
    // Revoked by another process: the server's token cache forgets it within its 2 s lifetime (README, Tokens).
    await vi.waitFor(async () => expect((await t.api('GET', '/api/v1/questions', { auth: { token } })).status).toBe(401), {
      timeout: 10_000,
      interval: 200,
    });
    expect(cli('token', 'revoke', 'nothing-like-it').code).toBe(1);
  });
});

describe('sessions', () => {
  it('are swept once expired, at start and by the sweeper', async () => {
    await addUser(t.server.db, { name: 'ewa', role: 'editor', password: 'ewa-has-a-long-password' });
    const { auth } = await t.signIn('ewa', 'ewa-has-a-long-password');
    const count = async () =>
      ((await queryOne<{ n: number }>(t.server.db, 'SELECT count(*) AS n FROM sessions')) as { n: number }).n;
    expect(await count()).toBe(1);
    await write(t.server.db, "UPDATE sessions SET expires_at = '2020-01-01T00:00:00.000Z'");
    expect((await t.api('GET', '/api/v1/session', { auth: auth as Auth })).status).toBe(401);
    await t.restart();
    // The first sweep runs as the server starts, without holding up its start: wait for it.
    await vi.waitFor(async () => expect(await count()).toBe(0), { timeout: 10_000 });
    await t.signIn('ewa', 'ewa-has-a-long-password');
    await write(t.server.db, "UPDATE sessions SET expires_at = '2020-01-01T00:00:00.000Z'");
    expect((await sweep(t.server.db)).sessions).toBe(1);
    expect(await count()).toBe(0);
  });
});
