import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { createToken } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-bundled-'));
const rules = join(dir, 'rules');
cpSync('rules', rules, { recursive: true });
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: join(dir, 'reintegra.db'),
  RULES_DIR: rules,
  PORT: '0',
  ADMIN_PASSWORD: 'a-long-admin-password',
  LOG_REQUESTS: 'false',
});
let server: RunningServer | undefined;
afterAll(async () => server?.close());

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${(server as RunningServer).url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the server sent
  return { status: res.status, body: (await res.json()) as any };
}

describe('bundled rules that differ from the published law', () => {
  it('publishes the whole folder on the first start only; later differences wait in a change set for review', async () => {
    const logs: string[] = [];
    server = await startServer(env, (l) => logs.push(l));
    const admin = await createToken(server.db, { name: 'admin-token', role: 'admin' });
    expect((await api('GET', '/api/v1/law/bundled', admin)).body).toEqual({ differing: [] });
    await server.close();

    const path = join(rules, 'parameters/zasilek.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('value: 1783.90', 'value: 1784.00'));
    writeFileSync(join(rules, 'pai-plan/tests/more.yaml'), '[]\n');
    server = await startServer(env, (l) => logs.push(l));
    const warning = logs
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: string; differing?: string[] })
      .find((l) => l.level === 'warn');
    expect(warning?.differing).toEqual(['rules/pai-plan/tests/more.yaml', 'rules/parameters/zasilek.yaml']);
    const token = await createToken(server.db, { name: 'admin-token-2', role: 'admin' });
    const caseworker = await createToken(server.db, { name: 'cw', role: 'caseworker' });
    expect((await api('GET', '/api/v1/law/bundled', caseworker)).status).toBe(403);
    expect((await api('GET', '/api/v1/law/bundled', token)).body.differing).toEqual([
      { path: 'pai-plan/tests/more.yaml', status: 'added' },
      { path: 'parameters/zasilek.yaml', status: 'changed' },
    ]);
    // Still the published value: nothing reached the law by restarting.
    const answer = await api('POST', '/api/v1/decisions', token, {
      question: 'unemployment-benefit',
      date: '2026-07-01',
      facts: { qualifying_years: 10 },
    });
    expect(answer.body.amounts.monthly_amount).toBe(1783.9);
    const opened = await api('POST', '/api/v1/drafts/import', token, { bundled: true });
    expect(opened.status).toBe(201);
    expect(opened.body.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'pai-plan/tests/more.yaml',
      'parameters/zasilek.yaml',
    ]);
    expect(opened.body.title).toBe('Zmiany w dołączonych plikach rules/');
  });
});
