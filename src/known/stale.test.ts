import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { nextUpdate, staleParameters } from './stale.ts';

const library = loadRulesDirOrThrow();
const ask = (date: string) => library.decide({ question: 'unemployment-benefit', date, facts: { qualifying_years: 10 } });

describe('values past their next expected update', () => {
  it('finds the next update after a row: the same year when still ahead, else the next', () => {
    expect(nextUpdate('2026-06-01', { every: 'year', on: '06-01' })).toBe('2027-06-01');
    expect(nextUpdate('2020-09-01', { every: 'year', on: '06-01' })).toBe('2021-06-01');
    expect(nextUpdate('2023-07-01', { every: 'year', on: '01-01' })).toBe('2024-01-01');
    expect(nextUpdate('2010-01-01', { every: 'year', on: '06-01' })).toBe('2010-06-01');
  });

  it('puts a caveat on unemployment-benefit on 2030-08-01, naming the zasiłek by its label', async () => {
    const answer = await ask('2030-08-01');
    expect(answer.amounts.monthly_amount).toBe(1783.9);
    const caveat = answer.caveats.find((c) => c.code === 'PARAMETER_NOT_CONFIRMED');
    expect(caveat?.text.pl).toContain('Kwota nie została potwierdzona na ten dzień: „Zasiłek podstawowy, pierwsze 90 dni”');
    expect(caveat?.text.en).toContain('The amount is not confirmed for this day: "Basic benefit, first 90 days"');
    expect(caveat?.text.pl).toContain('01.06.2027');
  });

  it('puts none on a day the amount is current', async () => {
    const answer = await ask('2027-05-31');
    expect(answer.caveats.map((c) => c.code)).not.toContain('PARAMETER_NOT_CONFIRMED');
  });

  it('lists what is due on a day, soonest first, and nothing when every value is current', () => {
    expect(staleParameters(library.catalogue.parameters, '2027-05-31').map((s) => s.id)).toEqual([
      'minimum_wage.hourly',
      'minimum_wage.monthly',
    ]);
    const due = staleParameters(library.catalogue.parameters, '2027-06-01');
    expect(due.map((s) => [s.id, s.due])).toEqual([
      ['minimum_wage.hourly', '2027-01-01'],
      ['minimum_wage.monthly', '2027-01-01'],
      ['zasilek.first_90_days', '2027-06-01'],
      ['zasilek.later_days', '2027-06-01'],
    ]);
    expect(due[2]).toMatchObject({
      from: '2026-06-01',
      value: 1783.9,
      last_verified_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(staleParameters(library.catalogue.parameters, '2026-12-31')).toEqual([]);
  });

  it('gives every dated value of the bundled law the day it became known', () => {
    for (const id of library.catalogue.parameters.ids())
      for (const row of library.catalogue.parameters.get(id)?.values ?? [])
        expect(row.published_on, `${id} from ${row.from}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const q of library.questionIds())
      for (const v of library.versions(q)) expect(v.law.published_on, `${q} ${v.validFrom}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
