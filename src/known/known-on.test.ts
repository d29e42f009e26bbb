import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { whyChanged } from './why-changed.ts';

const library = loadRulesDirOrThrow();
const TRIAL = { question: 'cis-benefit', date: '2022-01-15', facts: { cis_period: 'trial' } };

describe('a decision asked as known on a day', () => {
  it('uses what was published by then: January 2022 trial month, before the act of 13 January 2022 was published', async () => {
    const answer = await library.decide({ ...TRIAL, known_on: '2022-01-20' });
    expect(answer.amounts.benefit).toBe(620.4);
    expect(answer.values.rate_percent).toBe(50);
    expect(answer.known_on).toBe('2022-01-20');
    // The retroactive 120 % was not yet known, so its caveat (a top-up owed) does not belong to this answer.
    expect(answer.caveats.map((c) => c.code)).not.toContain('CIS_RATE_RETROACTIVE_2022');
  });

  it('as known today, uses the retroactive 120 % with its caveat', async () => {
    const answer = await library.decide(TRIAL);
    expect(answer.amounts.benefit).toBe(1488.96);
    expect(answer.caveats.map((c) => c.code)).toContain('CIS_RATE_RETROACTIVE_2022');
    expect(answer.known_on).toBeUndefined();
  });

  it('ignores a version not yet published: the 2022 version is unknown on 2022-01-30, known on 2022-01-31', () => {
    expect(library.versionOn('cis-admission', '2022-03-01', '2022-01-30')?.validFrom).toBe('2015-10-24');
    expect(library.versionOn('cis-admission', '2022-03-01', '2022-01-31')?.validFrom).toBe('2022-02-15');
  });

  it('refuses a known_on that is not a day, naming the field', async () => {
    await expect(library.decide({ ...TRIAL, known_on: '2022-02-30' })).rejects.toMatchObject({ field: 'known_on' });
  });

  it('says why the answer changed between two days of knowledge, naming the act, its publication and its start', () => {
    const why = whyChanged(library, 'cis-benefit', '2022-01-15', '2022-01-20', '2026-12-03');
    const trial = why.find((w) => w.pl.startsWith('Świadczenie integracyjne w okresie próbnym'));
    expect(trial?.pl).toBe(
      'Świadczenie integracyjne w okresie próbnym (% zasiłku): 50% → 120%, bo ustawa z dnia 13 stycznia 2022 r. (Dz.U. 2022 poz. 218), ogłoszona 31 stycznia 2022 r., stosuje się od 1 stycznia 2022 r.',
    );
    expect(trial?.en).toBe(
      'Integration benefit in the trial month (% of zasiłek): 50% → 120%, because the act of 13 January 2022 (Dz.U. 2022 poz. 218), published on 31 January 2022, applies from 1 January 2022.',
    );
    expect(whyChanged(library, 'cis-benefit', '2022-01-15', '2022-02-01', '2026-12-03')).toEqual([]);
  });
});
