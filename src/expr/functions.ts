import { addDays, addMonths, daysBetween, daysInMonthOf, yearOf } from '../dates/iso-date.ts';
import { Rational } from '../money/rational.ts';
import type { Expr } from './ast.ts';
import type { Checker } from './check.ts';
import { asDay, asList, asNumber, asWholeNumber } from './guards.ts';
import { T, type Type, typeName, unify } from './types.ts';
import { compareValues, listHas, type Value } from './value.ts';

/** What a built-in needs to evaluate its arguments lazily (for `if` and for predicates over items). */
export interface Evaluator {
  run(expr: Expr, locals?: Record<string, Value>): Value;
  /** True when a fact was given (or has a default). */
  given(name: string): boolean;
}

/** A function of the expression language: its type rule and its meaning. */
export interface BuiltinFunction {
  minArgs: number;
  maxArgs: number;
  usage: string;
  check(args: Expr[], c: Checker, locals: Record<string, Type> | undefined, call: Expr): Type;
  evaluate(args: Expr[], ev: Evaluator, locals: Record<string, Value> | undefined, call: Expr): Value;
}

const num = (v: Value, at: Expr) => asNumber(v, at.pos);
const list = (v: Value, at: Expr) => asList(v, at.pos);
const day = (v: Value, at: Expr) => asDay(v, at.pos);
const int = (v: Value, at: Expr) => asWholeNumber(v, at.pos);

/** The fields an item of a list brings into scope inside a predicate: record fields, or `item`. */
function itemLocals(listType: Type, outer?: Record<string, Type>): Record<string, Type> {
  const of = listType.k === 'list' ? listType.of : T.any;
  const own = of.k === 'record' ? of.fields : { item: of };
  return { ...outer, ...own };
}
function itemValues(item: Value, outer?: Record<string, Value>): Record<string, Value> {
  const own = item !== null && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Rational);
  return { ...outer, ...(own ? (item as Record<string, Value>) : { item }) };
}

function checkList(arg: Expr, c: Checker, locals?: Record<string, Type>): Type {
  const t = c.check(arg, locals);
  if (t.k !== 'list' && t.k !== 'any') c.problem('TYPE_MISMATCH', `expected a list, not a ${typeName(t)}`, arg);
  return t;
}

function extreme(sign: 1 | -1): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 99,
    usage: `${sign === 1 ? 'max' : 'min'}(a, b, …) takes numbers or days of one kind.`,
    check(args, c, locals) {
      let t: Type = T.any;
      for (const a of args) {
        const at = c.check(a, locals);
        if (at.k !== 'number' && at.k !== 'date' && at.k !== 'any') {
          c.problem('TYPE_MISMATCH', `expected a number or a day, not a ${typeName(at)}`, a);
        }
        t = unify(t, at) ?? t;
      }
      return t;
    },
    evaluate(args, ev, locals) {
      let best: Value;
      for (const a of args) {
        const v = ev.run(a, locals);
        if (best === undefined || compareValues(v, best) * sign > 0) best = v;
      }
      return best;
    },
  };
}

function quantifier(kind: 'any' | 'all'): BuiltinFunction {
  return {
    minArgs: 2,
    maxArgs: 2,
    usage: `${kind}(list, condition on each item) is true when ${kind === 'any' ? 'some' : 'every'} item meets it.`,
    check(args, c, locals) {
      const lt = checkList(args[0] as Expr, c, locals);
      c.expect(args[1] as Expr, T.boolean, itemLocals(lt, locals), 'the condition must be true or false');
      return T.boolean;
    },
    evaluate(args, ev, locals) {
      const items = list(ev.run(args[0] as Expr, locals), args[0] as Expr);
      const test = (x: Value) => ev.run(args[1] as Expr, itemValues(x, locals)) === true;
      return kind === 'any' ? items.some(test) : items.every(test);
    },
  };
}

/** The built-in functions, by name. Nothing else can be called from a rule set. */
export const FUNCTIONS: Record<string, BuiltinFunction> = {
  min: extreme(-1),
  max: extreme(1),
  if: {
    minArgs: 3,
    maxArgs: 3,
    usage: 'if(condition, value when true, value when false)',
    check([cond, a, b], c, locals) {
      c.expect(cond as Expr, T.boolean, locals, 'the first argument of if() must be true or false');
      const ta = c.check(a as Expr, locals);
      const tb = c.check(b as Expr, locals);
      const u = unify(ta, tb);
      if (!u) c.problem('TYPE_MISMATCH', `if() gives a ${typeName(ta)} or a ${typeName(tb)}: make them alike`, b as Expr);
      return u ?? T.any;
    },
    evaluate([cond, a, b], ev, locals) {
      return ev.run(cond as Expr, locals) === true ? ev.run(a as Expr, locals) : ev.run(b as Expr, locals);
    },
  },
  count: {
    minArgs: 1,
    maxArgs: 2,
    usage: 'count(list) or count(list, condition on each item)',
    check(args, c, locals) {
      const lt = checkList(args[0] as Expr, c, locals);
      if (args[1]) c.expect(args[1], T.boolean, itemLocals(lt, locals), 'the condition must be true or false');
      return { k: 'number', integer: true };
    },
    evaluate(args, ev, locals) {
      const items = list(ev.run(args[0] as Expr, locals), args[0] as Expr);
      const pred = args[1];
      const n = pred ? items.filter((x) => ev.run(pred, itemValues(x, locals)) === true).length : items.length;
      return Rational.of(BigInt(n));
    },
  },
  sum: {
    minArgs: 2,
    maxArgs: 2,
    usage: 'sum(list, amount of each item)',
    check(args, c, locals) {
      const lt = checkList(args[0] as Expr, c, locals);
      c.expect(args[1] as Expr, T.number, itemLocals(lt, locals), 'sum() adds numbers');
      return T.number;
    },
    evaluate(args, ev, locals) {
      const items = list(ev.run(args[0] as Expr, locals), args[0] as Expr);
      return items.reduce<Rational>(
        (acc, x) => acc.add(num(ev.run(args[1] as Expr, itemValues(x, locals)), args[1] as Expr)),
        Rational.of(0n),
      );
    },
  },
  any: quantifier('any'),
  all: quantifier('all'),
  overlaps: {
    minArgs: 2,
    maxArgs: 2,
    usage: 'overlaps(list, list) is true when the two lists share an item',
    check([a, b], c, locals) {
      const ta = checkList(a as Expr, c, locals);
      const tb = checkList(b as Expr, c, locals);
      if (ta.k === 'list' && tb.k === 'list') {
        if (b?.k === 'list') for (const item of b.items) c.enumLiteral(item, { k: 'string' }, ta.of);
      }
      return T.boolean;
    },
    evaluate([a, b], ev, locals) {
      const la = list(ev.run(a as Expr, locals), a as Expr);
      const lb = list(ev.run(b as Expr, locals), b as Expr);
      return la.some((x) => listHas(lb, x));
    },
  },
  percent: {
    minArgs: 2,
    maxArgs: 2,
    usage: 'percent(rate, amount) is rate % of amount, e.g. percent(120, zasilek.first_90_days)',
    check([p, x], c, locals) {
      c.expect(p as Expr, T.number, locals, 'the rate must be a number');
      c.expect(x as Expr, T.number, locals, 'the amount must be a number');
      return T.number;
    },
    evaluate([p, x], ev, locals) {
      const rate = num(ev.run(p as Expr, locals), p as Expr);
      return rate.mul(num(ev.run(x as Expr, locals), x as Expr)).div(Rational.of(100n));
    },
  },
  floor: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'floor(number) drops the fraction',
    check([x], c, locals) {
      c.expect(x as Expr, T.number, locals, 'floor() needs a number');
      return { k: 'number', integer: true };
    },
    evaluate([x], ev, locals) {
      return num(ev.run(x as Expr, locals), x as Expr).floor();
    },
  },
  add_months: dateShift('add_months', addMonths),
  add_days: dateShift('add_days', addDays),
  days_between: {
    minArgs: 2,
    maxArgs: 2,
    usage: 'days_between(from, to) counts days from the first day to the second',
    check([a, b], c, locals) {
      c.expect(a as Expr, T.date, locals, 'days_between() needs days');
      c.expect(b as Expr, T.date, locals, 'days_between() needs days');
      return { k: 'number', integer: true };
    },
    evaluate([a, b], ev, locals) {
      const n = daysBetween(day(ev.run(a as Expr, locals), a as Expr), day(ev.run(b as Expr, locals), b as Expr));
      return Rational.of(BigInt(n));
    },
  },
  year: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'year(day) is its calendar year',
    check([a], c, locals) {
      c.expect(a as Expr, T.date, locals, 'year() needs a day');
      return { k: 'number', integer: true };
    },
    evaluate([a], ev, locals) {
      return Rational.of(BigInt(yearOf(day(ev.run(a as Expr, locals), a as Expr))));
    },
  },
  days_in_month: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'days_in_month(day) is the number of days of its month (28 to 31)',
    check([a], c, locals) {
      c.expect(a as Expr, T.date, locals, 'days_in_month() needs a day');
      return { k: 'number', integer: true };
    },
    evaluate([a], ev, locals) {
      return Rational.of(BigInt(daysInMonthOf(day(ev.run(a as Expr, locals), a as Expr))));
    },
  },
  given: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'given(fact) is true when the caller gave the fact (for facts whose absence has a meaning)',
    check([a], c) {
      if (a?.k !== 'name') c.problem('WRONG_ARGUMENTS', 'given() takes the name of a fact', a as Expr);
      else c.check(a);
      return T.boolean;
    },
    evaluate([a], ev) {
      return a?.k === 'name' && ev.given(a.name);
    },
  },
};

function dateShift(name: string, shift: (d: string, n: number) => string): BuiltinFunction {
  return {
    minArgs: 2,
    maxArgs: 2,
    usage: `${name}(day, whole number)`,
    check([d, n], c, locals) {
      c.expect(d as Expr, T.date, locals, `${name}() needs a day first`);
      const t = c.expect(n as Expr, T.number, locals, `${name}() needs a whole number second`);
      if (t.k === 'number' && !t.integer) {
        c.problem('TYPE_MISMATCH', `${name}() needs a whole number second, not a fraction`, n as Expr);
      }
      return T.date;
    },
    evaluate([d, n], ev, locals) {
      return shift(day(ev.run(d as Expr, locals), d as Expr), int(ev.run(n as Expr, locals), n as Expr));
    },
  };
}
