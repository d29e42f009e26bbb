import type { Weighted } from './prng.ts';

/** An inclusive range of whole numbers, drawn uniformly. */
export interface IntRange {
  readonly min: number;
  readonly max: number;
}

/** One stated assumption of the synthetic population: its value, the facts it shapes, and why. */
export type Assumption =
  | {
      readonly kind: 'share';
      readonly value: number;
      readonly facts: readonly string[];
      readonly label: string;
      readonly why: string;
    }
  | {
      readonly kind: 'number';
      readonly value: number;
      readonly facts: readonly string[];
      readonly label: string;
      readonly why: string;
    }
  | {
      readonly kind: 'range';
      readonly value: IntRange;
      readonly facts: readonly string[];
      readonly label: string;
      readonly why: string;
    }
  | {
      readonly kind: 'weights';
      readonly value: Weighted<string | number | IntRange>;
      readonly facts: readonly string[];
      readonly label: string;
      readonly why: string;
    };

type Info = { facts: readonly string[]; label: string; why: string };
const share = (value: number, info: Info) => ({ kind: 'share', value, ...info }) as const;
const num = (value: number, info: Info) => ({ kind: 'number', value, ...info }) as const;
const range = (min: number, max: number, info: Info) => ({ kind: 'range', value: { min, max }, ...info }) as const;
const weights = <T extends string | number | IntRange>(value: Weighted<T>, info: Info) =>
  ({ kind: 'weights', value, ...info }) as const;
const ints = (min: number, max: number): IntRange => ({ min, max });

// Dates that switch parts of the population on or off (law.md, timeline).
/** Profiles were set from the 2014 amendment until the day before the 2019 one. */
export const PROFILES_FROM = '2014-05-27';
export const PROFILES_UNTIL = '2019-06-14';
/** PAI began with the 2014 amendment; its first edition (2 months) ended 2014-07-27, the first completed months. */
export const PAI_FROM = '2014-05-27';
export const PAI_HISTORY_FROM = '2014-07-27';
/** Editions under agreements made before 2025-06-01 may still run for their 2 months: the last end 2025-07-31. */
export const PAI_RUNNING_UNTIL = '2025-07-31';
/** Art. 200 reintegration exists from the day URP took effect. */
export const REINTEGRATION_FROM = '2025-06-01';

// About the person
export const REGISTERED_UNEMPLOYED_SHARE = share(0.7, {
  facts: ['registered_unemployed'],
  label: 'registered as unemployed in a PUP',
  why: 'the population is the clientele of PUPs and OPSs that meets these programmes; most are registered, the rest are OPS clients only',
});
export const SOCIAL_ASSISTANCE_SHARE_IF_REGISTERED = share(0.35, {
  facts: ['receives_social_assistance'],
  label: 'receives social assistance, among the registered',
  why: 'about a third of registered unemployed also draw social-assistance benefits',
});
export const SOCIAL_ASSISTANCE_SHARE_IF_NOT_REGISTERED = share(0.85, {
  facts: ['receives_social_assistance'],
  label: 'receives social assistance, among the not registered',
  why: 'a person not registered is in the population because an OPS knows them, so most draw benefits',
});
export const LONG_TERM_SHARE_OF_REGISTERED = share(0.45, {
  facts: ['months_registered_last_24'],
  label: 'registered more than 12 of the last 24 months (długotrwale bezrobotny), among the registered',
  why: 'the long-term unemployed have been close to half of the registered unemployed in Poland for years',
});
export const LONG_TERM_ALL_24_SHARE = share(0.3, {
  facts: ['months_registered_last_24'],
  label: 'registered all 24 months, among the long-term (the others 13–23, uniform)',
  why: 'many long-term unemployed never leave the register in two years',
});
export const SHORT_TERM_MONTHS = weights(
  Array.from({ length: 12 }, (_, i) => [i + 1, 12 - i] as const),
  {
    facts: ['months_registered_last_24'],
    label: 'months registered, among the registered who are not long-term (weight 13 − months)',
    why: 'short spells are the commonest: the chance falls linearly from 1 month to 12',
  },
);
export const PAST_REGISTRATION_SHARE_IF_NOT_REGISTERED = share(0.3, {
  facts: ['months_registered_last_24'],
  label: 'had a past registration (1–12 months, uniform), among the not registered; the others 0',
  why: 'some OPS clients were on the register earlier in the two years',
});
export const ZASILEK_SHARE_OF_REGISTERED = share(0.15, {
  facts: ['zasilek_entitled'],
  label:
    'entitled to zasiłek, among the registered (only those registered at most 12 of the last 24 months; never the not registered)',
  why: 'about one registered unemployed in seven holds the right, which lasts 6 or 12 months, so not the long-term',
});
export const HELP_PROFILE = weights<string>(
  [
    ['II', 0.62],
    ['III', 0.3],
    ['I', 0.08],
  ],
  {
    facts: ['help_profile'],
    label: `profil pomocy, among the registered, only when the date is ${PROFILES_FROM}…${PROFILES_UNTIL} (otherwise none)`,
    why: 'PUPs gave most registered unemployed profile II, about a third III (farthest from work), a few I',
  },
);
export const SOCIAL_CONTRACT_IF_ASSISTED = weights<string>(
  [
    ['none', 0.6],
    ['active', 0.22],
    ['completed', 0.1],
    ['refused', 0.03],
    ['breached', 0.05],
  ],
  {
    facts: ['social_contract'],
    label: 'kontrakt socjalny, among social-assistance recipients (the others: none)',
    why: 'only an OPS client signs a kontrakt socjalny, and most do not have one',
  },
);
export const EXCLUSION_GROUP_COUNT = weights<number>(
  [
    [0, 0.4],
    [1, 0.45],
    [2, 0.15],
  ],
  {
    facts: ['exclusion_groups'],
    label: 'number of UZS art. 1 ust. 2 groups a person belongs to',
    why: 'most clients belong to one group, a minority to two (e.g. homeless and alcohol dependent), many to none',
  },
);
export const EXCLUSION_GROUP_WEIGHTS = weights<string>(
  [
    ['long_term_unemployed', 30],
    ['alcohol_dependent', 18],
    ['disabled', 15],
    ['mental_disorder', 10],
    ['homeless_in_programme', 10],
    ['released_prisoner', 8],
    ['drug_dependent', 6],
    ['refugee_in_programme', 3],
  ],
  {
    facts: ['exclusion_groups'],
    label: 'relative weight of each group, drawn without repeats; long_term_unemployed only for the registered long-term',
    why: 'CIS participants are mostly long-term unemployed, then dependent and disabled persons; refugees in a programme are few',
  },
);
export const CANNOT_MEET_BASIC_NEEDS_IF_GROUP = share(0.7, {
  facts: ['cannot_meet_basic_needs'],
  label: 'cannot meet basic needs, among persons in at least one group',
  why: 'exclusion mostly goes with being unable to meet basic needs by own effort',
});
export const CANNOT_MEET_BASIC_NEEDS_IF_NO_GROUP = share(0.2, {
  facts: ['cannot_meet_basic_needs'],
  label: 'cannot meet basic needs, among persons in no group',
  why: 'hardship also exists outside the listed groups, but less often',
});
export const IN_POVERTY_IF_CANNOT_MEET_NEEDS = share(0.75, {
  facts: ['in_poverty'],
  label: 'in a situation causing poverty, among those who cannot meet basic needs',
  why: 'the two conditions usually go together',
});
export const IN_POVERTY_OTHERWISE = share(0.25, {
  facts: ['in_poverty'],
  label: 'in a situation causing poverty, among the others',
  why: 'poverty without an inability to meet basic needs is less common',
});
export const OTHER_BENEFITS_SHARE = share(0.05, {
  facts: ['other_benefits'],
  label: 'holds an excluding benefit (UZS art. 1 ust. 3), among those without zasiłek',
  why: 'rare: a pension or pre-retirement benefit usually keeps a person away from these programmes',
});
export const OTHER_BENEFITS_TWO_SHARE = share(0.1, {
  facts: ['other_benefits'],
  label: 'holds two excluding benefits, among those holding one',
  why: 'a second entitlement (e.g. incapacity pension and pre-retirement benefit) is rarer still',
});
export const OTHER_BENEFIT_WEIGHTS = weights<string>(
  [
    ['incapacity_pension', 45],
    ['old_age_pension', 15],
    ['pre_retirement_benefit', 15],
    ['pre_retirement_allowance', 12],
    ['structural_pension', 8],
    ['teacher_compensation_benefit', 5],
  ],
  {
    facts: ['other_benefits'],
    label: 'relative weight of each excluding benefit',
    why: 'incapacity pensions are by far the commonest among working-age clients',
  },
);
export const QUALIFYING_YEARS = weights<IntRange>(
  [
    [ints(0, 4), 0.35],
    [ints(5, 19), 0.45],
    [ints(20, 40), 0.2],
  ],
  {
    facts: ['qualifying_years'],
    label: 'qualifying period in whole years, by zasiłek tier (uniform within the tier)',
    why: 'clients have short or broken work histories: a third under 5 years, a fifth 20 or more',
  },
);
export const FIRST_90_DAYS_SHARE = share(0.4, {
  facts: ['benefit_period'],
  label: 'the month paid falls in the first 90 days of the benefit (the others: later)',
  why: 'the right lasts 180 or 365 days, so the first 90 days are roughly a third to a half of it',
});

// PAI and art. 200 reintegration
export const PAI_MONTHS_COMPLETED = weights<number>(
  [
    [0, 0.7],
    [2, 0.18],
    [4, 0.08],
    [6, 0.04],
  ],
  {
    facts: ['pai_months_completed'],
    label: `PAI months completed, among registered social-assistance recipients from ${PAI_HISTORY_FROM} (others: 0)`,
    why: 'most never took part; of those who did, most did one 2-month edition, few reached the 6-month limit',
  },
);
export const IN_PAI_SHARE = share(0.1, {
  facts: ['in_pai'],
  label: `currently in a PAI edition, among registered social-assistance recipients with at most 4 months completed, ${PAI_FROM}…${PAI_RUNNING_UNTIL}`,
  why: 'PAI editions were small next to the number of eligible persons',
});
export const IN_REINTEGRATION_SHARE = share(0.1, {
  facts: ['in_reintegration'],
  label: `currently in art. 200 reintegration, among the registered long-term not in PAI, from ${REINTEGRATION_FROM}`,
  why: 'a new instrument with few places so far',
});
export const REQUESTED_FORM = weights<string>(
  [
    ['training', 0.3],
    ['internship', 0.2],
    ['travel_costs', 0.15],
    ['public_works', 0.1],
    ['psu', 0.1],
    ['other', 0.1],
    ['grant', 0.05],
  ],
  {
    facts: ['requested_form'],
    label: 'the other form of help asked for',
    why: 'training and internships are the commonest PUP instruments; grants are rare for this group',
  },
);
export const REQUESTED_MONTHS = weights<number>(
  [
    [1, 0.05],
    [2, 0.05],
    [3, 0.2],
    [4, 0.05],
    [6, 0.4],
    [9, 0.05],
    [12, 0.2],
  ],
  {
    facts: ['requested_months'],
    label: 'months asked for (reintegration, CIS extension)',
    why: 'offices ask in quarters and half-years; 6 and 12 are the statutory maxima that requests cluster on',
  },
);
export const INTEGRATION_HOURS_PER_WEEK = weights<number>(
  [
    [8, 0.05],
    [10, 0.6],
    [12, 0.15],
    [15, 0.12],
    [20, 0.08],
  ],
  {
    facts: ['integration_hours_per_week'],
    label: 'planned integration hours a week in a PAI edition',
    why: 'most plans keep to the statutory minimum of 10; a few fall short',
  },
);
export const PSU_HOURS_PER_WEEK = weights<number>(
  [
    [5, 0.1],
    [8, 0.2],
    [10, 0.65],
    [12, 0.05],
  ],
  {
    facts: ['psu_hours_per_week'],
    label: 'planned PSU hours a week in a PAI edition',
    why: 'most plans use the full 10 hours allowed; a few exceed it',
  },
);
export const LABOUR_COUNCIL_OPINION_SHARE = share(0.95, {
  facts: ['labour_council_opinion'],
  label: 'the labour-market council has given its opinion',
  why: 'the opinion is routine; a plan without it is the exception',
});

// PSU
export const PSU_NO_HOURS_SHARE = share(0.05, {
  facts: ['psu_hours_worked'],
  label: 'worked no PSU hours in the month',
  why: 'a whole month lost to sickness or absence happens, but rarely',
});
export const PSU_FULL_MONTH_SHARE = share(0.7, {
  facts: ['psu_hours_worked'],
  label: 'worked a near-full PSU month of 30–40 hours (uniform), among those who worked',
  why: '10 hours a week is about 40 hours a month; most work nearly all of them',
});
export const PSU_PART_MONTH_HOURS = range(1, 29, {
  facts: ['psu_hours_worked'],
  label: 'PSU hours worked (uniform) by the others who worked',
  why: 'a part month: late start, sickness or absence',
});
export const PSU_ACTIVE_THIS_YEAR_SHARE = share(0.7, {
  facts: ['psu_days_this_year'],
  label: 'did PSU earlier this year: days uniform from 0 to the working days (5 in 7) since 1 January; the others 0',
  why: 'PSU runs through the year; a heavy user can pass the 180-day limit late in the year',
});
export const PSU_SUPPORTS_CARERS_SHARE = share(0.1, {
  facts: ['psu_supports_carers'],
  label: 'the PSU helps carers of disabled persons',
  why: 'a niche of PSU that raises the Labour Fund refund',
});

// CIS, KIS and supported employment
export const CIS_TRIAL_SHARE = share(1 / 12, {
  facts: ['cis_period'],
  label: 'the month paid is the trial month (the others: participation)',
  why: 'one trial month in a typical 12-month stay',
});
export const PART_MONTH_SHARE = share(0.08, {
  facts: ['days_in_programme'],
  label:
    'took part for only part of the month: days uniform from 1 to the days of the month of the date less one, at most 30; the others: absent (whole month)',
  why: 'persons joining or leaving within the month',
});
export const UNEXCUSED_ABSENCE_DAYS = weights<IntRange>(
  [
    [ints(0, 0), 0.85],
    [ints(1, 3), 0.12],
    [ints(4, 10), 0.03],
  ],
  {
    facts: ['unexcused_absence_days'],
    label: 'unexcused absence days in the month (uniform within each band); capped by the days taken part',
    why: 'most attend; some miss a day or three; more than 3 (no benefit) is rare',
  },
);
export const SICK_SHARE = share(0.22, {
  facts: ['sick_days'],
  label: 'has certified sick days in the month',
  why: 'CIS participants are often in poor health',
});
export const SICK_DAYS_MAX = num(25, {
  facts: ['sick_days'],
  label: 'most sick days in a month',
  why: 'about the working days of a month',
});
export const SICK_DAYS_TAIL_EXPONENT = num(1.1, {
  facts: ['sick_days'],
  label: 'sick days, when any, have weight days^(−exponent) from 1 to the maximum; capped by the days taken part less absences',
  why: 'mostly a few days, with a heavy tail of whole-month sickness beyond the 14- and 21-day limits',
});
export const PREMIA_REQUESTED_PERCENT = weights<number>(
  [
    [10, 0.15],
    [20, 0.3],
    [30, 0.15],
    [50, 0.25],
    [75, 0.05],
    [100, 0.08],
    [120, 0.02],
  ],
  {
    facts: ['premia_requested_percent'],
    label: 'premia asked for, % of the benefit',
    why: 'proposals cluster on the caps of each era (20, 50, 100 %); a few exceed the cap',
  },
);
export const PROGRAMME = weights<string>(
  [
    ['cis', 0.65],
    ['kis', 0.35],
  ],
  {
    facts: ['programme'],
    label: 'programme taken part in',
    why: 'CIS places outnumber KIS places in the persons these questions are asked about',
  },
);
export const CIS_EXTENDED_SHARE = share(0.15, {
  facts: ['programme_months'],
  label: 'CIS participation extended: 12–23 months (uniform); others 1–11 (uniform); 0 in the trial month. KIS: 1–12 (uniform)',
  why: 'a minority of CIS stays are extended past the 11 months after the trial',
});
export const COMPLETED_IF_SIX_MONTHS_SHARE = share(0.5, {
  facts: ['programme_completed'],
  label: 'participation ended as planned, among those with at least 6 months',
  why: 'about half of longer stays end as planned; the rest are still running or broken off',
});
export const COMPLETED_IF_SHORTER_SHARE = share(0.05, {
  facts: ['programme_completed'],
  label: 'participation ended as planned, among those with fewer than 6 months',
  why: 'a short individual programme is rare',
});
export const CERTIFICATE_IF_COMPLETED_SHARE = share(0.9, {
  facts: ['has_certificate'],
  label: 'holds the completion certificate, among those who completed (never the others)',
  why: 'the certificate is issued at completion; a few have not collected it',
});
export const PROGRAMME_ENDED_DAYS_AGO = range(1, 365, {
  facts: ['programme_end_date'],
  label: 'the classes ended this many days before the date (uniform)',
  why: 'about half within the 6 months of graduate status, half after',
});
export const EMPLOYMENT_STARTED_DAYS_AGO = range(1, 450, {
  facts: ['employment_start_date', 'employment_month'],
  label:
    'supported employment began this many days before the date (uniform); employment_month is the month of it that contains the date',
  why: 'months 1 to about 15, across every refund band and beyond its end',
});

// Social cooperatives
export const FOUNDER_MIX = weights<string>(
  [
    ['natural', 0.75],
    ['legal', 0.15],
    ['mixed', 0.1],
  ],
  {
    facts: ['founders'],
    label: 'founded by natural persons only, legal persons only, or both',
    why: 'most social cooperatives are founded by natural persons; NGO or gmina founders are a minority',
  },
);
export const NATURAL_FOUNDER_COUNT = weights<number>(
  [
    [2, 0.05],
    [3, 0.35],
    [4, 0.2],
    [5, 0.25],
    [6, 0.15],
  ],
  {
    facts: ['founders'],
    label: 'number of founders, when natural persons only',
    why: 'the statutory minimum of 3 is commonest; 2 (too few) appears so that refusals are tried',
  },
);
export const LEGAL_FOUNDER_COUNT = weights<number>(
  [
    [2, 0.7],
    [3, 0.2],
    [4, 0.1],
  ],
  {
    facts: ['founders'],
    label: 'number of founders, when legal persons only',
    why: 'two legal persons, the minimum, is the usual founding',
  },
);
export const MIXED_FOUNDERS = range(1, 4, {
  facts: ['founders'],
  label: 'natural founders beside 1–2 legal ones (uniform), when mixed',
  why: 'mixed foundings are small',
});
export const FOUNDER_AT_RISK_SHARE = share(0.8, {
  facts: ['founders'],
  label: 'a natural founder is a person at risk (USS art. 4 ust. 1); a legal founder never is',
  why: 'founders are in principle at-risk persons; others are a minority, sometimes too many',
});
export const COOP_ACTIVITY = weights<string>(
  [
    ['general', 0.6],
    ['social_assistance', 0.1],
    ['disability_rehabilitation', 0.08],
    ['family_support', 0.08],
    ['childcare_under_3', 0.07],
    ['preschool', 0.07],
  ],
  {
    facts: ['coop_activity'],
    label: 'line of activity',
    why: 'most cooperatives run ordinary businesses (catering, cleaning, building); care services are the rest',
  },
);

/** Every assumption, in the order the text states them, by section. */
export const ASSUMPTIONS: readonly { section: string; items: readonly Assumption[] }[] = [
  {
    section: 'About the person',
    items: [
      REGISTERED_UNEMPLOYED_SHARE,
      SOCIAL_ASSISTANCE_SHARE_IF_REGISTERED,
      SOCIAL_ASSISTANCE_SHARE_IF_NOT_REGISTERED,
      LONG_TERM_SHARE_OF_REGISTERED,
      LONG_TERM_ALL_24_SHARE,
      SHORT_TERM_MONTHS,
      PAST_REGISTRATION_SHARE_IF_NOT_REGISTERED,
      ZASILEK_SHARE_OF_REGISTERED,
      HELP_PROFILE,
      SOCIAL_CONTRACT_IF_ASSISTED,
      EXCLUSION_GROUP_COUNT,
      EXCLUSION_GROUP_WEIGHTS,
      CANNOT_MEET_BASIC_NEEDS_IF_GROUP,
      CANNOT_MEET_BASIC_NEEDS_IF_NO_GROUP,
      IN_POVERTY_IF_CANNOT_MEET_NEEDS,
      IN_POVERTY_OTHERWISE,
      OTHER_BENEFITS_SHARE,
      OTHER_BENEFITS_TWO_SHARE,
      OTHER_BENEFIT_WEIGHTS,
      QUALIFYING_YEARS,
      FIRST_90_DAYS_SHARE,
    ],
  },
  {
    section: 'PAI and art. 200 reintegration',
    items: [
      PAI_MONTHS_COMPLETED,
      IN_PAI_SHARE,
      IN_REINTEGRATION_SHARE,
      REQUESTED_FORM,
      REQUESTED_MONTHS,
      INTEGRATION_HOURS_PER_WEEK,
      PSU_HOURS_PER_WEEK,
      LABOUR_COUNCIL_OPINION_SHARE,
    ],
  },
  {
    section: 'PSU',
    items: [
      PSU_NO_HOURS_SHARE,
      PSU_FULL_MONTH_SHARE,
      PSU_PART_MONTH_HOURS,
      PSU_ACTIVE_THIS_YEAR_SHARE,
      PSU_SUPPORTS_CARERS_SHARE,
    ],
  },
  {
    section: 'CIS, KIS and supported employment',
    items: [
      CIS_TRIAL_SHARE,
      PART_MONTH_SHARE,
      UNEXCUSED_ABSENCE_DAYS,
      SICK_SHARE,
      SICK_DAYS_MAX,
      SICK_DAYS_TAIL_EXPONENT,
      PREMIA_REQUESTED_PERCENT,
      PROGRAMME,
      CIS_EXTENDED_SHARE,
      COMPLETED_IF_SIX_MONTHS_SHARE,
      COMPLETED_IF_SHORTER_SHARE,
      CERTIFICATE_IF_COMPLETED_SHARE,
      PROGRAMME_ENDED_DAYS_AGO,
      EMPLOYMENT_STARTED_DAYS_AGO,
    ],
  },
  {
    section: 'Social cooperatives',
    items: [FOUNDER_MIX, NATURAL_FOUNDER_COUNT, LEGAL_FOUNDER_COUNT, MIXED_FOUNDERS, FOUNDER_AT_RISK_SHARE, COOP_ACTIVITY],
  },
];
