// What the admin UI needs of issue 13's tokens and sign-in counts: creating a token (its secret shown once) and the
// failed sign-ins counted per day and per user name tried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from './store/people.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let admin: Auth;
let caseworker: Auth;

beforeAll(async () => {
  t = await testServer('tokens-admin');
  admin = (await t.signIn('admin', 'a-long-admin-password')).auth as Auth;
  await addUser(t.server.db, { name: 'karol', role: 'caseworker', password: 'karol-decides-cases' });
  caseworker = (await t.signIn('karol', 'karol-decides-cases')).auth as Auth;
}, 60_000);
afterAll(() => t?.close());

describe('POST /api/v1/tokens', () => {
  it('creates a token that works, shows its secret in that answer only, and lists it with its expiry', async () => {
    const r = await t.api('POST', '/api/v1/tokens', { auth: admin, body: { name: 'kadry', role: 'caseworker', days: 30 } });
    expect(r.status).toBe(201);
    expect(r.body.token).toMatch(/^ri_/);
    expect(r.body).toMatchObject({ name: 'kadry', role: 'caseworker', state: 'active', last_used_at: null });
    const days = (Date.parse(r.body.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect((await t.api('GET', '/api/v1/session', { auth: { token: r.body.token } })).status).toBe(200);
    const list = await t.api('GET', '/api/v1/tokens', { auth: admin });
    expect(list.text).not.toContain(r.body.token);
    expect(list.body.tokens.map((x: { id: string }) => x.id)).toContain(r.body.id);
  });

  it('refuses a bad role or expiry with a 400 naming the field, and anyone but an admin', async () => {
    const role = await t.api('POST', '/api/v1/tokens', { auth: admin, body: { name: 'x', role: 'boss' } });
    expect(role.status).toBe(400);
    expect(JSON.stringify(role.body.error.details)).toContain('role');
    const days = await t.api('POST', '/api/v1/tokens', { auth: admin, body: { name: 'x', role: 'analyst', days: 0 } });
    expect(days.status).toBe(400);
    expect(JSON.stringify(days.body.error.details)).toContain('days');
    const cw = await t.api('POST', '/api/v1/tokens', { auth: caseworker, body: { name: 'x', role: 'analyst' } });
    expect(cw.status).toBe(403);
  });
});

describe('failed sign-ins on the audit page', () => {
  it('are counted per day and per user name tried', async () => {
    for (let i = 0; i < 3; i++) expect((await t.signIn('zenon', 'wrong-password-guess')).reply.status).toBe(401);
    expect((await t.signIn('karol', 'not-karols-password')).reply.status).toBe(401);
    const r = await t.api('GET', '/api/v1/audit?limit=1', { auth: admin });
    expect(r.body.sign_in.by_name.slice(0, 2)).toEqual([
      { name: 'zenon', count: 3 },
      { name: 'karol', count: 1 },
    ]);
    expect(r.body.sign_in.by_day).toEqual([{ day: new Date().toISOString().slice(0, 10), count: 4 }]);
  });
});
