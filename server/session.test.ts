import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { addUser } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-session-'));
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: join(dir, 'reintegra.db'),
  PORT: '0',
  LOG_REQUESTS: 'false',
});
let server: RunningServer;
let firstLog = '';

beforeAll(async () => {
  const lines: string[] = [];
  server = await startServer(env, (l) => lines.push(l));
  firstLog = lines.join('\n');
  await addUser(server.db, { name: 'anna', role: 'caseworker', password: 'anna-has-a-long-password' });
});
afterAll(async () => server?.close());

/** The fields these tests read from a response body. */
type Body = { error: { code: string }; csrf_token: string; role: string; permissions: string[]; name: string; outcome: string };
const data = (r: Response) => r.json() as Promise<Body>;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('sign-in with a session cookie', () => {
  it('prints a generated admin password once when no ADMIN_PASSWORD is set', () => {
    expect(firstLog).toMatch(/created user "admin" with password \S{20,}/);
  });

  it('refuses a wrong password with 401', async () => {
    const r = await post('/api/v1/session', { name: 'anna', password: 'not-her-password!' });
    expect(r.status).toBe(401);
    expect((await data(r)).error.code).toBe('BAD_CREDENTIALS');
    expect((await post('/api/v1/session', { name: 'nobody', password: 'whatever-it-is' })).status).toBe(401);
  });

  it('sets an HttpOnly SameSite cookie, and state-changing requests need the CSRF token', async () => {
    const r = await post('/api/v1/session', { name: 'anna', password: 'anna-has-a-long-password' });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ri_session=[\w-]+; .*HttpOnly/);
    expect(cookie).toContain('SameSite=Strict');
    const { csrf_token, role, permissions } = await data(r);
    expect(role).toBe('caseworker');
    expect(permissions).toContain('decide');
    const session = cookie.split(';')[0] as string;
    const ask = {
      question: 'pai-referral',
      date: '2019-07-10',
      facts: { registered_unemployed: true, receives_social_assistance: true },
    };

    const me = await fetch(`${server.url}/api/v1/session`, { headers: { cookie: session } });
    expect((await data(me)).name).toBe('anna');
    const noToken = await post('/api/v1/decisions', ask, { cookie: session });
    expect(noToken.status).toBe(403);
    expect((await data(noToken)).error.code).toBe('CSRF');
    const foreign = await post('/api/v1/decisions', ask, {
      cookie: session,
      'x-csrf-token': csrf_token,
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    const ok = await post('/api/v1/decisions', ask, { cookie: session, 'x-csrf-token': csrf_token });
    expect(ok.status).toBe(200);
    expect((await data(ok)).outcome).toBe('eligible');

    const out = await fetch(`${server.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { cookie: session, 'x-csrf-token': csrf_token },
    });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${server.url}/api/v1/session`, { headers: { cookie: session } })).status).toBe(401);
  });
});
