import type { LocalText } from '../../schema/common.ts';
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
      readonly label: LocalText;
      readonly why: LocalText;
    }
  | {
      readonly kind: 'number';
      readonly value: number;
      readonly facts: readonly string[];
      readonly label: LocalText;
      readonly why: LocalText;
    }
  | {
      readonly kind: 'range';
      readonly value: IntRange;
      readonly facts: readonly string[];
      readonly label: LocalText;
      readonly why: LocalText;
    }
  | {
      readonly kind: 'weights';
      readonly value: Weighted<string | number | IntRange>;
      readonly facts: readonly string[];
      readonly label: LocalText;
      readonly why: LocalText;
    };

type Info = { facts: readonly string[]; label: LocalText; why: LocalText };
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
  label: { pl: 'zarejestrowany jako bezrobotny w PUP', en: 'registered as unemployed in a PUP' },
  why: {
    pl: 'populacja to klienci PUP i OPS, których dotyczą te programy; większość jest zarejestrowana, reszta to tylko klienci OPS',
    en: 'the population is the clientele of PUPs and OPSs that meets these programmes; most are registered, the rest are OPS clients only',
  },
});
export const SOCIAL_ASSISTANCE_SHARE_IF_REGISTERED = share(0.35, {
  facts: ['receives_social_assistance'],
  label: { pl: 'korzysta z pomocy społecznej, wśród zarejestrowanych', en: 'receives social assistance, among the registered' },
  why: {
    pl: 'około jednej trzeciej zarejestrowanych bezrobotnych korzysta też ze świadczeń pomocy społecznej',
    en: 'about a third of registered unemployed also draw social-assistance benefits',
  },
});
export const SOCIAL_ASSISTANCE_SHARE_IF_NOT_REGISTERED = share(0.85, {
  facts: ['receives_social_assistance'],
  label: {
    pl: 'korzysta z pomocy społecznej, wśród niezarejestrowanych',
    en: 'receives social assistance, among the not registered',
  },
  why: {
    pl: 'osoba niezarejestrowana jest w populacji, bo zna ją OPS, więc większość pobiera świadczenia',
    en: 'a person not registered is in the population because an OPS knows them, so most draw benefits',
  },
});
export const LONG_TERM_SHARE_OF_REGISTERED = share(0.45, {
  facts: ['months_registered_last_24'],
  label: {
    pl: 'w rejestrze ponad 12 z ostatnich 24 miesięcy (długotrwale bezrobotny), wśród zarejestrowanych',
    en: 'registered more than 12 of the last 24 months (długotrwale bezrobotny), among the registered',
  },
  why: {
    pl: 'długotrwale bezrobotni od lat stanowią blisko połowę zarejestrowanych bezrobotnych w Polsce',
    en: 'the long-term unemployed have been close to half of the registered unemployed in Poland for years',
  },
});
export const LONG_TERM_ALL_24_SHARE = share(0.3, {
  facts: ['months_registered_last_24'],
  label: {
    pl: 'w rejestrze wszystkie 24 miesiące, wśród długotrwale bezrobotnych (pozostali 13–23, równomiernie)',
    en: 'registered all 24 months, among the long-term (the others 13–23, uniform)',
  },
  why: {
    pl: 'wielu długotrwale bezrobotnych przez dwa lata ani razu nie wychodzi z rejestru',
    en: 'many long-term unemployed never leave the register in two years',
  },
});
export const SHORT_TERM_MONTHS = weights(
  Array.from({ length: 12 }, (_, i) => [i + 1, 12 - i] as const),
  {
    facts: ['months_registered_last_24'],
    label: {
      pl: 'miesiące w rejestrze, wśród zarejestrowanych, którzy nie są długotrwale bezrobotni (waga 13 − miesiące)',
      en: 'months registered, among the registered who are not long-term (weight 13 − months)',
    },
    why: {
      pl: 'krótkie okresy są najczęstsze: szansa maleje liniowo od 1 do 12 miesięcy',
      en: 'short spells are the commonest: the chance falls linearly from 1 month to 12',
    },
  },
);
export const PAST_REGISTRATION_SHARE_IF_NOT_REGISTERED = share(0.3, {
  facts: ['months_registered_last_24'],
  label: {
    pl: 'był wcześniej w rejestrze (1–12 miesięcy, równomiernie), wśród niezarejestrowanych; pozostali 0',
    en: 'had a past registration (1–12 months, uniform), among the not registered; the others 0',
  },
  why: {
    pl: 'niektórzy klienci OPS byli w rejestrze wcześniej w ciągu tych dwóch lat',
    en: 'some OPS clients were on the register earlier in the two years',
  },
});
export const ZASILEK_SHARE_OF_REGISTERED = share(0.15, {
  facts: ['zasilek_entitled'],
  label: {
    pl: 'prawo do zasiłku, wśród zarejestrowanych (tylko w rejestrze najwyżej 12 z ostatnich 24 miesięcy; nigdy niezarejestrowani)',
    en: 'entitled to zasiłek, among the registered (only those registered at most 12 of the last 24 months; never the not registered)',
  },
  why: {
    pl: 'prawo ma około jeden na siedmiu zarejestrowanych bezrobotnych; trwa ono 6 albo 12 miesięcy, więc nie mają go długotrwale bezrobotni',
    en: 'about one registered unemployed in seven holds the right, which lasts 6 or 12 months, so not the long-term',
  },
});
export const HELP_PROFILE = weights<string>(
  [
    ['II', 0.62],
    ['III', 0.3],
    ['I', 0.08],
  ],
  {
    facts: ['help_profile'],
    label: {
      pl: `profil pomocy, wśród zarejestrowanych, tylko gdy dzień przypada ${PROFILES_FROM}…${PROFILES_UNTIL} (poza tym bez profilu)`,
      en: `profil pomocy, among the registered, only when the date is ${PROFILES_FROM}…${PROFILES_UNTIL} (otherwise none)`,
    },
    why: {
      pl: 'PUP ustalały większości zarejestrowanych profil II, około jednej trzeciej profil III (najdalej od pracy), nielicznym profil I',
      en: 'PUPs gave most registered unemployed profile II, about a third III (farthest from work), a few I',
    },
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
    label: {
      pl: 'kontrakt socjalny, wśród korzystających z pomocy społecznej (pozostali: bez kontraktu)',
      en: 'kontrakt socjalny, among social-assistance recipients (the others: none)',
    },
    why: {
      pl: 'kontrakt socjalny podpisuje tylko klient OPS, a większość go nie ma',
      en: 'only an OPS client signs a kontrakt socjalny, and most do not have one',
    },
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
    label: {
      pl: 'liczba grup z art. 1 ust. 2 UZS, do których osoba należy',
      en: 'number of UZS art. 1 ust. 2 groups a person belongs to',
    },
    why: {
      pl: 'większość klientów należy do jednej grupy, mniejszość do dwóch (np. osoba bezdomna i uzależniona od alkoholu), wielu do żadnej',
      en: 'most clients belong to one group, a minority to two (e.g. homeless and alcohol dependent), many to none',
    },
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
    label: {
      pl: 'względna waga każdej grupy, losowanej bez powtórzeń; osoba długotrwale bezrobotna tylko wśród zarejestrowanych długotrwale',
      en: 'relative weight of each group, drawn without repeats; long_term_unemployed only for the registered long-term',
    },
    why: {
      pl: 'uczestnicy CIS to głównie długotrwale bezrobotni, potem osoby uzależnione i niepełnosprawne; uchodźców w programie jest niewielu',
      en: 'CIS participants are mostly long-term unemployed, then dependent and disabled persons; refugees in a programme are few',
    },
  },
);
export const CANNOT_MEET_BASIC_NEEDS_IF_GROUP = share(0.7, {
  facts: ['cannot_meet_basic_needs'],
  label: {
    pl: 'nie może zaspokoić podstawowych potrzeb, wśród osób z co najmniej jednej grupy',
    en: 'cannot meet basic needs, among persons in at least one group',
  },
  why: {
    pl: 'wykluczenie zwykle idzie w parze z niemożnością zaspokojenia podstawowych potrzeb własnym staraniem',
    en: 'exclusion mostly goes with being unable to meet basic needs by own effort',
  },
});
export const CANNOT_MEET_BASIC_NEEDS_IF_NO_GROUP = share(0.2, {
  facts: ['cannot_meet_basic_needs'],
  label: {
    pl: 'nie może zaspokoić podstawowych potrzeb, wśród osób spoza grup',
    en: 'cannot meet basic needs, among persons in no group',
  },
  why: {
    pl: 'trudna sytuacja zdarza się też poza wymienionymi grupami, ale rzadziej',
    en: 'hardship also exists outside the listed groups, but less often',
  },
});
export const IN_POVERTY_IF_CANNOT_MEET_NEEDS = share(0.75, {
  facts: ['in_poverty'],
  label: {
    pl: 'w sytuacji powodującej ubóstwo, wśród niemogących zaspokoić podstawowych potrzeb',
    en: 'in a situation causing poverty, among those who cannot meet basic needs',
  },
  why: { pl: 'oba warunki zwykle występują razem', en: 'the two conditions usually go together' },
});
export const IN_POVERTY_OTHERWISE = share(0.25, {
  facts: ['in_poverty'],
  label: { pl: 'w sytuacji powodującej ubóstwo, wśród pozostałych', en: 'in a situation causing poverty, among the others' },
  why: {
    pl: 'ubóstwo bez niemożności zaspokojenia podstawowych potrzeb zdarza się rzadziej',
    en: 'poverty without an inability to meet basic needs is less common',
  },
});
export const OTHER_BENEFITS_SHARE = share(0.05, {
  facts: ['other_benefits'],
  label: {
    pl: 'ma prawo do świadczenia wyłączającego (art. 1 ust. 3 UZS), wśród osób bez zasiłku',
    en: 'holds an excluding benefit (UZS art. 1 ust. 3), among those without zasiłek',
  },
  why: {
    pl: 'rzadko: renta albo świadczenie przedemerytalne zwykle trzyma osobę z dala od tych programów',
    en: 'rare: a pension or pre-retirement benefit usually keeps a person away from these programmes',
  },
});
export const OTHER_BENEFITS_TWO_SHARE = share(0.1, {
  facts: ['other_benefits'],
  label: {
    pl: 'ma prawo do dwóch świadczeń wyłączających, wśród mających jedno',
    en: 'holds two excluding benefits, among those holding one',
  },
  why: {
    pl: 'drugie uprawnienie (np. renta z tytułu niezdolności do pracy i świadczenie przedemerytalne) zdarza się jeszcze rzadziej',
    en: 'a second entitlement (e.g. incapacity pension and pre-retirement benefit) is rarer still',
  },
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
    label: { pl: 'względna waga każdego świadczenia wyłączającego', en: 'relative weight of each excluding benefit' },
    why: {
      pl: 'wśród klientów w wieku produkcyjnym zdecydowanie najczęstsza jest renta z tytułu niezdolności do pracy',
      en: 'incapacity pensions are by far the commonest among working-age clients',
    },
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
    label: {
      pl: 'okres uprawniający w pełnych latach, według progów zasiłku (równomiernie w progu)',
      en: 'qualifying period in whole years, by zasiłek tier (uniform within the tier)',
    },
    why: {
      pl: 'klienci mają krótkie albo przerywane okresy pracy: jedna trzecia poniżej 5 lat, jedna piąta 20 lat i więcej',
      en: 'clients have short or broken work histories: a third under 5 years, a fifth 20 or more',
    },
  },
);
export const FIRST_90_DAYS_SHARE = share(0.4, {
  facts: ['benefit_period'],
  label: {
    pl: 'opłacany miesiąc przypada w pierwszych 90 dniach zasiłku (pozostali: później)',
    en: 'the month paid falls in the first 90 days of the benefit (the others: later)',
  },
  why: {
    pl: 'prawo trwa 180 albo 365 dni, więc pierwsze 90 dni to mniej więcej od jednej trzeciej do połowy tego okresu',
    en: 'the right lasts 180 or 365 days, so the first 90 days are roughly a third to a half of it',
  },
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
    label: {
      pl: `ukończone miesiące PAI, wśród zarejestrowanych korzystających z pomocy społecznej od ${PAI_HISTORY_FROM} (pozostali: 0)`,
      en: `PAI months completed, among registered social-assistance recipients from ${PAI_HISTORY_FROM} (others: 0)`,
    },
    why: {
      pl: 'większość nigdy nie uczestniczyła; z uczestników większość odbyła jedną dwumiesięczną edycję, nieliczni doszli do limitu 6 miesięcy',
      en: 'most never took part; of those who did, most did one 2-month edition, few reached the 6-month limit',
    },
  },
);
export const IN_PAI_SHARE = share(0.1, {
  facts: ['in_pai'],
  label: {
    pl: `uczestniczy teraz w edycji PAI, wśród zarejestrowanych korzystających z pomocy społecznej z najwyżej 4 ukończonymi miesiącami, ${PAI_FROM}…${PAI_RUNNING_UNTIL}`,
    en: `currently in a PAI edition, among registered social-assistance recipients with at most 4 months completed, ${PAI_FROM}…${PAI_RUNNING_UNTIL}`,
  },
  why: {
    pl: 'edycje PAI były małe w porównaniu z liczbą osób spełniających warunki',
    en: 'PAI editions were small next to the number of eligible persons',
  },
});
export const IN_REINTEGRATION_SHARE = share(0.1, {
  facts: ['in_reintegration'],
  label: {
    pl: `uczestniczy teraz w reintegracji z art. 200 URP, wśród zarejestrowanych długotrwale bezrobotnych spoza PAI, od ${REINTEGRATION_FROM}`,
    en: `currently in art. 200 reintegration, among the registered long-term not in PAI, from ${REINTEGRATION_FROM}`,
  },
  why: { pl: 'nowy instrument, na razie z niewieloma miejscami', en: 'a new instrument with few places so far' },
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
    label: { pl: 'wnioskowana inna forma pomocy', en: 'the other form of help asked for' },
    why: {
      pl: 'szkolenia i staże to najczęstsze instrumenty PUP; granty są w tej grupie rzadkie',
      en: 'training and internships are the commonest PUP instruments; grants are rare for this group',
    },
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
    label: {
      pl: 'wnioskowane miesiące (reintegracja, przedłużenie uczestnictwa w CIS)',
      en: 'months asked for (reintegration, CIS extension)',
    },
    why: {
      pl: 'urzędy wnioskują o kwartały i półrocza; 6 i 12 to ustawowe maksima, wokół których skupiają się wnioski',
      en: 'offices ask in quarters and half-years; 6 and 12 are the statutory maxima that requests cluster on',
    },
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
    label: {
      pl: 'planowane godziny integracji tygodniowo w edycji PAI',
      en: 'planned integration hours a week in a PAI edition',
    },
    why: {
      pl: 'większość planów trzyma się ustawowego minimum 10 godzin; nieliczne go nie osiągają',
      en: 'most plans keep to the statutory minimum of 10; a few fall short',
    },
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
    label: {
      pl: 'planowane godziny prac społecznie użytecznych tygodniowo w edycji PAI',
      en: 'planned PSU hours a week in a PAI edition',
    },
    why: {
      pl: 'większość planów wykorzystuje całe dopuszczalne 10 godzin; nieliczne je przekraczają',
      en: 'most plans use the full 10 hours allowed; a few exceed it',
    },
  },
);
export const LABOUR_COUNCIL_OPINION_SHARE = share(0.95, {
  facts: ['labour_council_opinion'],
  label: { pl: 'powiatowa rada rynku pracy wydała opinię', en: 'the labour-market council has given its opinion' },
  why: { pl: 'opinia jest rutynowa; plan bez niej to wyjątek', en: 'the opinion is routine; a plan without it is the exception' },
});

// PSU
export const PSU_NO_HOURS_SHARE = share(0.05, {
  facts: ['psu_hours_worked'],
  label: { pl: 'nie przepracował w miesiącu żadnej godziny prac społecznie użytecznych', en: 'worked no PSU hours in the month' },
  why: {
    pl: 'cały miesiąc stracony przez chorobę albo nieobecność zdarza się, ale rzadko',
    en: 'a whole month lost to sickness or absence happens, but rarely',
  },
});
export const PSU_FULL_MONTH_SHARE = share(0.7, {
  facts: ['psu_hours_worked'],
  label: {
    pl: 'przepracował prawie pełny miesiąc, 30–40 godzin (równomiernie), wśród pracujących',
    en: 'worked a near-full PSU month of 30–40 hours (uniform), among those who worked',
  },
  why: {
    pl: '10 godzin tygodniowo to około 40 godzin miesięcznie; większość przepracowuje prawie wszystkie',
    en: '10 hours a week is about 40 hours a month; most work nearly all of them',
  },
});
export const PSU_PART_MONTH_HOURS = range(1, 29, {
  facts: ['psu_hours_worked'],
  label: {
    pl: 'przepracowane godziny (równomiernie) pozostałych pracujących',
    en: 'PSU hours worked (uniform) by the others who worked',
  },
  why: {
    pl: 'część miesiąca: późniejszy początek, choroba albo nieobecność',
    en: 'a part month: late start, sickness or absence',
  },
});
export const PSU_ACTIVE_THIS_YEAR_SHARE = share(0.7, {
  facts: ['psu_days_this_year'],
  label: {
    pl: 'wykonywał prace wcześniej w tym roku: dni równomiernie od 0 do liczby dni roboczych (5 na 7) od 1 stycznia; pozostali 0',
    en: 'did PSU earlier this year: days uniform from 0 to the working days (5 in 7) since 1 January; the others 0',
  },
  why: {
    pl: 'prace trwają cały rok; osoba często z nich korzystająca może pod koniec roku przekroczyć limit 180 dni',
    en: 'PSU runs through the year; a heavy user can pass the 180-day limit late in the year',
  },
});
export const PSU_SUPPORTS_CARERS_SHARE = share(0.1, {
  facts: ['psu_supports_carers'],
  label: { pl: 'prace wspierają opiekunów osób niepełnosprawnych', en: 'the PSU helps carers of disabled persons' },
  why: {
    pl: 'nisza prac społecznie użytecznych, która podnosi zwrot z Funduszu Pracy',
    en: 'a niche of PSU that raises the Labour Fund refund',
  },
});

// CIS, KIS and supported employment
export const CIS_TRIAL_SHARE = share(1 / 12, {
  facts: ['cis_period'],
  label: {
    pl: 'opłacany miesiąc to okres próbny (pozostali: okres uczestnictwa)',
    en: 'the month paid is the trial month (the others: participation)',
  },
  why: { pl: 'jeden miesiąc próbny w typowym dwunastomiesięcznym pobycie', en: 'one trial month in a typical 12-month stay' },
});
export const PART_MONTH_SHARE = share(0.08, {
  facts: ['days_in_programme'],
  label: {
    pl: 'uczestniczył tylko przez część miesiąca: dni równomiernie od 1 do liczby dni miesiąca minus jeden, najwyżej 30; pozostali: nie podano (cały miesiąc)',
    en: 'took part for only part of the month: days uniform from 1 to the days of the month of the date less one, at most 30; the others: absent (whole month)',
  },
  why: { pl: 'osoby przychodzące albo odchodzące w trakcie miesiąca', en: 'persons joining or leaving within the month' },
});
export const UNEXCUSED_ABSENCE_DAYS = weights<IntRange>(
  [
    [ints(0, 0), 0.85],
    [ints(1, 3), 0.12],
    [ints(4, 10), 0.03],
  ],
  {
    facts: ['unexcused_absence_days'],
    label: {
      pl: 'dni nieusprawiedliwionej nieobecności w miesiącu (równomiernie w przedziale); nie więcej niż dni uczestnictwa',
      en: 'unexcused absence days in the month (uniform within each band); capped by the days taken part',
    },
    why: {
      pl: 'większość przychodzi; niektórzy opuszczają od jednego do trzech dni; ponad 3 (bez świadczenia) zdarza się rzadko',
      en: 'most attend; some miss a day or three; more than 3 (no benefit) is rare',
    },
  },
);
export const SICK_SHARE = share(0.22, {
  facts: ['sick_days'],
  label: { pl: 'ma w miesiącu dni niezdolności do pracy potwierdzone przez lekarza', en: 'has certified sick days in the month' },
  why: { pl: 'uczestnicy CIS często są w złym stanie zdrowia', en: 'CIS participants are often in poor health' },
});
export const SICK_DAYS_MAX = num(25, {
  facts: ['sick_days'],
  label: { pl: 'najwięcej dni choroby w miesiącu', en: 'most sick days in a month' },
  why: { pl: 'mniej więcej liczba dni roboczych miesiąca', en: 'about the working days of a month' },
});
export const SICK_DAYS_TAIL_EXPONENT = num(1.1, {
  facts: ['sick_days'],
  label: {
    pl: 'dni choroby, jeśli są, mają wagę dni^(−wykładnik) od 1 do maksimum; nie więcej niż dni uczestnictwa bez nieobecności',
    en: 'sick days, when any, have weight days^(−exponent) from 1 to the maximum; capped by the days taken part less absences',
  },
  why: {
    pl: 'najczęściej kilka dni, z długim ogonem choroby przez cały miesiąc, ponad limity 14 i 21 dni',
    en: 'mostly a few days, with a heavy tail of whole-month sickness beyond the 14- and 21-day limits',
  },
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
    label: { pl: 'wnioskowana premia, % świadczenia', en: 'premia asked for, % of the benefit' },
    why: {
      pl: 'wnioski skupiają się na limitach z różnych okresów (20, 50, 100%); nieliczne przekraczają limit',
      en: 'proposals cluster on the caps of each era (20, 50, 100 %); a few exceed the cap',
    },
  },
);
export const PROGRAMME = weights<string>(
  [
    ['cis', 0.65],
    ['kis', 0.35],
  ],
  {
    facts: ['programme'],
    label: { pl: 'program, w którym osoba uczestniczy', en: 'programme taken part in' },
    why: {
      pl: 'wśród osób, o które pyta się w tych sprawach, miejsc w CIS jest więcej niż w KIS',
      en: 'CIS places outnumber KIS places in the persons these questions are asked about',
    },
  },
);
export const CIS_EXTENDED_SHARE = share(0.15, {
  facts: ['programme_months'],
  label: {
    pl: 'uczestnictwo w CIS przedłużone: 12–23 miesiące (równomiernie); pozostali 1–11 (równomiernie); 0 w okresie próbnym. KIS: 1–12 (równomiernie)',
    en: 'CIS participation extended: 12–23 months (uniform); others 1–11 (uniform); 0 in the trial month. KIS: 1–12 (uniform)',
  },
  why: {
    pl: 'mniejszość pobytów w CIS przedłuża się ponad 11 miesięcy po okresie próbnym',
    en: 'a minority of CIS stays are extended past the 11 months after the trial',
  },
});
export const COMPLETED_IF_SIX_MONTHS_SHARE = share(0.5, {
  facts: ['programme_completed'],
  label: {
    pl: 'uczestnictwo zakończone zgodnie z planem, wśród mających co najmniej 6 miesięcy',
    en: 'participation ended as planned, among those with at least 6 months',
  },
  why: {
    pl: 'około połowy dłuższych pobytów kończy się zgodnie z planem; reszta trwa albo została przerwana',
    en: 'about half of longer stays end as planned; the rest are still running or broken off',
  },
});
export const COMPLETED_IF_SHORTER_SHARE = share(0.05, {
  facts: ['programme_completed'],
  label: {
    pl: 'uczestnictwo zakończone zgodnie z planem, wśród mających mniej niż 6 miesięcy',
    en: 'participation ended as planned, among those with fewer than 6 months',
  },
  why: { pl: 'krótki indywidualny program jest rzadki', en: 'a short individual programme is rare' },
});
export const CERTIFICATE_IF_COMPLETED_SHARE = share(0.9, {
  facts: ['has_certificate'],
  label: {
    pl: 'ma zaświadczenie o ukończeniu, wśród tych, którzy ukończyli (nigdy pozostali)',
    en: 'holds the completion certificate, among those who completed (never the others)',
  },
  why: {
    pl: 'zaświadczenie wydaje się po ukończeniu; nieliczni go nie odebrali',
    en: 'the certificate is issued at completion; a few have not collected it',
  },
});
export const PROGRAMME_ENDED_DAYS_AGO = range(1, 365, {
  facts: ['programme_end_date'],
  label: {
    pl: 'zajęcia skończyły się tyle dni przed dniem oceny (równomiernie)',
    en: 'the classes ended this many days before the date (uniform)',
  },
  why: {
    pl: 'około połowa w ciągu 6 miesięcy statusu absolwenta, połowa później',
    en: 'about half within the 6 months of graduate status, half after',
  },
});
export const EMPLOYMENT_STARTED_DAYS_AGO = range(1, 450, {
  facts: ['employment_start_date', 'employment_month'],
  label: {
    pl: 'zatrudnienie wspierane zaczęło się tyle dni przed dniem oceny (równomiernie); miesiąc zatrudnienia to ten, w który wypada dzień oceny',
    en: 'supported employment began this many days before the date (uniform); employment_month is the month of it that contains the date',
  },
  why: {
    pl: 'miesiące od 1 do około 15, przez wszystkie progi refundacji i po ich końcu',
    en: 'months 1 to about 15, across every refund band and beyond its end',
  },
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
    label: {
      pl: 'założona tylko przez osoby fizyczne, tylko przez osoby prawne albo przez jedne i drugie',
      en: 'founded by natural persons only, legal persons only, or both',
    },
    why: {
      pl: 'większość spółdzielni socjalnych zakładają osoby fizyczne; organizacje pozarządowe i gminy są w mniejszości',
      en: 'most social cooperatives are founded by natural persons; NGO or gmina founders are a minority',
    },
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
    label: { pl: 'liczba założycieli, gdy są tylko osoby fizyczne', en: 'number of founders, when natural persons only' },
    why: {
      pl: 'najczęstsze jest ustawowe minimum trojga; dwoje (za mało) pojawia się, żeby sprawdzić odmowy',
      en: 'the statutory minimum of 3 is commonest; 2 (too few) appears so that refusals are tried',
    },
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
    label: { pl: 'liczba założycieli, gdy są tylko osoby prawne', en: 'number of founders, when legal persons only' },
    why: {
      pl: 'dwie osoby prawne, czyli minimum, to zwykły skład założycieli',
      en: 'two legal persons, the minimum, is the usual founding',
    },
  },
);
export const MIXED_FOUNDERS = range(1, 4, {
  facts: ['founders'],
  label: {
    pl: 'założyciele – osoby fizyczne obok jednej albo dwóch osób prawnych (równomiernie), w składzie mieszanym',
    en: 'natural founders beside 1–2 legal ones (uniform), when mixed',
  },
  why: { pl: 'mieszane założenia są nieliczne', en: 'mixed foundings are small' },
});
export const FOUNDER_AT_RISK_SHARE = share(0.8, {
  facts: ['founders'],
  label: {
    pl: 'założyciel będący osobą fizyczną jest osobą zagrożoną wykluczeniem (art. 4 ust. 1 USS); osoba prawna nigdy',
    en: 'a natural founder is a person at risk (USS art. 4 ust. 1); a legal founder never is',
  },
  why: {
    pl: 'założyciele to co do zasady osoby zagrożone wykluczeniem; inni są w mniejszości, czasem jest ich za dużo',
    en: 'founders are in principle at-risk persons; others are a minority, sometimes too many',
  },
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
    label: { pl: 'rodzaj działalności', en: 'line of activity' },
    why: {
      pl: 'większość spółdzielni prowadzi zwykłą działalność (gastronomia, sprzątanie, budownictwo); reszta to usługi opiekuńcze',
      en: 'most cooperatives run ordinary businesses (catering, cleaning, building); care services are the rest',
    },
  },
);

/** Every assumption, in the order the text states them, by section. */
export const ASSUMPTIONS: readonly { section: LocalText; items: readonly Assumption[] }[] = [
  {
    section: { pl: 'O osobie', en: 'About the person' },
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
    section: { pl: 'PAI i reintegracja z art. 200 URP', en: 'PAI and art. 200 reintegration' },
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
    section: { pl: 'Prace społecznie użyteczne', en: 'PSU' },
    items: [
      PSU_NO_HOURS_SHARE,
      PSU_FULL_MONTH_SHARE,
      PSU_PART_MONTH_HOURS,
      PSU_ACTIVE_THIS_YEAR_SHARE,
      PSU_SUPPORTS_CARERS_SHARE,
    ],
  },
  {
    section: { pl: 'CIS, KIS i zatrudnienie wspierane', en: 'CIS, KIS and supported employment' },
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
    section: { pl: 'Spółdzielnie socjalne', en: 'Social cooperatives' },
    items: [FOUNDER_MIX, NATURAL_FOUNDER_COUNT, LEGAL_FOUNDER_COUNT, MIXED_FOUNDERS, FOUNDER_AT_RISK_SHARE, COOP_ACTIVITY],
  },
];
