import type { Library } from '../library.ts';
import type { LocalText } from '../schema/common.ts';
import { divRound } from './exact.ts';

/** The indexation an analyst may set for years whose parameter values are not yet announced. */
export interface WindowOptions {
  from: number;
  to: number;
  /** Yearly indexation of the amounts after the last announced year, in percent (2 decimals at most). */
  ratePercent: number;
}

/** The default indexation rate and why: the zasiłek (and all the amounts read as its percent) is indexed by CPI. */
export const DEFAULT_INDEXATION = {
  ratePercent: 2.5,
  reason: {
    pl: 'Zasiłek (a z nim świadczenia liczone jako jego procent) jest waloryzowany co roku 1 czerwca średniorocznym wskaźnikiem cen z roku poprzedniego (UPZ art. 72 ust. 6); domyślne 2,5 % to cel inflacyjny NBP (2,5 % ± 1 pkt proc.; wartość przypomniana) jako neutralne oczekiwanie.',
    en: 'The zasiłek (and every benefit read as its percent) is indexed each 1 June by the previous year’s average CPI (UPZ art. 72 ust. 6); the default 2.5 % is the NBP inflation target (2.5 % ± 1 pp; recalled) as the neutral expectation.',
  } satisfies LocalText,
};

/** The most years a window may span. */
export const MAX_WINDOW_YEARS = 10;

/** One year of the window: the day it is evaluated on, and how many years of indexation its amounts get. */
export interface WindowYear {
  year: number;
  /** The run's day and month in this year (28 February for a 29th in a common year). */
  date: string;
  /** The day the law and its parameters are read on: the year's own day, or the last announced year's. */
  evaluatedOn: string;
  /** Years of indexation applied (0 for an announced year). */
  indexedYears: number;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** `date`'s day and month in `year`. */
export function sameDayIn(date: string, year: number): string {
  const md = date.slice(5);
  return `${String(year).padStart(4, '0')}-${md === '02-29' && !isLeap(year) ? '02-28' : md}`;
}

/** The last year in which any parameter the question's versions read gets a new value: later years are not announced. */
export function announcedThrough(library: Library, parameterIds: Iterable<string>): number {
  let last = 0;
  for (const id of parameterIds) {
    const def = library.catalogue.parameters.get(id);
    for (const v of def?.values ?? []) last = Math.max(last, Number(v.from.slice(0, 4)));
  }
  return last;
}

/** The years of a window with their evaluation days; years after `announced` are read on the announced year's day. */
export function windowYears(date: string, window: WindowOptions, announced: number): WindowYear[] {
  const years: WindowYear[] = [];
  for (let y = window.from; y <= window.to; y++) {
    const own = sameDayIn(date, y);
    years.push(
      y <= announced || announced === 0
        ? { year: y, date: own, evaluatedOn: own, indexedYears: 0 }
        : { year: y, date: own, evaluatedOn: sameDayIn(date, announced), indexedYears: y - announced },
    );
  }
  return years;
}

/** The rate as an exact fraction per year: (10000 + basis points) / 10000. */
function factorParts(ratePercent: number, years: number): { num: bigint; den: bigint } {
  const bp = BigInt(Math.round(ratePercent * 100));
  return { num: (10_000n + bp) ** BigInt(years), den: 10_000n ** BigInt(years) };
}

/** An exact sum (in any whole unit) indexed for `years` at the rate, rounded half-up once. */
export function indexed(sum: bigint, ratePercent: number, years: number): bigint {
  if (years === 0) return sum;
  const { num, den } = factorParts(ratePercent, years);
  return divRound(sum * num, den);
}

/** The factor (1 + rate)^years as a number, for display. */
export function indexFactor(ratePercent: number, years: number): number {
  return (1 + ratePercent / 100) ** years;
}
