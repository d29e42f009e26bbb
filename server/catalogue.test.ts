import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { createToken } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

let server: RunningServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ri-catalogue-'));
  const env = parseEnv({
    ...(await testDatabaseSettings()),
    DATABASE_PATH: join(dir, 'r.db'),
    PORT: '0',
    ADMIN_PASSWORD: 'a-long-admin-password',
    LOG_REQUESTS: 'false',
  });
  server = await startServer(env, () => {});
  for (const role of ['caseworker', 'analyst']) tokens[role] = await createToken(server.db, { name: `${role}-c`, role });
});
afterAll(async () => server?.close());

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the JSON it gets as it comes
  return { status: res.status, body: (await res.json()) as any };
}

describe('the catalogue over HTTP', () => {
  it('gives every fact with its label and type, every parameter with its dated values and basis, the outcomes', async () => {
    const r = await call('GET', '/api/v1/catalogue', tokens.caseworker);
    expect(r.status).toBe(200);
    expect(r.body.facts.cis_period).toMatchObject({ type: 'enum', values: ['trial', 'participation'] });
    expect(r.body.facts.cis_period.label.pl).toBe('Okres w CIS');
    const zasilek = r.body.parameters['zasilek.first_90_days'];
    expect(zasilek.unit).toBe('PLN');
    expect(zasilek.values.every((v: { basis: string }) => v.basis.length > 0)).toBe(true);
    expect(r.body.outcomes.payable.pl).toBeTruthy();
    expect((await call('GET', '/api/v1/catalogue', undefined)).status).toBe(401);
  });
});

describe('what would change it, over HTTP', () => {
  it('answers with real alternative answers, and refuses a bad request naming the field', async () => {
    const r = await call('POST', '/api/v1/what-if', tokens.caseworker, {
      question: 'cis-benefit',
      date: '2025-10-15',
      facts: { cis_period: 'participation', unexcused_absence_days: 5 },
    });
    expect(r.status).toBe(200);
    expect(r.body.changes).toContainEqual(
      expect.objectContaining({ fact: 'unexcused_absence_days', from: 5, to: 3, outcome: 'payable' }),
    );
    // Beyond one fact (issue 15): PAI in 2015 fails on two conditions, so only a two-fact change changes it.
    const two = await call('POST', '/api/v1/what-if', tokens.caseworker, {
      question: 'pai-referral',
      date: '2015-03-01',
      facts: { registered_unemployed: true, receives_social_assistance: false, help_profile: 'II', pai_months_completed: 0 },
    });
    expect(two.body.changes).toEqual([]);
    expect(two.body.combinations[0]).toMatchObject({
      changes: [
        { fact: 'receives_social_assistance', to: true },
        { fact: 'help_profile', to: 'III' },
      ],
      outcome: 'eligible',
    });
    const early = await call('POST', '/api/v1/what-if', tokens.caseworker, {
      question: 'pai-referral',
      date: '2010-01-01',
      facts: { registered_unemployed: true },
    });
    expect(early.body).toMatchObject({ combinations: [], unchangeable: true });
    expect(early.body.note.pl).toContain('żadna zmiana faktów nie zmieni odpowiedzi');
    const bad = await call('POST', '/api/v1/what-if', tokens.caseworker, {
      question: 'cis-benefit',
      date: '2025-10-15',
      facts: { cis_period: 'holiday' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('cis_period');
  });
});
