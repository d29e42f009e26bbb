import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { whatWouldChange } from './what-would-change.ts';

const library = loadRulesDirOrThrow();

describe('what would change it', () => {
  it('finds the nearest number of absence days that keeps the benefit', async () => {
    const found = await whatWouldChange(library, {
      question: 'cis-benefit',
      date: '2025-10-15',
      facts: { cis_period: 'participation', unexcused_absence_days: 5 },
    });
    const absence = found.filter((c) => c.fact === 'unexcused_absence_days');
    expect(absence).toHaveLength(1);
    expect(absence[0]).toMatchObject({ from: 5, to: 3, outcome: 'payable' });
    // Each counterfactual is a real answer of the rules.
    const again = await library.decide({
      question: 'cis-benefit',
      date: '2025-10-15',
      facts: { cis_period: 'participation', unexcused_absence_days: 3 },
    });
    expect(absence[0]?.amounts).toEqual(again.amounts);
  });

  it('flips a condition that fails, and leaves facts that change nothing out', async () => {
    const found = await whatWouldChange(library, {
      question: 'pai-referral',
      date: '2021-03-01',
      facts: { registered_unemployed: false, receives_social_assistance: true, pai_months_completed: 0 },
    });
    expect(found.map((c) => [c.fact, c.to, c.outcome])).toContainEqual(['registered_unemployed', true, 'eligible']);
    // receives_social_assistance false would keep not_eligible: no change, not listed.
    expect(found.some((c) => c.fact === 'receives_social_assistance')).toBe(false);
    expect(found.find((c) => c.fact === 'pai_months_completed')).toBeUndefined();
  });
});
