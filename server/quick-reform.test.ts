// Issue 17 item 4: a quick reform (one parameter, a new value from a day) is written as a proposal change set and trialled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChangeSet } from './store/drafts.ts';
import { createToken } from './store/people.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let anita: Auth;
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

beforeAll(async () => {
  t = await testServer('quick-reform');
  anita = { token: await createToken(t.server.db, { name: 'anita', role: 'analyst' }) };
}, 60_000);
afterAll(() => t?.close());

describe('quick reforms without YAML', { timeout: 120_000 }, () => {
  it('offers the parameters the question’s rules read, with their labels and values on the day', async () => {
    const r = await t.api('GET', '/api/v1/simulations/quick-reforms/parameters?question=cis-benefit&date=2027-01-15', {
      auth: anita,
    });
    expect(r.status).toBe(200);
    const rate = r.body.parameters.find((p: { id: string }) => p.id === 'cis.benefit_rate_participation');
    expect(rate).toMatchObject({ unit: 'percent', value: 120, from: '2022-01-01' });
    expect(rate.label.pl).toContain('Świadczenie integracyjne');
  });

  it('refuses a parameter the rules do not read, naming the field', async () => {
    const r = await t.api('POST', '/api/v1/simulations/quick-reforms', {
      auth: anita,
      body: { question: 'cis-benefit', parameter: 'psu.benefit_amount', value: 1, from: '2027-01-01' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('parameter');
  });

  it('writes “CIS rate 120 % → 130 % from 01.01.2027” as a proposal, and a run shows what it costs', async () => {
    const made = await t.api('POST', '/api/v1/simulations/quick-reforms', {
      auth: anita,
      body: { question: 'cis-benefit', parameter: 'cis.benefit_rate_participation', value: 130, from: '2027-01-01' },
    });
    expect(made.status).toBe(201);
    expect(plain(made.body.title.pl)).toContain('120 % → 130 % od 01.01.2027');
    expect(made.body.before).toBe(120);
    const cs = await getChangeSet(t.server.db, made.body.proposal);
    expect(cs?.row.proposal).toBe(true);
    const params = cs?.files.find((f) => f.path === 'rules/parameters/cis.yaml');
    expect(params?.yaml).toMatch(/from: 2027-01-01\n\s+value: 130/);

    const started = await t.api('POST', '/api/v1/simulations', {
      auth: anita,
      body: {
        question: 'cis-benefit',
        date: '2027-01-15',
        proposal: made.body.proposal,
        population: { generate: { size: 2000, seed: 5 } },
        by: ['cis_period'],
      },
    });
    expect(started.status).toBe(202);
    let run = started.body;
    while (run.status === 'running') run = (await t.api('GET', `/api/v1/simulations/${run.id}`, { auth: anita })).body;
    expect(run.error).toBeNull();
    expect(run.status).toBe('done');
    const [amount, money] = Object.entries(run.result.money)[0] as [
      string,
      { gainers: number; losers: number; total_delta: number },
    ];
    // Only participants are paid at the participation rate: they gain, nobody loses, the trial month is untouched.
    expect(money.gainers).toBeGreaterThan(0);
    expect(money.losers).toBe(0);
    expect(money.total_delta).toBeGreaterThan(0);
    expect(run.result.yearly_cost_difference[amount]).toBeCloseTo(money.total_delta * 12, 2);
    expect(run.result.breakdowns.cis_period.trial?.changed ?? 0).toBe(0);
    expect(run.result.breakdowns.cis_period.participation.changed).toBeGreaterThan(0);
    expect(run.result.proposal.version).toBe(made.body.proposal);
  });
});
