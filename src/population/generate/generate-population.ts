import { addDays, addMonths, daysBetween, daysInMonth, isIsoDate, yearOf } from '../../dates/iso-date.ts';
import * as A from './assumptions.ts';
import { createRng, type Rng, type Weighted, weightedPicker } from './prng.ts';

/** What a population is generated from: how many persons, the seed, and the day they are assessed on. */
export interface PopulationOptions {
  /** Number of persons, a whole number ≥ 0. */
  size: number;
  /** An integer from 0 to 2^32 − 1; the same seed gives the same population. */
  seed: number;
  /** The day the population is assessed on (`YYYY-MM-DD`, from 1900); every date generated is before it. */
  date: string;
}

/** The facts each person carries, in the catalogue's order: the columns of a CSV population. */
export const POPULATION_FACTS = [
  'registered_unemployed',
  'receives_social_assistance',
  'social_contract',
  'zasilek_entitled',
  'help_profile',
  'months_registered_last_24',
  'exclusion_groups',
  'cannot_meet_basic_needs',
  'in_poverty',
  'other_benefits',
  'qualifying_years',
  'benefit_period',
  'pai_months_completed',
  'in_pai',
  'in_reintegration',
  'integration_hours_per_week',
  'psu_hours_per_week',
  'labour_council_opinion',
  'requested_form',
  'requested_months',
  'psu_hours_worked',
  'psu_days_this_year',
  'psu_supports_carers',
  'cis_period',
  'days_in_programme',
  'unexcused_absence_days',
  'sick_days',
  'premia_requested_percent',
  'programme',
  'programme_months',
  'programme_completed',
  'has_certificate',
  'programme_end_date',
  'employment_start_date',
  'employment_month',
  'founders',
  'coop_activity',
] as const;

/** Throws a RangeError naming the first option that is out of range. */
export function checkPopulationOptions({ size, seed, date }: PopulationOptions): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`size must be a whole number ≥ 0, not ${size}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed must be an integer from 0 to 4294967295, not ${seed}`);
  if (!isIsoDate(date)) throw new RangeError(`date must be a real day written YYYY-MM-DD, not ${JSON.stringify(date)}`);
  if (yearOf(date) < 1900) throw new RangeError(`date must be 1900-01-01 or later, not ${date}`);
}

/** What depends on the date alone, worked out once for the whole population. */
interface DateContext {
  date: string;
  profilesInForce: boolean;
  paiHistory: boolean;
  paiRunning: boolean;
  reintegrationInForce: boolean;
  /** Longest part month: the days of the date's month less one, at most 30. */
  partMonthMax: number;
  /** Working days (5 in 7) from 1 January to the date. */
  workingDaysSoFar: number;
}

function dateContext(date: string): DateContext {
  const year = yearOf(date);
  const month = Number(date.slice(5, 7));
  const dayOfYear = daysBetween(`${String(year).padStart(4, '0')}-01-01`, date) + 1;
  return {
    date,
    profilesInForce: date >= A.PROFILES_FROM && date <= A.PROFILES_UNTIL,
    paiHistory: date >= A.PAI_HISTORY_FROM,
    paiRunning: date >= A.PAI_FROM && date <= A.PAI_RUNNING_UNTIL,
    reintegrationInForce: date >= A.REINTEGRATION_FROM,
    partMonthMax: Math.min(30, daysInMonth(year, month) - 1),
    workingDaysSoFar: Math.floor((dayOfYear * 5) / 7),
  };
}

/** The assumptions read once, tables turned into pickers, so a person costs only its draws. */
const M = {
  registered: A.REGISTERED_UNEMPLOYED_SHARE.value,
  assistedIfRegistered: A.SOCIAL_ASSISTANCE_SHARE_IF_REGISTERED.value,
  assistedIfNot: A.SOCIAL_ASSISTANCE_SHARE_IF_NOT_REGISTERED.value,
  socialContract: weightedPicker(A.SOCIAL_CONTRACT_IF_ASSISTED.value),
  longTerm: A.LONG_TERM_SHARE_OF_REGISTERED.value,
  all24: A.LONG_TERM_ALL_24_SHARE.value,
  shortTermMonths: weightedPicker(A.SHORT_TERM_MONTHS.value),
  pastRegistration: A.PAST_REGISTRATION_SHARE_IF_NOT_REGISTERED.value,
  // Only the registered short-term hold zasiłek; this share among them makes up the stated share of all registered.
  zasilekIfShortTerm: A.ZASILEK_SHARE_OF_REGISTERED.value / (1 - A.LONG_TERM_SHARE_OF_REGISTERED.value),
  helpProfile: weightedPicker(A.HELP_PROFILE.value),
  groupCount: weightedPicker(A.EXCLUSION_GROUP_COUNT.value),
  // long_term_unemployed is drawn only for the registered long-term.
  groupsLongTerm: A.EXCLUSION_GROUP_WEIGHTS.value,
  groupsOthers: A.EXCLUSION_GROUP_WEIGHTS.value.filter(([g]) => g !== 'long_term_unemployed'),
  cannotMeetIfGroup: A.CANNOT_MEET_BASIC_NEEDS_IF_GROUP.value,
  cannotMeetIfNoGroup: A.CANNOT_MEET_BASIC_NEEDS_IF_NO_GROUP.value,
  povertyIfCannotMeet: A.IN_POVERTY_IF_CANNOT_MEET_NEEDS.value,
  povertyOtherwise: A.IN_POVERTY_OTHERWISE.value,
  otherBenefits: A.OTHER_BENEFITS_SHARE.value,
  otherBenefitsTwo: A.OTHER_BENEFITS_TWO_SHARE.value,
  otherBenefitTable: A.OTHER_BENEFIT_WEIGHTS.value,
  qualifyingYears: weightedPicker(A.QUALIFYING_YEARS.value),
  first90Days: A.FIRST_90_DAYS_SHARE.value,
  paiMonths: weightedPicker(A.PAI_MONTHS_COMPLETED.value),
  inPai: A.IN_PAI_SHARE.value,
  inReintegration: A.IN_REINTEGRATION_SHARE.value,
  integrationHours: weightedPicker(A.INTEGRATION_HOURS_PER_WEEK.value),
  psuHoursPerWeek: weightedPicker(A.PSU_HOURS_PER_WEEK.value),
  councilOpinion: A.LABOUR_COUNCIL_OPINION_SHARE.value,
  requestedForm: weightedPicker(A.REQUESTED_FORM.value),
  requestedMonths: weightedPicker(A.REQUESTED_MONTHS.value),
  psuNoHours: A.PSU_NO_HOURS_SHARE.value,
  psuFullMonth: A.PSU_FULL_MONTH_SHARE.value,
  psuPartMonthHours: A.PSU_PART_MONTH_HOURS.value,
  psuActiveThisYear: A.PSU_ACTIVE_THIS_YEAR_SHARE.value,
  psuSupportsCarers: A.PSU_SUPPORTS_CARERS_SHARE.value,
  trial: A.CIS_TRIAL_SHARE.value,
  partMonth: A.PART_MONTH_SHARE.value,
  absenceBand: weightedPicker(A.UNEXCUSED_ABSENCE_DAYS.value),
  sick: A.SICK_SHARE.value,
  // Sick days 1 … max with weight days^(−exponent).
  sickDays: weightedPicker(
    Array.from({ length: A.SICK_DAYS_MAX.value }, (_, i) => [i + 1, (i + 1) ** -A.SICK_DAYS_TAIL_EXPONENT.value] as const),
  ),
  premia: weightedPicker(A.PREMIA_REQUESTED_PERCENT.value),
  programme: weightedPicker(A.PROGRAMME.value),
  cisExtended: A.CIS_EXTENDED_SHARE.value,
  completedIfSixMonths: A.COMPLETED_IF_SIX_MONTHS_SHARE.value,
  completedIfShorter: A.COMPLETED_IF_SHORTER_SHARE.value,
  certificateIfCompleted: A.CERTIFICATE_IF_COMPLETED_SHARE.value,
  endedDaysAgo: A.PROGRAMME_ENDED_DAYS_AGO.value,
  employedDaysAgo: A.EMPLOYMENT_STARTED_DAYS_AGO.value,
  founderMix: weightedPicker(A.FOUNDER_MIX.value),
  naturalFounders: weightedPicker(A.NATURAL_FOUNDER_COUNT.value),
  legalFounders: weightedPicker(A.LEGAL_FOUNDER_COUNT.value),
  mixedNaturalFounders: A.MIXED_FOUNDERS.value,
  founderAtRisk: A.FOUNDER_AT_RISK_SHARE.value,
  coopActivity: weightedPicker(A.COOP_ACTIVITY.value),
};

const fromRange = (rng: Rng, r: A.IntRange) => rng.int(r.min, r.max);

/** `count` distinct outcomes of the table, each drawn by weight among those not yet drawn. */
function pickDistinct<T>(rng: Rng, table: Weighted<T>, count: number): T[] {
  if (count === 0) return [];
  const left = [...table];
  const out: T[] = [];
  while (out.length < count && left.length > 0) {
    const value = rng.pick(left);
    out.push(value);
    left.splice(
      left.findIndex(([v]) => v === value),
      1,
    );
  }
  return out;
}

/** The month of an employment begun on `start` that contains `date` (1 for the first month). */
export function employmentMonthOn(start: string, date: string): number {
  if (date < start) throw new RangeError(`${date} is before the employment began on ${start}`);
  const months =
    (Number(date.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(start.slice(5, 7));
  // Whole months elapsed: `months`, unless the date falls before that month's anniversary day.
  const elapsed = addMonths(start, months) <= date ? months : months - 1;
  return elapsed + 1;
}

type Founder = { kind: 'natural' | 'legal'; at_risk: boolean };

function naturalFounders(rng: Rng, n: number, into: Founder[]): Founder[] {
  for (let i = 0; i < n; i++) into.push({ kind: 'natural', at_risk: rng.chance(M.founderAtRisk) });
  return into;
}

function legalFounders(n: number, into: Founder[]): Founder[] {
  for (let i = 0; i < n; i++) into.push({ kind: 'legal', at_risk: false });
  return into;
}

function founders(rng: Rng): Founder[] {
  switch (M.founderMix(rng)) {
    case 'legal':
      return legalFounders(M.legalFounders(rng), []);
    case 'mixed': {
      const legalCount = rng.int(1, 2);
      return legalFounders(legalCount, naturalFounders(rng, fromRange(rng, M.mixedNaturalFounders), []));
    }
    default:
      return naturalFounders(rng, M.naturalFounders(rng), []);
  }
}

/** One person's facts. Draws happen in a fixed order, so a seed always gives the same person. */
function person(rng: Rng, ctx: DateContext): Record<string, unknown> {
  const registered = rng.chance(M.registered);
  const assisted = rng.chance(registered ? M.assistedIfRegistered : M.assistedIfNot);
  const socialContract = assisted ? M.socialContract(rng) : 'none';

  let months = 0;
  let longTerm = false;
  if (registered) {
    longTerm = rng.chance(M.longTerm);
    months = longTerm ? (rng.chance(M.all24) ? 24 : rng.int(13, 23)) : M.shortTermMonths(rng);
  } else if (rng.chance(M.pastRegistration)) {
    months = rng.int(1, 12);
  }
  const zasilek = registered && !longTerm && rng.chance(M.zasilekIfShortTerm);
  const profile = registered && ctx.profilesInForce ? M.helpProfile(rng) : 'none';

  const groups = pickDistinct(rng, longTerm ? M.groupsLongTerm : M.groupsOthers, M.groupCount(rng));
  const cannotMeetNeeds = rng.chance(groups.length > 0 ? M.cannotMeetIfGroup : M.cannotMeetIfNoGroup);
  const inPoverty = rng.chance(cannotMeetNeeds ? M.povertyIfCannotMeet : M.povertyOtherwise);
  const otherBenefits =
    !zasilek && rng.chance(M.otherBenefits) ? pickDistinct(rng, M.otherBenefitTable, rng.chance(M.otherBenefitsTwo) ? 2 : 1) : [];
  const qualifyingYears = fromRange(rng, M.qualifyingYears(rng));
  const benefitPeriod = rng.chance(M.first90Days) ? 'first_90_days' : 'later';

  const paiPool = registered && assisted;
  const paiMonths = paiPool && ctx.paiHistory ? M.paiMonths(rng) : 0;
  const inPai = paiPool && ctx.paiRunning && paiMonths + 2 <= 6 && rng.chance(M.inPai);
  const inReintegration = longTerm && !inPai && ctx.reintegrationInForce && rng.chance(M.inReintegration);

  const psuWorked = rng.chance(M.psuNoHours)
    ? 0
    : rng.chance(M.psuFullMonth)
      ? rng.int(30, 40)
      : fromRange(rng, M.psuPartMonthHours);
  const psuDays = rng.chance(M.psuActiveThisYear) ? rng.int(0, ctx.workingDaysSoFar) : 0;

  const trial = rng.chance(M.trial);
  const partMonth = rng.chance(M.partMonth) ? rng.int(1, ctx.partMonthMax) : undefined;
  const daysTakingPart = partMonth ?? 30;
  const absence = Math.min(fromRange(rng, M.absenceBand(rng)), daysTakingPart);
  const sick = rng.chance(M.sick) ? Math.min(M.sickDays(rng), daysTakingPart - absence) : 0;
  const premia = M.premia(rng);
  const programme = M.programme(rng);
  const programmeMonths =
    programme === 'kis' ? rng.int(1, 12) : trial ? 0 : rng.chance(M.cisExtended) ? rng.int(12, 23) : rng.int(1, 11);
  const completed = rng.chance(programmeMonths >= 6 ? M.completedIfSixMonths : M.completedIfShorter);
  const certificate = completed && rng.chance(M.certificateIfCompleted);
  const endDate = addDays(ctx.date, -fromRange(rng, M.endedDaysAgo));
  const employmentStart = addDays(ctx.date, -fromRange(rng, M.employedDaysAgo));

  return {
    registered_unemployed: registered,
    receives_social_assistance: assisted,
    social_contract: socialContract,
    zasilek_entitled: zasilek,
    help_profile: profile,
    months_registered_last_24: months,
    exclusion_groups: groups,
    cannot_meet_basic_needs: cannotMeetNeeds,
    in_poverty: inPoverty,
    other_benefits: otherBenefits,
    qualifying_years: qualifyingYears,
    benefit_period: benefitPeriod,
    pai_months_completed: paiMonths,
    in_pai: inPai,
    in_reintegration: inReintegration,
    integration_hours_per_week: M.integrationHours(rng),
    psu_hours_per_week: M.psuHoursPerWeek(rng),
    labour_council_opinion: rng.chance(M.councilOpinion),
    requested_form: M.requestedForm(rng),
    requested_months: M.requestedMonths(rng),
    psu_hours_worked: psuWorked,
    psu_days_this_year: psuDays,
    psu_supports_carers: rng.chance(M.psuSupportsCarers),
    cis_period: trial ? 'trial' : 'participation',
    ...(partMonth === undefined ? {} : { days_in_programme: partMonth }),
    unexcused_absence_days: absence,
    sick_days: sick,
    premia_requested_percent: premia,
    programme,
    programme_months: programmeMonths,
    programme_completed: completed,
    has_certificate: certificate,
    programme_end_date: endDate,
    employment_start_date: employmentStart,
    employment_month: employmentMonthOn(employmentStart, ctx.date),
    founders: founders(rng),
    coop_activity: M.coopActivity(rng),
  };
}

/**
 * A synthetic population, one facts object per person, yielded one at a time (nothing is kept), the same for
 * the same options (checked at once: a RangeError names a bad one). A smaller size gives the first persons of a larger one. The shares and distributions are the
 * constants of assumptions.ts, stated in words by `populationAssumptions`.
 */
export function generatePopulation(options: PopulationOptions): Generator<Record<string, unknown>> {
  checkPopulationOptions(options);
  return persons(options);
}

function* persons({ size, seed, date }: PopulationOptions): Generator<Record<string, unknown>> {
  const rng = createRng(seed);
  const ctx = dateContext(date);
  for (let i = 0; i < size; i++) yield person(rng, ctx);
}
