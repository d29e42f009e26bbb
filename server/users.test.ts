import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.ts';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { verifyAudit } from './store/audit.ts';
import { createToken } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-users-'));
const ADMIN_PASSWORD = 'a-long-admin-password';
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: join(dir, 'reintegra.db'),
  PORT: '0',
  ADMIN_PASSWORD,
  LOG_REQUESTS: 'false',
});
let server: RunningServer;
const tokens: Record<string, string> = {};

/** How a request authenticates: a system's bearer token, or a person's session cookie with its CSRF token. */
type Auth = { token: string } | { cookie: string; csrf: string };

async function api(method: string, path: string, auth?: Auth, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth && 'token' in auth) headers.authorization = `Bearer ${auth.token}`;
  if (auth && 'cookie' in auth) Object.assign(headers, { cookie: auth.cookie, 'x-csrf-token': auth.csrf });
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}

/** Signs in and returns the session, failing the test when the server refuses. */
async function session(name: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  expect(res.status, `${name} signs in`).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const body = (await res.json()) as { csrf_token: string };
  return { cookie, csrf: body.csrf_token };
}

const admin = () => ({ token: tokens.admin as string });
const JAN = { name: 'jan', role: 'caseworker', password: 'jan-has-a-long-password' };
let janId = '';

beforeAll(async () => {
  server = await startServer(env, () => {});
  for (const role of ['caseworker', 'analyst', 'editor', 'reviewer', 'admin'])
    tokens[role] = await createToken(server.db, { name: `${role}-system`, role });
});
afterAll(async () => server?.close());

describe('users over HTTP', () => {
  it('refuses every role but admin on every route', async () => {
    for (const role of ['caseworker', 'analyst', 'editor', 'reviewer']) {
      const auth = { token: tokens[role] as string };
      expect((await api('GET', '/api/v1/users', auth)).status, role).toBe(403);
      expect((await api('POST', '/api/v1/users', auth, { ...JAN, name: `x-${role}` })).status, role).toBe(403);
      expect((await api('PATCH', '/api/v1/users/whoever', auth, { disabled: true })).status, role).toBe(403);
    }
    expect((await api('GET', '/api/v1/users')).status).toBe(401);
    expect(await server.db.select().from(auditLog).where(like(auditLog.subject, 'user:x-%'))).toEqual([]);
  });

  it('adds a user (201), lists them without any hash, and refuses the same name again (409)', async () => {
    const r = await api('POST', '/api/v1/users', admin(), JAN);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'jan', role: 'caseworker', disabled: false, disabled_at: null });
    expect(r.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    janId = r.body.id;
    const list = await api('GET', '/api/v1/users', admin());
    expect(list.status).toBe(200);
    expect(list.body.users.map((u: { name: string }) => u.name)).toEqual(['admin', 'jan']);
    expect(list.text).not.toMatch(/scrypt|hash|password/i);
    const again = await api('POST', '/api/v1/users', admin(), { ...JAN, role: 'analyst' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'USER_EXISTS', details: { field: 'name' } } } });
  });

  it('refuses a bad role, a weak password and a bad name with 400 naming the field', async () => {
    const role = await api('POST', '/api/v1/users', admin(), { ...JAN, name: 'ola', role: 'boss' });
    expect(role.status).toBe(400);
    expect(role.body.error.details[0].field).toBe('role');
    const weak = await api('POST', '/api/v1/users', admin(), { ...JAN, name: 'ola', password: 'short' });
    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'WEAK_PASSWORD', details: { field: 'password' } } } });
    expect(weak.body.error.message).toContain('at least 12 characters');
    for (const name of ['o', 'ola kowalska', '-ola', '']) {
      const bad = await api('POST', '/api/v1/users', admin(), { ...JAN, name });
      expect(bad.status, name).toBe(400);
      expect(bad.body.error.details[0].field, name).toBe('name');
    }
    expect((await api('PATCH', `/api/v1/users/${janId}`, admin(), {})).status).toBe(400);
    expect((await api('PATCH', `/api/v1/users/${janId}`, admin(), { password: 'aaaaaaaaaaaaaaa' })).status).toBe(400);
    expect((await api('PATCH', '/api/v1/users/no-such-id', admin(), { disabled: true })).status).toBe(404);
  });

  it('disables a user: their session ends, and signing in fails exactly as a wrong password does', async () => {
    const jan = await session(JAN.name, JAN.password);
    expect((await api('GET', '/api/v1/session', jan)).status).toBe(200);
    const r = await api('PATCH', `/api/v1/users/${janId}`, admin(), { disabled: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ disabled: true, disabled_at: expect.stringMatching(/^\d{4}-/) });
    expect((await api('GET', '/api/v1/session', jan)).status).toBe(401);
    const disabled = await api('POST', '/api/v1/session', undefined, { name: JAN.name, password: JAN.password });
    const wrong = await api('POST', '/api/v1/session', undefined, { name: JAN.name, password: 'not-jans-password' });
    expect(disabled.status).toBe(401);
    expect(disabled.body).toEqual(wrong.body);
  });

  it('enables the user again, who then signs in', async () => {
    const r = await api('PATCH', `/api/v1/users/${janId}`, admin(), { disabled: false });
    expect(r.body).toMatchObject({ disabled: false, disabled_at: null });
    await session(JAN.name, JAN.password);
  });

  it('changes the role, ending the sessions; the next sign-in has the new role', async () => {
    const jan = await session(JAN.name, JAN.password);
    const r = await api('PATCH', `/api/v1/users/${janId}`, admin(), { role: 'analyst' });
    expect(r.body.role).toBe('analyst');
    expect((await api('GET', '/api/v1/session', jan)).status).toBe(401);
    const again = await session(JAN.name, JAN.password);
    expect((await api('GET', '/api/v1/session', again)).body).toMatchObject({
      role: 'analyst',
      permissions: expect.arrayContaining(['evaluate_proposal']),
    });
  });

  it('sets a new password: the old one fails, the new one works', async () => {
    const r = await api('PATCH', `/api/v1/users/${janId}`, admin(), { password: 'jan-got-a-new-password' });
    expect(r.status).toBe(200);
    expect((await api('POST', '/api/v1/session', undefined, { name: JAN.name, password: JAN.password })).status).toBe(401);
    await session(JAN.name, 'jan-got-a-new-password');
  });

  it('refuses an admin disabling themself or taking away their own admin role, so an admin remains', async () => {
    const me = await session('admin', ADMIN_PASSWORD);
    const adminId = (await api('GET', '/api/v1/session', me)).body.id as string;
    const off = await api('PATCH', `/api/v1/users/${adminId}`, me, { disabled: true });
    expect(off).toMatchObject({ status: 409, body: { error: { code: 'SELF_DISABLE' } } });
    expect(off.body.error.message).toMatch(/may not disable yourself/);
    const demote = await api('PATCH', `/api/v1/users/${adminId}`, me, { role: 'reviewer' });
    expect(demote).toMatchObject({ status: 409, body: { error: { code: 'SELF_DEMOTE' } } });
    // A system's admin token is not the last admin, so it may not disable the only admin who signs in.
    const last = await api('PATCH', `/api/v1/users/${adminId}`, admin(), { disabled: true });
    expect(last).toMatchObject({ status: 409, body: { error: { code: 'LAST_ADMIN' } } });
    expect((await api('GET', '/api/v1/session', me)).body).toMatchObject({ role: 'admin' });
    // Their own password they may change, and keep their session.
    expect((await api('PATCH', `/api/v1/users/${adminId}`, me, { password: 'a-new-long-admin-password' })).status).toBe(200);
    expect((await api('GET', '/api/v1/session', me)).status).toBe(200);
  });

  it('writes every change to the audit log, never the password, and the chain holds', async () => {
    const entries = await server.db.select().from(auditLog).where(eq(auditLog.subject, 'user:jan')).orderBy(asc(auditLog.seq));
    expect(entries.map((e) => e.action).filter((a) => !a.startsWith('session.'))).toEqual([
      'user.add',
      'user.disable',
      'user.enable',
      'user.role',
      'user.password',
    ]);
    expect(entries.find((e) => e.action === 'user.role')?.detail).toBe('{"from":"caseworker","to":"analyst"}');
    expect(entries.find((e) => e.action === 'user.add')?.actor).toMatch(/^token:/);
    const all = JSON.stringify(await server.db.select().from(auditLog));
    expect(all).not.toContain(JAN.password);
    expect(all).not.toContain('jan-got-a-new-password');
    expect(all).not.toContain('a-new-long-admin-password');
    expect(await verifyAudit(server.db)).toMatchObject({ ok: true });
  });
});
