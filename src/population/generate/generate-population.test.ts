import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../../adapters/fs/read-rules.ts';
import { factValueSchema } from '../../catalogue/fact-types.ts';
import { addMonths, isIsoDate } from '../../dates/iso-date.ts';
import { employmentMonthOn, generatePopulation, POPULATION_FACTS, type PopulationOptions } from './generate-population.ts';
import { toCsvLines } from './writers.ts';

const take = (options: PopulationOptions) => [...generatePopulation(options)];
const catalogue = loadRulesDirOrThrow().catalogue;

describe('generatePopulation: determinism', () => {
  it('gives the same persons, and the same CSV, for the same seed', () => {
    const options = { size: 2000, seed: 7, date: '2025-10-15' };
    expect(take(options)).toEqual(take(options));
    expect([...toCsvLines(generatePopulation(options), POPULATION_FACTS)].join('\n')).toBe(
      [...toCsvLines(generatePopulation(options), POPULATION_FACTS)].join('\n'),
    );
  });

  it('gives different persons for a different seed', () => {
    const a = take({ size: 200, seed: 7, date: '2025-10-15' });
    const b = take({ size: 200, seed: 8, date: '2025-10-15' });
    expect(a).not.toEqual(b);
    // Not just a few persons: most rows differ.
    const same = a.filter((p, i) => JSON.stringify(p) === JSON.stringify(b[i])).length;
    expect(same).toBeLessThan(5);
  });

  it('gives the first persons of a larger population for a smaller size', () => {
    expect(take({ size: 50, seed: 3, date: '2020-01-31' })).toEqual(
      take({ size: 500, seed: 3, date: '2020-01-31' }).slice(0, 50),
    );
  });

  it('gives exactly `size` persons, none for 0', () => {
    expect(take({ size: 0, seed: 1, date: '2025-10-15' })).toEqual([]);
    expect(take({ size: 37, seed: 1, date: '2025-10-15' })).toHaveLength(37);
  });
});

describe('generatePopulation: values valid for the catalogue', () => {
  it('carries exactly the facts of the catalogue', () => {
    expect([...POPULATION_FACTS].sort()).toEqual([...catalogue.facts.keys()].sort());
  });

  for (const date of ['2016-03-31', '2025-10-15', '2024-02-29', '2014-01-01']) {
    it(`gives 5,000 persons on ${date} whose every value passes the fact's schema`, () => {
      const schemas = new Map([...catalogue.facts].map(([name, def]) => [name, factValueSchema(def)]));
      const required = [...catalogue.facts].filter(([, def]) => !def.optional).map(([name]) => name);
      const problems: string[] = [];
      let n = 0;
      for (const person of generatePopulation({ size: 5000, seed: 11, date })) {
        n++;
        for (const [name, value] of Object.entries(person)) {
          const schema = schemas.get(name);
          if (!schema) problems.push(`${n}: ${name} is not a fact`);
          else if (!schema.safeParse(value).success) problems.push(`${n}: ${name} = ${JSON.stringify(value)}`);
        }
        for (const name of required) if (!(name in person)) problems.push(`${n}: ${name} is missing`);
        if (problems.length > 20) break;
      }
      expect(problems).toEqual([]);
      expect(n).toBe(5000);
    });
  }
});

describe('generatePopulation: dates', () => {
  for (const date of ['2025-10-15', '2024-03-31', '2025-01-01', '2024-02-29', '2023-12-31']) {
    it(`puts every date before ${date}, with employment_month the month of the employment that contains it`, () => {
      for (const p of generatePopulation({ size: 3000, seed: 5, date })) {
        const end = p.programme_end_date as string;
        const start = p.employment_start_date as string;
        const month = p.employment_month as number;
        expect(isIsoDate(end) && end < date).toBe(true);
        expect(isIsoDate(start) && start < date).toBe(true);
        expect(addMonths(start, month - 1) <= date).toBe(true);
        expect(addMonths(start, month) > date).toBe(true);
      }
    });
  }

  it('counts the months of an employment as KC art. 112 does', () => {
    expect(employmentMonthOn('2025-10-14', '2025-10-15')).toBe(1);
    expect(employmentMonthOn('2025-09-15', '2025-10-15')).toBe(2);
    expect(employmentMonthOn('2025-09-16', '2025-10-15')).toBe(1);
    expect(employmentMonthOn('2024-01-31', '2024-02-29')).toBe(2);
    expect(employmentMonthOn('2024-01-31', '2024-02-28')).toBe(1);
    expect(employmentMonthOn('2024-10-15', '2025-10-15')).toBe(13);
    expect(() => employmentMonthOn('2025-10-16', '2025-10-15')).toThrow(RangeError);
  });

  it('keeps part months within the month of the date', () => {
    for (const p of generatePopulation({ size: 3000, seed: 5, date: '2023-02-10' })) {
      if (p.days_in_programme !== undefined) expect(p.days_in_programme as number).toBeLessThanOrEqual(27);
    }
  });

  it('switches profiles, PAI and art. 200 reintegration on and off with the date', () => {
    const count = (date: string, pred: (p: Record<string, unknown>) => boolean) =>
      take({ size: 3000, seed: 2, date }).filter(pred).length;
    const profiled = (p: Record<string, unknown>) => p.help_profile !== 'none';
    expect(count('2014-05-26', profiled)).toBe(0);
    expect(count('2014-05-27', profiled)).toBeGreaterThan(1000);
    expect(count('2019-06-14', profiled)).toBeGreaterThan(1000);
    expect(count('2019-06-15', profiled)).toBe(0);
    const inPai = (p: Record<string, unknown>) => p.in_pai === true;
    expect(count('2014-05-26', inPai)).toBe(0);
    expect(count('2025-07-31', inPai)).toBeGreaterThan(0);
    expect(count('2025-08-01', inPai)).toBe(0);
    const paiDone = (p: Record<string, unknown>) => (p.pai_months_completed as number) > 0;
    expect(count('2014-07-26', paiDone)).toBe(0);
    expect(count('2014-07-27', paiDone)).toBeGreaterThan(0);
    const reintegrated = (p: Record<string, unknown>) => p.in_reintegration === true;
    expect(count('2025-05-31', reintegrated)).toBe(0);
    expect(count('2025-06-01', reintegrated)).toBeGreaterThan(0);
  });
});

describe('generatePopulation: consistency between facts', () => {
  it('keeps facts that depend on each other consistent', () => {
    for (const p of generatePopulation({ size: 20_000, seed: 17, date: '2016-03-31' })) {
      const months = p.months_registered_last_24 as number;
      const longTerm = p.registered_unemployed === true && months > 12;
      if (p.zasilek_entitled) expect(p.registered_unemployed === true && months <= 12).toBe(true);
      if ((p.exclusion_groups as string[]).includes('long_term_unemployed')) expect(longTerm).toBe(true);
      if (!p.registered_unemployed) expect(months).toBeLessThanOrEqual(12);
      if (p.receives_social_assistance !== true) expect(p.social_contract).toBe('none');
      if ((p.other_benefits as string[]).length > 0) expect(p.zasilek_entitled).toBe(false);
      expect(new Set(p.exclusion_groups as string[]).size).toBe((p.exclusion_groups as string[]).length);
      expect((p.exclusion_groups as string[]).length).toBeLessThanOrEqual(2);
      if (p.in_pai)
        expect(p.registered_unemployed && p.receives_social_assistance && (p.pai_months_completed as number) <= 4).toBe(true);
      if (p.in_reintegration) expect(longTerm && !p.in_pai).toBe(true);
      if (p.has_certificate) expect(p.programme_completed).toBe(true);
      if (p.programme === 'cis' && p.cis_period === 'trial') expect(p.programme_months).toBe(0);
      const taking = (p.days_in_programme as number | undefined) ?? 30;
      expect((p.unexcused_absence_days as number) + (p.sick_days as number)).toBeLessThanOrEqual(taking);
      const founders = p.founders as { kind: string; at_risk: boolean }[];
      expect(founders.length).toBeGreaterThanOrEqual(2);
      expect(founders.length).toBeLessThanOrEqual(6);
      for (const f of founders) if (f.kind === 'legal') expect(f.at_risk).toBe(false);
      expect(p.psu_days_this_year as number).toBeLessThanOrEqual(Math.floor((91 * 5) / 7));
    }
  });
});

describe('generatePopulation: options', () => {
  it('refuses a bad size, seed or date at once, naming it', () => {
    const ok = { size: 10, seed: 1, date: '2025-10-15' };
    expect(() => generatePopulation({ ...ok, size: -1 })).toThrow(/size/);
    expect(() => generatePopulation({ ...ok, size: 2.5 })).toThrow(/size/);
    expect(() => generatePopulation({ ...ok, seed: -3 })).toThrow(/seed/);
    expect(() => generatePopulation({ ...ok, seed: 2 ** 32 })).toThrow(/seed/);
    expect(() => generatePopulation({ ...ok, date: '2025-02-29' })).toThrow(/date/);
    expect(() => generatePopulation({ ...ok, date: '15.10.2025' })).toThrow(/date/);
    expect(() => generatePopulation({ ...ok, date: '1899-12-31' })).toThrow(/1900/);
  });
});

describe('generatePopulation: streaming', () => {
  // Speed is the benchmark's to measure (npm run bench), not a unit test's: these check the shape of the work.
  it('yields the first person of ten million from a generator, without building the population', () => {
    const persons = generatePopulation({ size: 10_000_000, seed: 1, date: '2025-10-15' });
    expect(Object.prototype.toString.call(persons)).toBe('[object Generator]');
    expect(persons.next().done).toBe(false);
  });

  it('generates 200,000 persons while only counting them', () => {
    let n = 0;
    for (const _ of generatePopulation({ size: 200_000, seed: 99, date: '2025-10-15' })) n++;
    expect(n).toBe(200_000);
  });
});
