import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { addUser, createToken } from './store/people.ts';
import { signIn } from './store/sessions.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-audit-'));
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: join(dir, 'reintegra.db'),
  PORT: '0',
  ADMIN_PASSWORD: 'a-long-admin-password',
  LOG_REQUESTS: 'false',
});
let server: RunningServer;
let token = '';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
}
interface Page {
  entries: Entry[];
  next_after: number | null;
  next_before: number | null;
  actions: string[];
  chain: { ok: boolean };
  error?: { code: string };
}

async function audit(query: string): Promise<{ status: number; body: Page }> {
  const res = await fetch(`${server.url}/api/v1/audit?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Page };
}

beforeAll(async () => {
  server = await startServer(env, () => {});
  await addUser(server.db, { name: 'anna', role: 'editor', password: 'anna-has-a-long-password' });
  await signIn(server.db, 'anna', 'anna-has-a-long-password');
  token = await createToken(server.db, { name: 'audit-reader', role: 'reviewer' });
});
afterAll(async () => server?.close());

describe('audit log filters', () => {
  it('reads newest first with order=desc, paging with next_before', async () => {
    const first = await audit('order=desc&limit=2');
    expect(first.body.entries.map((e) => e.action)).toEqual(['token.create', 'session.sign_in']);
    expect(first.body.next_after).toBeNull();
    const second = await audit(`order=desc&limit=2&before=${first.body.next_before}`);
    expect(second.body.entries[0]?.action).toBe('user.add');
    expect(second.body.entries[0]?.seq).toBe((first.body.entries[1]?.seq ?? 0) - 1);
  });

  it('filters by an action or by its kind, matching whole words only', async () => {
    const kind = await audit('action=user&limit=500');
    expect(kind.body.entries.map((e) => e.action)).toEqual(['user.add', 'user.add']);
    expect((await audit('action=session.sign_in')).body.entries).toHaveLength(1);
    expect((await audit('action=use')).body.entries).toEqual([]);
    expect(kind.body.actions).toEqual(expect.arrayContaining(['import', 'user.add', 'session.sign_in', 'token.create']));
  });

  it('filters by the actor’s name and names the actor of each entry', async () => {
    const byName = await audit('actor=anna');
    expect(byName.body.entries).toHaveLength(1);
    expect(byName.body.entries[0]).toMatchObject({ action: 'session.sign_in', actorName: 'anna' });
    expect(byName.body.entries[0]?.actor).not.toBe('anna');
    expect((await audit('actor=nobody')).body.entries).toEqual([]);
  });

  it('filters by time, a bare date as the upper bound covering its day', async () => {
    const all = await audit('limit=500');
    const today = all.body.entries.at(-1)?.at.slice(0, 10) ?? '';
    expect((await audit(`limit=500&from=${today}&to=${today}`)).body.entries).toHaveLength(all.body.entries.length);
    expect((await audit('to=2000-01-01')).body.entries).toEqual([]);
    expect((await audit('from=2999-01-01')).body.entries).toEqual([]);
    expect(all.body.chain.ok).toBe(true);
  });

  it('refuses a malformed date with 400', async () => {
    const bad = await audit('from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('INVALID_REQUEST');
  });
});
