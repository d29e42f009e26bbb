import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../server/env.ts';
import { type RunningServer, startServer } from '../server/start.ts';
import { createToken } from '../server/store/people.ts';

let server: RunningServer;
let token = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ri-every-day-'));
  const env = parseEnv({
    DATABASE_PATH: join(dir, 'reintegra.db'),
    PORT: '0',
    ADMIN_PASSWORD: 'a-long-admin-password',
    LOG_REQUESTS: 'false',
  });
  server = await startServer(env, () => {});
  token = await createToken(server.db, { name: 'caseworker-system', role: 'caseworker' });
});
afterAll(async () => server?.close());

async function decide(body: unknown) {
  const res = await fetch(`${server.url}/api/v1/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error: unknown; reasons: { text: { pl: string; en: string } }[] } };
}

describe('early days over HTTP (contract.md §5)', () => {
  it('answers a 2010 month of the integration benefit from the zasiłek history, 200', async () => {
    const r = await decide({ question: 'cis-benefit', date: '2010-05-15', facts: { cis_period: 'participation' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: 'payable', amounts: { benefit: 717 } });
  });

  it('answers a day with no known value as undetermined with 200, a reason naming the value and a caveat', async () => {
    const r = await decide({
      question: 'cis-premia',
      date: '2005-05-15',
      facts: { cis_period: 'participation', premia_requested_percent: 10 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      outcome: 'undetermined',
      missing: [],
      reasons: [{ rule: 'cis-premia.parameter-not-in-force', met: false }],
      caveats: [{ code: 'PARAMETER_NOT_IN_FORCE' }],
    });
    expect(r.body.reasons[0]?.text.pl).toContain('Limit premii motywacyjnej');
    expect(r.body.reasons[0]?.text.en).toContain('Cap of the incentive bonus');
  });

  it('refuses 31 days in April with 400, naming the fact', async () => {
    const r = await decide({
      question: 'cis-benefit',
      date: '2023-04-15',
      facts: { cis_period: 'trial', days_in_programme: 31 },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_FACT', details: { field: 'facts.days_in_programme' } });
  });
});
