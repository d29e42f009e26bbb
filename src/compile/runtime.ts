import { addDays, addMonths, daysBetween, daysInMonthOf, yearOf } from '../dates/iso-date.ts';
import { strongestOutcome } from '../decide/decide.ts';
import { compare } from '../expr/evaluate.ts';
import { asList, asNumber, asWholeNumber } from '../expr/guards.ts';
import { compareValues, listHas, toValue, type Value } from '../expr/value.ts';
import { Rational } from '../money/rational.ts';

const num = (v: Value) => asNumber(v);
const list = (v: Value) => asList(v);
const int = (v: Value) => asWholeNumber(v);
const HUNDRED = Rational.of(100n);

/**
 * What compiled rule sets call: the same operations, with the same meaning, as the interpreter
 * (src/expr/evaluate.ts and functions.ts), so both give the same answers.
 */
export const RUNTIME = {
  value: toValue,
  add: (a: Value, b: Value) => num(a).add(num(b)),
  sub: (a: Value, b: Value) => num(a).sub(num(b)),
  mul: (a: Value, b: Value) => num(a).mul(num(b)),
  div: (a: Value, b: Value) => {
    const d = num(b);
    if (d.n === 0n) throw new RangeError('division by zero');
    return num(a).div(d);
  },
  neg: (a: Value) => num(a).neg(),
  cmp: (op: string, a: Value, b: Value) => compare(op, a, b),
  min: (...xs: Value[]) => xs.reduce((best, v) => (best === undefined || compareValues(v, best) < 0 ? v : best)),
  max: (...xs: Value[]) => xs.reduce((best, v) => (best === undefined || compareValues(v, best) > 0 ? v : best)),
  count: (xs: Value) => Rational.of(BigInt(list(xs).length)),
  countIf: (xs: Value, pred: (item: Value) => boolean) => Rational.of(BigInt(list(xs).filter(pred).length)),
  sum: (xs: Value, amount: (item: Value) => Value) =>
    list(xs).reduce<Rational>((acc, x) => acc.add(num(amount(x))), Rational.of(0n)),
  any: (xs: Value, pred: (item: Value) => boolean) => list(xs).some(pred),
  all: (xs: Value, pred: (item: Value) => boolean) => list(xs).every(pred),
  overlaps: (a: Value, b: Value) => list(a).some((x) => listHas(list(b), x)),
  percent: (rate: Value, amount: Value) => num(rate).mul(num(amount)).div(HUNDRED),
  floor: (a: Value) => num(a).floor(),
  addMonths: (d: Value, n: Value) => addMonths(String(d), int(n)),
  addDays: (d: Value, n: Value) => addDays(String(d), int(n)),
  daysBetween: (a: Value, b: Value) => Rational.of(BigInt(daysBetween(String(a), String(b)))),
  year: (d: Value) => Rational.of(BigInt(yearOf(String(d)))),
  daysInMonth: (d: Value) => Rational.of(BigInt(daysInMonthOf(String(d)))),
  /** A parameter's value on the day, or the same error as the interpreter when none is in force. */
  param: (p: Value | Error) => {
    if (p instanceof Error) throw p;
    return p;
  },
  pick: strongestOutcome,
  /** A field of a list item inside a predicate (records), or the item itself (lists of codes). */
  field: (item: Value, name: string) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Rational)
      ? (item as Record<string, Value>)[name]
      : item,
};
export type Runtime = typeof RUNTIME;
