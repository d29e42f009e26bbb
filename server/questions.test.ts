import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { createToken } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

let server: RunningServer;
let token = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ri-questions-'));
  const env = parseEnv({
    ...(await testDatabaseSettings()),
    DATABASE_PATH: join(dir, 'r.db'),
    PORT: '0',
    ADMIN_PASSWORD: 'a-long-admin-password',
    LOG_REQUESTS: 'false',
  });
  server = await startServer(env, () => {});
  token = await createToken(server.db, { name: 'caseworker-q', role: 'caseworker' });
});
afterAll(async () => server?.close());

async function get(path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the JSON it gets as it comes
  return { status: res.status, body: (await res.json()) as any };
}

describe('the questions over HTTP, for a timeline of the law', () => {
  it('gives each version its title, act, Dz.U. position and basis', async () => {
    const r = await get('/api/v1/questions');
    expect(r.status).toBe(200);
    const cis = r.body.questions.find((q: { id: string }) => q.id === 'cis-benefit');
    const v2022 = cis.versions.find((v: { validFrom: string }) => v.validFrom === '2022-02-15');
    expect(v2022.law).toEqual({
      act: expect.stringContaining('o zatrudnieniu socjalnym'),
      dz_u: 'Dz.U. 2022 poz. 218',
      basis: 'UZS art. 15 ust. 4',
    });
    expect(v2022.title.pl).toBeTruthy();
    expect(v2022.successor).toBeUndefined();
  });

  it('names the successor of a repealed question, in the list and for one question', async () => {
    const one = await get('/api/v1/questions/pai-referral/versions');
    expect(one.status).toBe(200);
    const last = one.body.versions.at(-1);
    expect(last).toMatchObject({ validFrom: '2025-06-01', repealed: true, successor: 'reintegration-referral' });
    expect(last.law.dz_u).toBe('Dz.U. 2025 poz. 620');
    const all = await get('/api/v1/questions');
    const pai = all.body.questions.find((q: { id: string }) => q.id === 'pai-referral');
    expect(pai.versions.at(-1).successor).toBe('reintegration-referral');
  });
});
