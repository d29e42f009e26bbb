// Issue 16 item 1: a decision asked as known on a day, over HTTP; the receipt keeps both days; replay says why it differs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../src/library.ts';
import { createToken } from './store/people.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let caseworker: Auth;
const TRIAL = { question: 'cis-benefit', date: '2022-01-15', facts: { cis_period: 'trial' } };

beforeAll(async () => {
  t = await testServer('known-on');
  caseworker = { token: await createToken(t.server.db, { name: 'caseworker-system', role: 'caseworker' }) };
});
afterAll(() => t?.close());

describe('a decision asked as known on a day, over HTTP', () => {
  it('answers January 2022 as known on 2022-01-20 with 50 % (620,40 zł), and keeps both days in the receipt', async () => {
    const r = await t.api('POST', '/api/v1/decisions', { auth: caseworker, body: { ...TRIAL, known_on: '2022-01-20' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ amounts: { benefit: 620.4 }, values: { rate_percent: 50 }, known_on: '2022-01-20' });
    const receipt = await t.api('GET', `/api/v1/decisions/${r.body.receipt.id}`, { auth: caseworker });
    expect(receipt.body).toMatchObject({ date: '2022-01-15', known_on: '2022-01-20' });
  });

  it('answers it as known today with 120 % (1 488,96 zł) and the retroactivity caveat; the receipt is known today', async () => {
    const r = await t.api('POST', '/api/v1/decisions', { auth: caseworker, body: TRIAL });
    expect(r.body.amounts.benefit).toBe(1488.96);
    expect(r.body.caveats.map((c: { code: string }) => c.code)).toContain('CIS_RATE_RETROACTIVE_2022');
    const receipt = await t.api('GET', `/api/v1/decisions/${r.body.receipt.id}`, { auth: caseworker });
    expect(receipt.body.known_on).toBe(todayIso());
  });

  it('replays the first receipt under the law known today: shows the difference and says why', async () => {
    const first = await t.api('POST', '/api/v1/decisions', { auth: caseworker, body: { ...TRIAL, known_on: '2022-01-20' } });
    const replay = await t.api('POST', `/api/v1/decisions/${first.body.receipt.id}/replay`, { auth: caseworker });
    expect(replay.status).toBe(200);
    expect(replay.body.changed).toBe(true);
    expect(replay.body.changes).toContainEqual({ field: 'amounts', before: { benefit: 620.4 }, after: { benefit: 1488.96 } });
    const pl = replay.body.because.map((b: { pl: string }) => b.pl).join('\n');
    const en = replay.body.because.map((b: { en: string }) => b.en).join('\n');
    expect(pl).toContain(
      'ustawa z dnia 13 stycznia 2022 r. (Dz.U. 2022 poz. 218), ogłoszona 31 stycznia 2022 r., stosuje się od 1 stycznia 2022 r.',
    );
    expect(en).toContain(
      'the act of 13 January 2022 (Dz.U. 2022 poz. 218), published on 31 January 2022, applies from 1 January 2022',
    );
  });

  it('answers a batch request as known on its day, and refuses a known_on that is not a day, naming the field', async () => {
    const batch = await t.api('POST', '/api/v1/decisions/batch', {
      auth: caseworker,
      body: { requests: [{ ...TRIAL, known_on: '2022-01-20' }, TRIAL] },
    });
    expect(batch.body.answers.map((a: { amounts: { benefit: number } }) => a.amounts.benefit)).toEqual([620.4, 1488.96]);
    const bad = await t.api('POST', '/api/v1/decisions', { auth: caseworker, body: { ...TRIAL, known_on: '2022-02-30' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('known_on');
  });
});

describe('GET /api/v1/parameters/stale', () => {
  it('serves what is due on a day, and refuses a day that is not one, naming the field', async () => {
    const r = await t.api('GET', '/api/v1/parameters/stale?on=2030-08-01', { auth: caseworker });
    expect(r.status).toBe(200);
    expect(r.body.on).toBe('2030-08-01');
    expect(r.body.stale.map((s: { id: string }) => s.id)).toEqual([
      'minimum_wage.hourly',
      'minimum_wage.monthly',
      'zasilek.first_90_days',
      'zasilek.later_days',
    ]);
    const bad = await t.api('GET', '/api/v1/parameters/stale?on=2030-02-30', { auth: caseworker });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('on');
  });
});
