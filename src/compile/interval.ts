/** The range a scaled integer may take, known when code is generated, so most overflow checks can be left out. */
export interface Interval {
  lo: bigint;
  hi: bigint;
}

export const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Whole-number facts beyond ±2^31 go to the general function, so products of a few facts stay exact. */
export const FACT_CAP = 2n ** 31n;

const lo = (xs: bigint[]) => xs.reduce((a, b) => (b < a ? b : a));
const hi = (xs: bigint[]) => xs.reduce((a, b) => (b > a ? b : a));

export const iv = {
  point: (n: bigint): Interval => ({ lo: n, hi: n }),
  add: (a: Interval, b: Interval): Interval => ({ lo: a.lo + b.lo, hi: a.hi + b.hi }),
  sub: (a: Interval, b: Interval): Interval => ({ lo: a.lo - b.hi, hi: a.hi - b.lo }),
  neg: (a: Interval): Interval => ({ lo: -a.hi, hi: -a.lo }),
  mul(a: Interval, b: Interval): Interval {
    const corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
    return { lo: lo(corners), hi: hi(corners) };
  },
  min: (xs: Interval[]): Interval => ({ lo: lo(xs.map((x) => x.lo)), hi: lo(xs.map((x) => x.hi)) }),
  max: (xs: Interval[]): Interval => ({ lo: hi(xs.map((x) => x.lo)), hi: hi(xs.map((x) => x.hi)) }),
  union: (a: Interval, b: Interval): Interval => ({ lo: a.lo < b.lo ? a.lo : b.lo, hi: a.hi > b.hi ? a.hi : b.hi }),
  /** True when every value is a safe integer, so the double holding it is exact. */
  safe: (a: Interval) => a.lo >= -MAX_SAFE && a.hi <= MAX_SAFE,
  /** What a checked value may be after the check. */
  clamp: (a: Interval): Interval => ({ lo: a.lo < -MAX_SAFE ? -MAX_SAFE : a.lo, hi: a.hi > MAX_SAFE ? MAX_SAFE : a.hi }),
  full: (): Interval => ({ lo: -MAX_SAFE, hi: MAX_SAFE }),
};
