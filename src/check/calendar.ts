import type { Arith, Bool, Context } from 'z3-solver';

export const LAST_DAY = '9999-12-31';

/**
 * A day as one whole number for the solver: its month index (year × 12 + month − 1) × 100 + its day of the
 * month. It orders days as their text does, and `add_months` is an addition to the month index, so the
 * checks stay in linear arithmetic; days counted one by one (add_days, days_between) convert to day numbers.
 */
export function dayKey(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a day: ${iso}`);
  return (Number(m[1]) * 12 + Number(m[2]) - 1) * 100 + Number(m[3]);
}

/** The `YYYY-MM-DD` day of a key. */
export function keyDay(key: number): string {
  const month = Math.floor(key / 100);
  const d = key - month * 100;
  const y = Math.floor(month / 12);
  return `${String(y).padStart(4, '0')}-${String(month - y * 12 + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The last day before `iso`. */
export function dayBefore(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** Days from 0000-01-01 to the first day of a month index, in plain arithmetic. */
function daysBeforeMonth(month: number): number {
  const y = Math.floor(month / 12);
  const m = month - y * 12 + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  // Counted from 0000-03-01; 0000-01-01 is 60 days earlier (year 0 is a leap year).
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy + 60;
}

/** How far 4800 × (days before a month) strays from 146097 × its month index, over a whole 400-year cycle. */
const DAY_SPREAD = (() => {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let month = 0; month < 4800; month++) {
    const stray = daysBeforeMonth(month) * 4800 - month * 146097;
    low = Math.min(low, stray);
    high = Math.max(high, stray);
  }
  return { low, high };
})();

/** A day term, with its month index and day of the month where they are known without dividing. */
export interface DayTerm<N extends string> {
  key: Arith<N>;
  month?: Arith<N>;
  day?: Arith<N>;
}

/** The calendar in the solver's integer arithmetic, as src/dates/iso-date.ts computes it. */
export class SolverCalendar<N extends string> {
  private count = 0;
  private readonly days = new Map<string, Arith<N>>();

  /** `side` receives the constraints of helper variables; they hold for every day, so they are always asserted. */
  constructor(
    private readonly z: Context<N>,
    private readonly side: Bool<N>[],
  ) {}

  /** A day the solver chooses: a real calendar day of the years 0000–9999; `when` guards it (for facts a caller may leave out). */
  variable(name: string, when?: (c: Bool<N>) => Bool<N>): DayTerm<N> {
    const { z } = this;
    const month = z.Int.const(`${name}:month`);
    const day = z.Int.const(`${name}:day`);
    const valid = z.And(month.ge(0), month.le(Math.floor(dayKey(LAST_DAY) / 100)), this.realDay(month, day));
    this.side.push(when ? when(valid) : valid);
    return { key: month.mul(100).add(day), month, day };
  }

  literal(iso: string): DayTerm<N> {
    const key = dayKey(iso);
    return { key: this.z.Int.val(key), month: this.z.Int.val(Math.floor(key / 100)), day: this.z.Int.val(key % 100) };
  }

  /** `add_months(day, n)`: a day the target month lacks becomes its last day. */
  addMonths(t: DayTerm<N>, months: Arith<N>): DayTerm<N> {
    const { z } = this;
    const { month, day } = this.parts(t);
    const target = month.add(months);
    const last = this.daysInMonth(target);
    // Days up to 28 exist in every month: only the 29th to the 31st need the month's length.
    const d = z.If(day.le(28), day, z.If(day.le(last), day, last)) as Arith<N>;
    return { key: target.mul(100).add(d), month: target, day: d };
  }

  /** `add_days(day, n)`, through day numbers. */
  addDays(t: DayTerm<N>, days: Arith<N>): DayTerm<N> {
    const n = this.count++;
    const result = this.variable(`$shifted${n}`);
    this.side.push(this.dayNumber(result).eq(this.dayNumber(t).add(days)));
    return result;
  }

  /** `days_between(from, to)`. */
  daysBetween(from: DayTerm<N>, to: DayTerm<N>): Arith<N> {
    return this.dayNumber(to).sub(this.dayNumber(from));
  }

  /** `days_in_month(day)`: 28 to 31, leap years counted. */
  monthLength(t: DayTerm<N>): Arith<N> {
    return this.daysInMonth(this.parts(t).month);
  }

  year(t: DayTerm<N>): Arith<N> {
    return this.parts(t).month.div(12);
  }

  /** A day term chosen by a condition keeps only its key. */
  choose(c: Bool<N>, a: DayTerm<N>, b: DayTerm<N>): DayTerm<N> {
    return { key: this.z.If(c, a.key, b.key) as Arith<N> };
  }

  private parts(t: DayTerm<N>): { month: Arith<N>; day: Arith<N> } {
    return { month: t.month ?? t.key.div(100), day: t.day ?? t.key.mod(100) };
  }

  private realDay(month: Arith<N>, day: Arith<N>): Bool<N> {
    const { z } = this;
    return z.And(day.ge(1), day.le(31), z.Implies(day.ge(29), day.le(this.daysInMonth(month))));
  }

  /** Days in the month of a month index, with the Gregorian leap years. */
  private daysInMonth(month: Arith<N>): Arith<N> {
    const { z } = this;
    const m = month.mod(12);
    const y = month.div(12);
    const leap = z.Or(z.And(y.mod(4).eq(0), y.mod(100).neq(0)), y.mod(400).eq(0));
    const short = z.Or(m.eq(3), m.eq(5), m.eq(8), m.eq(10));
    return z.If(m.eq(1), z.If(leap, z.Int.val(29), z.Int.val(28)), z.If(short, z.Int.val(30), z.Int.val(31))) as Arith<N>;
  }

  /**
   * Days since 0000-01-01, within the bounds of DAY_SPREAD: exact day numbers need divisions the solver is
   * slow with, so a day number is a whole number within a day or two of the exact one. That allows more, never
   * less: add_days and days_between can hide a finding at a day's distance, never make one.
   */
  private dayNumber(t: DayTerm<N>): Arith<N> {
    const key = t.key.toString();
    const known = this.days.get(key);
    if (known) return known;
    const { z } = this;
    const { month, day } = this.parts(t);
    const n = z.Int.const(`$daynumber${this.count++}`);
    // 4800 months (400 years) hold exactly 146097 days; the days before a month stray from that mean by a bounded amount.
    const stray = n.sub(day).add(1).mul(4800).sub(month.mul(146097));
    this.side.push(stray.ge(DAY_SPREAD.low), stray.le(DAY_SPREAD.high));
    this.days.set(key, n);
    return n;
  }
}
