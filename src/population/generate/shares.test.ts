import { describe, expect, it } from 'vitest';
import * as A from './assumptions.ts';
import { generatePopulation } from './generate-population.ts';
import type { Weighted } from './prng.ts';

type Person = Record<string, unknown>;
const N = 20_000;
/** One population inside the profile and PAI windows, one after art. 200 reintegration began. */
const in2016 = [...generatePopulation({ size: N, seed: 2016, date: '2016-03-31' })];
const in2025 = [...generatePopulation({ size: N, seed: 2025, date: '2025-10-15' })];

/** Within 2 percentage points, or four standard errors when the group is small. */
function expectShare(rows: readonly Person[], pred: (p: Person) => boolean, expected: number, what: string): void {
  expect(rows.length, `${what}: the group is empty`).toBeGreaterThan(100);
  const actual = rows.filter(pred).length / rows.length;
  const tolerance = Math.max(0.02, 4 * Math.sqrt((expected * (1 - expected)) / rows.length));
  expect(Math.abs(actual - expected), `${what}: ${actual.toFixed(4)} vs ${expected} (n = ${rows.length})`).toBeLessThanOrEqual(
    tolerance,
  );
}

/** Every outcome of a table at its normalised weight; `key` maps a person to the outcome drawn. */
function expectTable<T>(rows: readonly Person[], key: (p: Person) => T, table: Weighted<T>, what: string): void {
  const total = table.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of table) expectShare(rows, (p) => key(p) === value, w / total, `${what} = ${JSON.stringify(value)}`);
}

const bandOf = (table: Weighted<A.IntRange>, x: number) => table.find(([r]) => x >= r.min && x <= r.max)?.[0];
const registered = (p: Person) => p.registered_unemployed === true;
const assisted = (p: Person) => p.receives_social_assistance === true;
const months = (p: Person) => p.months_registered_last_24 as number;
const longTerm = (p: Person) => registered(p) && months(p) > 12;
const groups = (p: Person) => p.exclusion_groups as string[];
const others = (p: Person) => p.other_benefits as string[];
const founders = (p: Person) => p.founders as { kind: string; at_risk: boolean }[];

describe.each([
  ['2016-03-31', in2016],
  ['2025-10-15', in2025],
])('shares of 20,000 persons on %s match the stated assumptions', (_date, all) => {
  const reg = all.filter(registered);
  const notReg = all.filter((p) => !registered(p));

  it('registration, social assistance, months registered and zasiłek', () => {
    expectShare(all, registered, A.REGISTERED_UNEMPLOYED_SHARE.value, 'registered');
    expectShare(reg, assisted, A.SOCIAL_ASSISTANCE_SHARE_IF_REGISTERED.value, 'assisted | registered');
    expectShare(notReg, assisted, A.SOCIAL_ASSISTANCE_SHARE_IF_NOT_REGISTERED.value, 'assisted | not registered');
    expectShare(reg, longTerm, A.LONG_TERM_SHARE_OF_REGISTERED.value, 'long-term | registered');
    expectShare(all.filter(longTerm), (p) => months(p) === 24, A.LONG_TERM_ALL_24_SHARE.value, '24 months | long-term');
    expectTable(
      reg.filter((p) => !longTerm(p)),
      months,
      A.SHORT_TERM_MONTHS.value,
      'months | registered short-term',
    );
    expectShare(
      notReg,
      (p) => months(p) > 0,
      A.PAST_REGISTRATION_SHARE_IF_NOT_REGISTERED.value,
      'past registration | not registered',
    );
    expectShare(reg, (p) => p.zasilek_entitled === true, A.ZASILEK_SHARE_OF_REGISTERED.value, 'zasiłek | registered');
    expect(notReg.filter((p) => p.zasilek_entitled).length).toBe(0);
  });

  it('social contract, exclusion groups, basic needs, poverty, other benefits', () => {
    expectTable(
      all.filter(assisted),
      (p) => p.social_contract,
      A.SOCIAL_CONTRACT_IF_ASSISTED.value,
      'social_contract | assisted',
    );
    expectTable(all, (p) => groups(p).length, A.EXCLUSION_GROUP_COUNT.value, 'number of groups');
    // Among persons in exactly one group who cannot be long-term, each group at its weight among the rest.
    const rest = A.EXCLUSION_GROUP_WEIGHTS.value.filter(([g]) => g !== 'long_term_unemployed');
    expectTable(
      all.filter((p) => !longTerm(p) && groups(p).length === 1),
      (p) => groups(p)[0],
      rest,
      'group | one group, not long-term',
    );
    const withGroup = all.filter((p) => groups(p).length > 0);
    expectShare(
      withGroup,
      (p) => p.cannot_meet_basic_needs === true,
      A.CANNOT_MEET_BASIC_NEEDS_IF_GROUP.value,
      'cannot meet | group',
    );
    expectShare(
      all.filter((p) => groups(p).length === 0),
      (p) => p.cannot_meet_basic_needs === true,
      A.CANNOT_MEET_BASIC_NEEDS_IF_NO_GROUP.value,
      'cannot meet | no group',
    );
    expectShare(
      all.filter((p) => p.cannot_meet_basic_needs === true),
      (p) => p.in_poverty === true,
      A.IN_POVERTY_IF_CANNOT_MEET_NEEDS.value,
      'poverty | cannot meet',
    );
    expectShare(
      all.filter((p) => p.cannot_meet_basic_needs !== true),
      (p) => p.in_poverty === true,
      A.IN_POVERTY_OTHERWISE.value,
      'poverty | can meet',
    );
    const noZasilek = all.filter((p) => p.zasilek_entitled !== true);
    expectShare(noZasilek, (p) => others(p).length > 0, A.OTHER_BENEFITS_SHARE.value, 'other benefits | no zasiłek');
    const holders = all.filter((p) => others(p).length > 0);
    expectShare(holders, (p) => others(p).length === 2, A.OTHER_BENEFITS_TWO_SHARE.value, 'two benefits | holders');
    expectTable(
      holders.filter((p) => others(p).length === 1),
      (p) => others(p)[0],
      A.OTHER_BENEFIT_WEIGHTS.value,
      'benefit | one held',
    );
  });

  it('qualifying years and benefit period', () => {
    expectTable(
      all,
      (p) => bandOf(A.QUALIFYING_YEARS.value, p.qualifying_years as number),
      A.QUALIFYING_YEARS.value,
      'qualifying_years band',
    );
    expectShare(all, (p) => p.benefit_period === 'first_90_days', A.FIRST_90_DAYS_SHARE.value, 'first 90 days');
  });

  it('PAI plan, requested help and months', () => {
    expectTable(all, (p) => p.requested_form, A.REQUESTED_FORM.value, 'requested_form');
    expectTable(all, (p) => p.requested_months, A.REQUESTED_MONTHS.value, 'requested_months');
    expectTable(all, (p) => p.integration_hours_per_week, A.INTEGRATION_HOURS_PER_WEEK.value, 'integration hours');
    expectTable(all, (p) => p.psu_hours_per_week, A.PSU_HOURS_PER_WEEK.value, 'PSU hours a week');
    expectShare(all, (p) => p.labour_council_opinion === true, A.LABOUR_COUNCIL_OPINION_SHARE.value, 'council opinion');
    const pool = all.filter((p) => registered(p) && assisted(p));
    expectTable(pool, (p) => p.pai_months_completed, A.PAI_MONTHS_COMPLETED.value, 'PAI months | registered and assisted');
    expect(all.filter((p) => !(registered(p) && assisted(p)) && (p.pai_months_completed as number) > 0).length).toBe(0);
  });

  it('PSU', () => {
    expectShare(all, (p) => p.psu_hours_worked === 0, A.PSU_NO_HOURS_SHARE.value, 'no PSU hours');
    const worked = all.filter((p) => (p.psu_hours_worked as number) > 0);
    expectShare(worked, (p) => (p.psu_hours_worked as number) >= 30, A.PSU_FULL_MONTH_SHARE.value, 'near-full month | worked');
    for (const p of worked) expect(p.psu_hours_worked as number).toBeLessThanOrEqual(40);
    // Days are uniform from 0, so a few active persons draw 0 days: at most 1 % here.
    expectShare(all, (p) => (p.psu_days_this_year as number) > 0, A.PSU_ACTIVE_THIS_YEAR_SHARE.value, 'PSU this year');
    expectShare(all, (p) => p.psu_supports_carers === true, A.PSU_SUPPORTS_CARERS_SHARE.value, 'PSU supports carers');
  });

  it('CIS month: period, part months, absences, sick days, premia', () => {
    expectShare(all, (p) => p.cis_period === 'trial', A.CIS_TRIAL_SHARE.value, 'trial');
    expectShare(all, (p) => p.days_in_programme !== undefined, A.PART_MONTH_SHARE.value, 'part month');
    expectTable(
      all.filter((p) => p.days_in_programme === undefined),
      (p) => bandOf(A.UNEXCUSED_ABSENCE_DAYS.value, p.unexcused_absence_days as number),
      A.UNEXCUSED_ABSENCE_DAYS.value,
      'absence band | whole month',
    );
    expectShare(all, (p) => (p.sick_days as number) > 0, A.SICK_SHARE.value, 'sick');
    const sick = all.filter((p) => (p.sick_days as number) > 0);
    expect(Math.max(...sick.map((p) => p.sick_days as number))).toBe(A.SICK_DAYS_MAX.value);
    // Heavy tail days^(−exponent): most sick persons have a few days, yet some pass the 21-day limit.
    const weight = (k: number) => k ** -A.SICK_DAYS_TAIL_EXPONENT.value;
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => weight(i + 1)).reduce((a, b) => a + b, 0);
    expectShare(sick, (p) => (p.sick_days as number) <= 5, upTo(5) / upTo(A.SICK_DAYS_MAX.value), 'at most 5 sick days | sick');
    expect(sick.filter((p) => (p.sick_days as number) > 21).length).toBeGreaterThan(50);
    expectTable(all, (p) => p.premia_requested_percent, A.PREMIA_REQUESTED_PERCENT.value, 'premia');
  });

  it('programme, months, completion, certificate', () => {
    expectTable(all, (p) => p.programme, A.PROGRAMME.value, 'programme');
    const cisParticipation = all.filter((p) => p.programme === 'cis' && p.cis_period === 'participation');
    expectShare(cisParticipation, (p) => (p.programme_months as number) >= 12, A.CIS_EXTENDED_SHARE.value, 'extended | CIS');
    const long = all.filter((p) => (p.programme_months as number) >= 6);
    expectShare(long, (p) => p.programme_completed === true, A.COMPLETED_IF_SIX_MONTHS_SHARE.value, 'completed | ≥ 6 months');
    const short = all.filter((p) => (p.programme_months as number) < 6);
    expectShare(short, (p) => p.programme_completed === true, A.COMPLETED_IF_SHORTER_SHARE.value, 'completed | < 6 months');
    const completed = all.filter((p) => p.programme_completed === true);
    expectShare(completed, (p) => p.has_certificate === true, A.CERTIFICATE_IF_COMPLETED_SHARE.value, 'certificate | completed');
  });

  it('social cooperatives', () => {
    const mix = (p: Person) => {
      const kinds = new Set(founders(p).map((f) => f.kind));
      return kinds.size === 2 ? 'mixed' : [...kinds][0];
    };
    expectTable(all, mix, A.FOUNDER_MIX.value, 'founder mix');
    expectTable(
      all.filter((p) => mix(p) === 'natural'),
      (p) => founders(p).length,
      A.NATURAL_FOUNDER_COUNT.value,
      'natural founders',
    );
    expectTable(
      all.filter((p) => mix(p) === 'legal'),
      (p) => founders(p).length,
      A.LEGAL_FOUNDER_COUNT.value,
      'legal founders',
    );
    const natural = all.flatMap((p) => founders(p).filter((f) => f.kind === 'natural'));
    expectShare(
      natural as unknown as Person[],
      (f) => f.at_risk === true,
      A.FOUNDER_AT_RISK_SHARE.value,
      'at risk | natural founder',
    );
    expectTable(all, (p) => p.coop_activity, A.COOP_ACTIVITY.value, 'coop_activity');
  });
});

describe('dated shares', () => {
  it('profiles in 2016 follow the table among the registered; none in 2025', () => {
    expectTable(in2016.filter(registered), (p) => p.help_profile, A.HELP_PROFILE.value, 'help_profile | registered');
    expect(in2016.filter((p) => !registered(p) && p.help_profile !== 'none').length).toBe(0);
    expect(in2025.filter((p) => p.help_profile !== 'none').length).toBe(0);
  });

  it('PAI runs in 2016 and not on 2025-10-15; art. 200 reintegration the other way round', () => {
    const eligible = in2016.filter((p) => registered(p) && assisted(p) && (p.pai_months_completed as number) <= 4);
    expectShare(eligible, (p) => p.in_pai === true, A.IN_PAI_SHARE.value, 'in PAI | eligible, 2016');
    expect(in2025.filter((p) => p.in_pai).length).toBe(0);
    expectShare(
      in2025.filter(longTerm),
      (p) => p.in_reintegration === true,
      A.IN_REINTEGRATION_SHARE.value,
      'in reintegration | long-term',
    );
    expect(in2016.filter((p) => p.in_reintegration).length).toBe(0);
  });
});
