import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { addUser } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-session-author-'));
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: join(dir, 'reintegra.db'),
  PORT: '0',
  ADMIN_PASSWORD: 'a-long-admin-password',
  LOG_REQUESTS: 'false',
});
let server: RunningServer;

beforeAll(async () => {
  server = await startServer(env, () => {});
  await addUser(server.db, { name: 'ewa', role: 'editor', password: 'ewa-edits-the-rules' });
});
afterAll(async () => server?.close());

describe('the session names the user as drafts do', () => {
  it('gives the user id that a draft the user opens names as its author', async () => {
    const signIn = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ewa', password: 'ewa-edits-the-rules' }),
    });
    const me = (await signIn.json()) as { id: string; csrf_token: string };
    expect(me.id).toMatch(/^[0-9a-f-]{36}$/);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const again = (await (await fetch(`${server.url}/api/v1/session`, { headers: { cookie } })).json()) as { id: string };
    expect(again.id).toBe(me.id);
    const draft = await fetch(`${server.url}/api/v1/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrf_token },
      body: JSON.stringify({ from: { question: 'pai-referral', version: '2019-06-15' } }),
    });
    expect(draft.status).toBe(201);
    expect(((await draft.json()) as { author: string }).author).toBe(me.id);
  });
});
