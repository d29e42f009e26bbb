import { Rational } from '../money/rational.ts';
import { ExprEvalError } from './errors.ts';
import type { Value } from './value.ts';

/** Run-time checks of a value's kind, shared by the interpreter and the compiled functions; `pos` points into the expression. */
export function asNumber(v: Value, pos = 0): Rational {
  if (v instanceof Rational) return v;
  throw new ExprEvalError(`expected a number, got ${String(v)}`, pos);
}

export function asList(v: Value, pos = 0): readonly Value[] {
  if (Array.isArray(v)) return v;
  throw new ExprEvalError(`expected a list, got ${String(v)}`, pos);
}

export function asDay(v: Value, pos = 0): string {
  if (typeof v === 'string') return v;
  throw new ExprEvalError(`expected a day, got ${String(v)}`, pos);
}

export function asWholeNumber(v: Value, pos = 0): number {
  const r = asNumber(v, pos);
  if (!r.isInteger()) throw new ExprEvalError(`expected a whole number, got ${r.toFixed(4)}`, pos);
  return r.toNumber();
}
