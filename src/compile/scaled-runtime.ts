import { addDays, addMonths, daysBetween, daysInMonthOf, yearOf } from '../dates/iso-date.ts';
import type { CompiledAnswer } from './compiled-answer.ts';

const MAX = Number.MAX_SAFE_INTEGER;

/** Thrown (never as an Error: no stack to capture) when the integers cannot hold a value exactly. */
export const BAIL: unique symbol = Symbol('bail');

function bail(): never {
  throw BAIL;
}

/** The answer of the specialised function; its reasons' ids are read from a bit mask only when asked for. */
export class ScaledAnswer implements CompiledAnswer {
  // Declared, not initialised: plain assignments in the constructor keep construction cheap.
  declare readonly outcome: string;
  declare readonly amounts: Record<string, number>;
  declare readonly values: Record<string, unknown>;
  declare private readonly fired: number;
  declare private readonly ids: readonly string[];

  constructor(
    outcome: string,
    amounts: Record<string, number>,
    values: Record<string, unknown>,
    fired: number,
    ids: readonly string[],
  ) {
    this.outcome = outcome;
    this.amounts = amounts;
    this.values = values;
    this.fired = fired;
    this.ids = ids;
  }

  get missing(): string[] {
    return [];
  }

  get rules(): string[] {
    return this.ids.filter((_, i) => (this.fired >>> i) & 1);
  }

  toJSON(): CompiledAnswer {
    return { outcome: this.outcome, amounts: this.amounts, values: this.values, missing: [], rules: this.rules };
  }
}

/** Exact integer division rounded down, for safe integers with |a| + |b| safe (no slow double remainder). */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q--;
  else if (r >= b) q++;
  return q;
}

/** Half away from zero to 0.01 of x/scale, for |x|·200 + 2·scale within 2^53. */
function moneySafe(x: number, scale: number): number {
  const q = floorDiv((x < 0 ? -x : x) * 200 + scale, scale * 2);
  // Never -0: the general function's rationals have no negative zero.
  return x < 0 && q !== 0 ? -q / 100 : q / 100;
}

/**
 * What specialised rule sets call. Every result is checked to be a safe integer, so the
 * arithmetic is exact or it bails out to the general function.
 */
export const SCALED = {
  Answer: ScaledAnswer,
  bail,
  /** A checked integer: past 2^53 a double is no longer exact. */
  c: (x: number) => (x <= MAX && x >= -MAX ? x : bail()),
  /** A fact that may be left out, read where it is needed. */
  got: <T>(x: T | undefined): T => (x === undefined ? bail() : x),
  /** A decimal fact as a whole number of 1/scale within [lo, hi], when it is exactly one. */
  dec: (x: unknown, scale: number, lo: number, hi: number) => {
    if (typeof x !== 'number') return bail();
    const n = Math.round(x * scale);
    return n / scale === x && n >= lo && n <= hi ? n : bail();
  },
  /** A whole number from a scaled one (a number of months or days). */
  whole: (x: number, scale: number) => (x % scale === 0 ? x / scale : bail()),
  floorDiv,
  countIf: (xs: readonly unknown[], pred: (item: unknown) => boolean) => {
    let n = 0;
    for (const x of xs) if (pred(x)) n++;
    return n;
  },
  sum: (xs: readonly unknown[], amount: (item: unknown) => number) => {
    let total = 0;
    for (const x of xs) total = SCALED.c(total + amount(x));
    return total;
  },
  overlaps: (a: readonly unknown[], b: readonly unknown[]) => a.some((x) => b.includes(x)),
  addMonths: (d: string, n: number) => addMonths(d, n),
  addDays: (d: string, n: number) => addDays(d, n),
  daysBetween: (a: string, b: string) => daysBetween(a, b),
  year: (d: string) => yearOf(d),
  daysInMonth: (d: string) => daysInMonthOf(d),
  moneySafe,
  /** An amount in złoty: x/scale rounded half away from zero to 0.01, once; bails where that is not exact. */
  money: (x: number, scale: number) => {
    SCALED.c((x < 0 ? -x : x) * 200 + scale * 2);
    return moneySafe(x, scale);
  },
};
export type ScaledRuntime = typeof SCALED;
