import { describe, expect, it } from 'vitest';
import { Rational } from '../money/rational.ts';
import { evaluate, type Scope } from './evaluate.ts';
import { parseExpression } from './parser.ts';
import { toValue, type Value } from './value.ts';

/** Each feature the social-employment rule sets need, on its own (issue 3 §2). */
function run(text: string, facts: Record<string, unknown>): Value {
  const scope: Scope = { get: (n) => toValue(facts[n]), has: (n) => n in facts };
  return evaluate(parseExpression(text), scope);
}
const money = (v: Value) => (v as Rational).roundHalfUp(2).toFixed(2);

describe('what the language expresses', () => {
  it('date arithmetic: end of classes plus six months, compared with the date, returned as a day', () => {
    const facts = { programme_end_date: '2023-08-15', date: '2024-02-15' };
    expect(run('add_months(programme_end_date, 6)', facts)).toBe('2024-02-15');
    expect(run('date <= add_months(programme_end_date, 6)', facts)).toBe(true);
    expect(run('date <= add_months(programme_end_date, 6)', { ...facts, date: '2024-02-16' })).toBe(false);
  });

  it('collections: natural founders counted, the share not at risk compared with a limit', () => {
    const founders = [
      { kind: 'natural', at_risk: true },
      { kind: 'natural', at_risk: false },
      { kind: 'natural', at_risk: false },
    ];
    expect(run('count(founders, kind == "natural")', { founders })).toEqual(Rational.of(3n));
    expect(run('count(founders, kind == "natural" and not at_risk) / count(founders) <= 0.5', { founders })).toBe(false);
    expect(run('count(founders, kind == "natural" and not at_risk) / count(founders) <= 0.7', { founders })).toBe(true);
  });

  it('minimum and maximum: a grant capped at six months', () => {
    expect(run('min(requested_months, 6)', { requested_months: 8 })).toEqual(Rational.of(6n));
    expect(run('max(0, requested_months - 6)', { requested_months: 4 })).toEqual(Rational.of(0n));
  });

  it('percentages of dated parameters: 120 % and 60 % of the zasiłek', () => {
    expect(money(run('percent(120, zasilek)', { zasilek: 1491.9 }))).toBe('1790.28');
    expect(money(run('percent(60, zasilek)', { zasilek: 1721.9 }))).toBe('1033.14');
  });

  it('proration of a part month: ÷ 30 × days', () => {
    expect(money(run('percent(120, zasilek) / 30 * days', { zasilek: 1721.9, days: 10 }))).toBe('688.76');
  });

  it('deductions per day with a cap: 1/40 per sick day up to 21 days', () => {
    const text = 'monthly - monthly / 40 * min(sick_days, 21)';
    expect(money(run(text, { monthly: 1790.28, sick_days: 10 }))).toBe('1342.71');
    expect(money(run(text, { monthly: 1790.28, sick_days: 25 }))).toBe(money(run(text, { monthly: 1790.28, sick_days: 21 })));
  });

  it('exact money with one half-up rounding at the end', () => {
    // 2066.29 / 30 × 15 is exactly 1033.145: it must round up, which a binary float does not guarantee.
    expect(money(run('amount / 30 * 15', { amount: 2066.29 }))).toBe('1033.15');
    expect(((2066.29 / 30) * 15).toFixed(2)).not.toBe('1033.15');
  });
});
