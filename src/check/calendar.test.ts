import { describe, expect, it } from 'vitest';
import type { Bool } from 'z3-solver';
import { addDays, addMonths, daysBetween, daysInMonthOf, yearOf } from '../dates/iso-date.ts';
import { dayBefore, dayKey, keyDay, SolverCalendar } from './calendar.ts';
import type { N } from './terms.ts';
import { solverContext } from './z3-context.ts';

const DAYS = ['2023-08-31', '2024-01-31', '2024-02-29', '2023-12-31', '1900-02-28', '2000-02-29', '2021-03-30', '0100-03-01'];
const SHIFTS = [1, 6, 12, 13, -1, -12, 25, 400];

describe('the calendar in the solver', () => {
  it('numbers days in the order of their text', () => {
    for (const d of [...DAYS, '0000-01-01', '9999-12-31']) expect(keyDay(dayKey(d))).toBe(d);
    expect(dayKey('2024-02-29')).toBeLessThan(dayKey('2024-03-01'));
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('adds months and reads the year exactly as src/dates/iso-date.ts does', { timeout: 120_000 }, async () => {
    const z = await solverContext();
    const side: Bool<N>[] = [];
    const cal = new SolverCalendar(z, side);
    const x = cal.variable('x');
    const n = z.Int.const('n');
    const shifted = cal.addMonths(x, n).key;
    const solver = new z.Solver();
    solver.add(...side);
    for (const d of DAYS) {
      for (const k of SHIFTS) {
        const at = [x.key.eq(dayKey(d)), n.eq(k)];
        // The solver can give no other value than the evaluator's.
        const wrong = z.Or(shifted.neq(dayKey(addMonths(d, k))), cal.year(x).neq(yearOf(d)));
        expect(await solver.check(...at, wrong), `${d} ${k}`).toBe('unsat');
        expect(await solver.check(...at), `${d} ${k}`).toBe('sat');
      }
    }
  });

  it("counts days one by one within a few days, always allowing the evaluator's value", { timeout: 120_000 }, async () => {
    const z = await solverContext();
    const side: Bool<N>[] = [];
    const cal = new SolverCalendar(z, side);
    const x = cal.variable('x');
    const n = z.Int.const('n');
    const shifted = cal.addDays(x, n).key;
    const between = cal.daysBetween(x, cal.literal('2020-01-01'));
    const solver = new z.Solver();
    solver.add(...side);
    for (const d of DAYS) {
      for (const k of SHIFTS) {
        const at = [x.key.eq(dayKey(d)), n.eq(k)];
        const exact = [shifted.eq(dayKey(addDays(d, k))), between.eq(daysBetween(d, '2020-01-01'))];
        expect(await solver.check(...at, ...exact), `${d} ${k}`).toBe('sat');
        const far = z.Or(between.gt(daysBetween(d, '2020-01-01') + 9), between.lt(daysBetween(d, '2020-01-01') - 9));
        expect(await solver.check(...at, far), `${d} ${k}`).toBe('unsat');
      }
    }
  });

  it('knows the length of every month as src/dates/iso-date.ts does, leap years included', { timeout: 120_000 }, async () => {
    const z = await solverContext();
    const side: Bool<N>[] = [];
    const cal = new SolverCalendar(z, side);
    const x = cal.variable('x');
    const solver = new z.Solver();
    solver.add(...side);
    for (const d of DAYS) {
      const wrong = cal.monthLength(x).neq(daysInMonthOf(d));
      expect(await solver.check(x.key.eq(dayKey(d)), wrong), d).toBe('unsat');
    }
  });
});
