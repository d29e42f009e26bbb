import { describe, expect, it } from 'vitest';
import { polishTextFindings } from '../../text/polish-text.ts';
import * as A from './assumptions.ts';
import { describeValue, populationAssumptions } from './assumptions-text.ts';
import { POPULATION_FACTS } from './generate-population.ts';

/** Every exported assumption of assumptions.ts, found by its shape, with its name. */
const exported: [string, A.Assumption][] = Object.entries(A as Record<string, unknown>)
  .filter(([, v]) => typeof v === 'object' && v !== null && 'kind' in v && 'why' in v)
  .map(([name, v]) => [name, v as A.Assumption]);

describe('populationAssumptions in Polish, the default', () => {
  const text = populationAssumptions({ size: 1234, seed: 42, date: '2025-10-15' });

  it('states the seed, size and date the Polish way, and every assumption with its reason', () => {
    expect(text).toContain('# Populacja syntetyczna: założenia');
    expect(text).toContain('- Ziarno: 42');
    expect(text).toContain('- Dzień oceny: 15.10.2025');
    for (const [, a] of exported) {
      expect(text).toContain(a.label.pl.replaceAll('|', '\\|'));
      expect(text).toContain(a.why.pl.replaceAll('|', '\\|'));
    }
    expect(describeValue(A.ZASILEK_SHARE_OF_REGISTERED, 'pl')).toBe('15%');
    expect(describeValue(A.CIS_TRIAL_SHARE, 'pl')).toBe('8,3%');
  });

  it('has no English word outside the column names and values, which stay as the file writes them', () => {
    const words = text.replace(/`[^`]*`/g, ' ');
    expect(polishTextFindings(words)).toEqual([]);
  });
});

describe('populationAssumptions in English', () => {
  const text = populationAssumptions({ size: 1234, seed: 42, date: '2025-10-15' }, 'en');

  it('states the seed, size and date', () => {
    expect(text).toContain('- Seed: 42');
    expect(text).toContain('- Persons: 1234');
    expect(text).toContain('- Assessed on: 2025-10-15');
  });

  it('states every assumption exported, with its value and its reason', () => {
    const listed = new Set(A.ASSUMPTIONS.flatMap((s) => s.items));
    expect(exported.length).toBeGreaterThan(40);
    for (const [name, a] of exported) {
      expect(listed.has(a), `${name} is not in ASSUMPTIONS`).toBe(true);
      expect(a.why.en.length, `${name} has no reason`).toBeGreaterThan(10);
      expect(a.why.pl.length, `${name} has no Polish reason`).toBeGreaterThan(10);
      expect(text).toContain(a.why.en);
      expect(text).toContain(describeValue(a).replaceAll('|', '\\|'));
    }
  });

  it('names only facts that the population carries, and covers every one of them', () => {
    const named = new Set(exported.flatMap(([, a]) => a.facts));
    for (const f of named) expect(POPULATION_FACTS).toContain(f);
    for (const f of POPULATION_FACTS) expect(named.has(f), `no assumption for ${f}`).toBe(true);
  });

  it('writes shares as percentages and tables normalised to 100 %', () => {
    expect(describeValue(A.ZASILEK_SHARE_OF_REGISTERED)).toBe('15 %');
    expect(describeValue(A.CIS_TRIAL_SHARE)).toBe('8.3 %');
    expect(describeValue(A.EXCLUSION_GROUP_COUNT)).toBe('0: 40 %, 1: 45 %, 2: 15 %');
    expect(describeValue(A.UNEXCUSED_ABSENCE_DAYS)).toBe('0: 85 %, 1–3: 12 %, 4–10: 3 %');
    expect(describeValue(A.PROGRAMME_ENDED_DAYS_AGO)).toBe('1–365');
    for (const { items } of A.ASSUMPTIONS) {
      for (const a of items) {
        if (a.kind === 'share') expect(a.value >= 0 && a.value <= 1).toBe(true);
        if (a.kind === 'weights') {
          const total = a.value.reduce((s, [, w]) => s + w, 0);
          expect(total).toBeGreaterThan(0);
        }
      }
    }
  });

  it('says which dated facts the date switches on', () => {
    expect(text).toContain('`help_profile` (profiles set 2014-05-27…2019-06-14): not on this date, so `none` for everyone.');
    expect(text).toContain('`in_reintegration` (art. 200 reintegration from 2025-06-01): drawn as below.');
    const in2016 = populationAssumptions({ size: 1, seed: 1, date: '2016-03-31' }, 'en');
    expect(in2016).toContain('`help_profile` (profiles set 2014-05-27…2019-06-14): drawn as below.');
    expect(in2016).toContain(
      '`in_reintegration` (art. 200 reintegration from 2025-06-01): not on this date, so false for everyone.',
    );
  });

  it('is a Markdown table whose rows all have four cells', () => {
    const rows = text.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBe(A.ASSUMPTIONS.reduce((n, s) => n + s.items.length, 0));
    for (const row of rows) expect(row.replaceAll('\\|', '').split('|').length).toBe(6);
  });
});
