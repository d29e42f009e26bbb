import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { nextQuestions } from './next-questions.ts';

const library = loadRulesDirOrThrow();

describe('next questions of an interview', () => {
  it('answers at once when one fact already settles the outcome', async () => {
    const r = await nextQuestions(library, {
      question: 'pai-referral',
      date: '2021-03-01',
      facts: { registered_unemployed: false },
    });
    expect(r).toMatchObject({ determined: true, outcome: 'not_eligible', missing: [] });
  });

  it('ranks the facts of an empty cis-benefit request, the decisive first, labelled in Polish', async () => {
    const r = await nextQuestions(library, { question: 'cis-benefit', date: '2024-07-15', facts: {} });
    expect(r.determined).toBe(false);
    expect(r.missing.length).toBeGreaterThan(0);
    const first = r.missing[0];
    expect(first).toMatchObject({ fact: 'cis_period', decisive: true, label: 'Okres w CIS' });
    expect(first?.articles).toContain('UZS art. 15 ust. 4');
    expect(first?.values?.map((v) => v.label)).not.toContain('trial');
    // Ranked: decisive before not, then by score.
    for (let i = 1; i < r.missing.length; i++) {
      const [a, b] = [r.missing[i - 1], r.missing[i]];
      if (a && b && a.decisive === b.decisive) expect(a.score).toBeGreaterThanOrEqual(b.score);
      if (a && b) expect(Number(a.decisive)).toBeGreaterThanOrEqual(Number(b.decisive));
    }
  });

  it('names in English when asked, and ranks pai-referral facts for an empty request', async () => {
    const r = await nextQuestions(library, { question: 'pai-referral', date: '2021-03-01', facts: {}, lang: 'en' });
    expect(r.determined).toBe(false);
    expect(r.missing.map((q) => q.fact)).toEqual(expect.arrayContaining(['registered_unemployed', 'receives_social_assistance']));
    expect(r.missing.every((q) => q.decisive)).toBe(true);
    expect(r.missing[0]?.label).toMatch(/^[A-Z]/);
  });
});
