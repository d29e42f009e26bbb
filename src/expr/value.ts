import { Rational } from '../money/rational.ts';

/** A value while rules are evaluated: numbers are exact rationals, days are ISO strings. */
export type Value = boolean | Rational | string | readonly Value[] | { readonly [key: string]: Value } | undefined;

/** Turns a JSON-like input (numbers as JS numbers) into a runtime value. */
export function toValue(input: unknown): Value {
  if (typeof input === 'number') return Rational.fromNumber(input);
  if (Array.isArray(input)) return input.map(toValue);
  if (input !== null && typeof input === 'object' && !(input instanceof Rational)) {
    return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, toValue(v)]));
  }
  return input as Value;
}

/** Turns a runtime value back into plain JSON (rationals become numbers). */
export function toPlain(value: Value): unknown {
  if (value instanceof Rational) return value.toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v as Value)]));
  }
  return value;
}

/** Equality by value: rationals by magnitude, lists element by element. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a instanceof Rational || b instanceof Rational) {
    return a instanceof Rational && b instanceof Rational && a.cmp(b) === 0;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => valuesEqual(x, b[i]));
  }
  return a === b;
}

/** Order of two numbers or two days; throws for anything else. */
export function compareValues(a: Value, b: Value): number {
  if (a instanceof Rational && b instanceof Rational) return a.cmp(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new TypeError(`cannot order ${String(a)} and ${String(b)}`);
}

/** True when `list` holds an element equal to `item`. */
export function listHas(list: Value, item: Value): boolean {
  return Array.isArray(list) && list.some((x) => valuesEqual(x, item));
}
