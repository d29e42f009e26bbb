import { describe, expect, it } from 'vitest';
import { Rational } from '../money/rational.ts';
import { ExprEvalError } from './errors.ts';
import { evaluate, type Scope } from './evaluate.ts';
import { parseExpression } from './parser.ts';
import { toPlain, toValue, type Value } from './value.ts';

const FACTS: Record<string, unknown> = {
  months: 14,
  registered: true,
  profile: 'III',
  groups: ['disabled'],
  end_date: '2023-08-31',
  zasilek: 1491.9,
  founders: [
    { kind: 'natural', at_risk: true },
    { kind: 'natural', at_risk: false },
    { kind: 'legal', at_risk: false },
  ],
};
const scope: Scope = {
  get: (name) => toValue(FACTS[name]),
  has: (name) => name in FACTS,
};
const run = (text: string): Value => evaluate(parseExpression(text), scope);
const plain = (text: string) => toPlain(run(text));

describe('evaluate', () => {
  it('computes exact money: 120 % of zasiłek, 9/10 of it, one thirtieth a day', () => {
    const v = run('percent(120, zasilek) * (20 - 2) / 20');
    expect(v).toBeInstanceOf(Rational);
    expect((v as Rational).roundHalfUp(2).toFixed(2)).toBe('1611.25');
    expect(plain('zasilek / 30 * 10')).toBeCloseTo(497.3, 10);
  });

  it('evaluates boolean logic, comparisons and lists', () => {
    expect(run('months > 12 and registered')).toBe(true);
    expect(run('profile in ["I", "II"]')).toBe(false);
    expect(run('profile not in ["I", "II"]')).toBe(true);
    expect(run('"disabled" in groups')).toBe(true);
    expect(run('overlaps(groups, ["homeless_in_programme", "disabled"])')).toBe(true);
    expect(run('not registered or months == 14')).toBe(true);
    expect(run('groups == ["disabled"]')).toBe(true);
  });

  it('counts and shares over records', () => {
    expect(plain('count(founders, kind == "natural")')).toBe(2);
    expect(plain('count(founders, kind == "natural" and not at_risk) / count(founders)')).toBeCloseTo(1 / 3, 12);
    expect(run('any(founders, kind == "legal")')).toBe(true);
    expect(run('all(founders, at_risk)')).toBe(false);
    expect(plain('sum(founders, if(at_risk, 1, 0))')).toBe(1);
  });

  it('does date arithmetic and min/max on days and numbers', () => {
    expect(run('add_months(end_date, 6)')).toBe('2024-02-29');
    expect(run('add_days(end_date, 1) == "2023-09-01"')).toBe(true);
    expect(plain('days_between("2023-08-01", end_date)')).toBe(30);
    expect(run('max(end_date, "2024-01-01")')).toBe('2024-01-01');
    expect(plain('min(months, 6, 8)')).toBe(6);
    expect(plain('year(end_date)')).toBe(2023);
    expect(plain('floor(7 / 2)')).toBe(3);
  });

  it('evaluates only the chosen branch of if(), and knows which facts were given', () => {
    expect(plain('if(registered, 1, 1 / 0)')).toBe(1);
    expect(run('given(months) and not given(nothing_here)')).toBe(true);
    expect(() => run('1 / (months - 14)')).toThrow(ExprEvalError);
  });
});
