// Issue 15 item 3: an interview over HTTP that answers as soon as the facts settle it, and asks only what matters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from './store/people.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let caseworker: Auth;

// A server starts in a few seconds, longer with both cores busy: the hook waits for it up to the test timeout.
beforeAll(async () => {
  t = await testServer('next-questions');
  caseworker = { token: await createToken(t.server.db, { name: 'caseworker', role: 'caseworker' }) };
}, 30_000);
afterAll(() => t?.close());

describe('POST /api/v1/next-questions', () => {
  it('answers not_eligible at once for a person not registered as unemployed, and so does a decision', async () => {
    const body = { question: 'pai-referral', date: '2021-03-01', facts: { registered_unemployed: false } };
    const r = await t.api('POST', '/api/v1/next-questions', { auth: caseworker, body });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ determined: true, outcome: 'not_eligible', amounts: {}, missing: [] });
    const d = await t.api('POST', '/api/v1/decisions', { auth: caseworker, body });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ outcome: 'not_eligible', missing: [] });
  });

  it('ranks the missing facts of an empty request, with labels and help in the language asked', async () => {
    const r = await t.api('POST', '/api/v1/next-questions', {
      auth: caseworker,
      body: { question: 'pai-plan', date: '2020-02-01', facts: {}, lang: 'en' },
    });
    expect(r.status).toBe(200);
    expect(r.body.determined).toBe(false);
    const missing = r.body.missing as { fact: string; label: string; decisive: boolean; score: number; articles: string[] }[];
    expect(missing.length).toBeGreaterThan(1);
    expect(missing.every((q) => q.label.length > 0 && q.articles.length > 0)).toBe(true);
    const scores = missing.map((q) => q.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const cis = await t.api('POST', '/api/v1/next-questions', {
      auth: caseworker,
      body: { question: 'cis-benefit', date: '2024-07-15', facts: {} },
    });
    expect(cis.body.missing[0]).toMatchObject({ fact: 'cis_period', label: 'Okres w CIS', decisive: true });
    expect(cis.body.missing[0].values.map((v: { label: string }) => v.label)).toEqual(['okres próbny', 'okres uczestnictwa']);
  });

  it('refuses a bad request naming the field, and a caller without a token', async () => {
    const bad = await t.api('POST', '/api/v1/next-questions', {
      auth: caseworker,
      body: { question: 'cis-benefit', date: '2024-07-15', facts: { cis_period: 'holiday' } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('cis_period');
    const anon = await t.api('POST', '/api/v1/next-questions', { body: { question: 'cis-benefit', date: '2024-07-15' } });
    expect(anon.status).toBe(401);
  });
});
