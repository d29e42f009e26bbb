import type { Arith, Bool, Context } from 'z3-solver';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Expr } from '../expr/ast.ts';
import { printExpression } from '../expr/print.ts';
import { isDateLiteral } from '../expr/types.ts';
import type { IrCondition, IrRuleSet } from '../ir/types.ts';
import { DATE_NAME } from '../load/expression-context.ts';
import { rat } from '../money/rational.ts';
import type { FactDefinition } from '../schema/facts.ts';
import { type DayTerm, dayKey, LAST_DAY, SolverCalendar } from './calendar.ts';
import { literalsOf } from './literals.ts';
import type { Approximation, N, Slot, Term } from './terms.ts';

/** A constraint that may be set aside to find facts that would show a finding outside the law's bounds. */
export interface Bound {
  /** Asserted as `lit ⇒ constraint`; checks assume `lit`. */
  lit: Bool<N>;
  /** What it says, for a person: `months_registered_last_24 ≤ 24 (rules/facts.yaml)`. */
  says: string;
  kind: 'fact' | 'date' | 'parameter';
}

/** The solver's variables of one fact: its value and whether the caller gave it. */
export interface FactSymbol {
  name: string;
  def: FactDefinition;
  term: Term;
  given: Bool<N>;
  /** The variables to read back from a model, by kind. */
  vars: { k: 'bool' | 'int' | 'real' | 'str'; v: Arith<N> | Bool<N> }[];
}

/** The days a version answers for: from its valid_from to the day before the next version (inclusive). */
export interface Span {
  from: string;
  until: string;
}

/**
 * Translates one rule-set version into the solver's terms: facts with their types and ranges, the day asked
 * about within the version's span, the dated parameters as functions of that day, definitions, conditions.
 * What cannot be expressed exactly becomes a fresh unconstrained term and is recorded, which can only make
 * more things possible: a finding ("can never hold") proven with it holds for the real rules too.
 */
export class Translator {
  /** Constraints that hold for every person and day (types, helper definitions). */
  readonly hard: Bool<N>[] = [];
  /** Constraints that a finding's example may break, each with its own literal. */
  readonly bounds: Bound[] = [];
  readonly approximations: Approximation[] = [];
  readonly facts = new Map<string, FactSymbol>();
  /** The day asked about, as a day key, and as its month index and day of the month. */
  readonly date: Arith<N>;
  readonly day: DayTerm<N>;
  private readonly codes = new Map<string, number>();
  private readonly defines = new Map<string, Term>();
  private readonly params = new Map<string, Term>();
  private readonly calendar: SolverCalendar<N>;
  private readonly fresh = new Map<string, Term>();
  private at = '';

  constructor(
    readonly z: Context<N>,
    readonly ir: IrRuleSet,
    readonly catalogue: Catalogue,
    readonly span: Span,
  ) {
    this.calendar = new SolverCalendar(z, this.hard);
    const texts = new Set(literalsOf(ir));
    for (const name of ir.facts) for (const v of enumValues(catalogue.facts.get(name))) texts.add(v);
    // Texts as whole numbers in the evaluator's order, so that == and < on them mean what they mean at run time.
    for (const [i, text] of [...texts].sort().entries()) this.codes.set(text, i);
    this.day = this.calendar.variable('date');
    this.date = this.day.key;
    this.bound(this.date.ge(dayKey(span.from)), `the day asked about is on or after ${span.from} (valid_from)`, 'date');
    if (span.until < LAST_DAY) {
      this.bound(
        this.date.le(dayKey(span.until)),
        `the day asked about is on or before ${span.until} (the next version)`,
        'date',
      );
    }
    for (const name of ir.facts) this.fact(name);
  }

  /** The code of a text in the version's texts. */
  code(text: string): Arith<N> {
    let c = this.codes.get(text);
    if (c === undefined) {
      // Not met when the texts were gathered (cannot happen for checked rules): a code past the others.
      c = this.codes.size;
      this.codes.set(text, c);
    }
    return this.z.Int.val(c);
  }

  /** The text of a code, reading a model back. */
  textOf(code: number): string | undefined {
    for (const [t, c] of this.codes) if (c === code) return t;
    return undefined;
  }

  /** A condition of the rule set as one formula; `at` names where it stands, for the record of approximations. */
  condition(c: IrCondition, at: string): Bool<N> {
    this.at = at;
    return this.cond(c);
  }

  private cond(c: IrCondition): Bool<N> {
    const { z } = this;
    switch (c.k) {
      case 'all':
        return z.And(...c.items.map((i) => this.cond(i)));
      case 'any':
        return z.Or(...c.items.map((i) => this.cond(i)));
      case 'not':
        return z.Not(this.cond(c.item));
      case 'compare':
        return this.compare(
          c.op,
          this.term(c.left),
          this.term(c.right),
          `${printExpression(c.left)} ${c.op} ${printExpression(c.right)}`,
        );
      case 'test':
        return this.truth(this.term(c.expr), c.expr);
    }
  }

  private bound(constraint: Bool<N>, says: string, kind: Bound['kind']): void {
    const lit = this.z.Bool.const(`$bound${this.bounds.length}`);
    this.hard.push(this.z.Implies(lit, constraint));
    this.bounds.push({ lit, says, kind });
  }

  private fact(name: string): FactSymbol {
    const known = this.facts.get(name);
    if (known) return known;
    const { z } = this;
    const def = this.catalogue.facts.get(name) as FactDefinition;
    // Only a fact without a default may be left out (given() false); one with a default always has a value.
    const optional = def.optional === true && def.default === undefined;
    const given = optional ? z.Bool.const(`given:${name}`) : z.Bool.val(true);
    const when = (c: Bool<N>) => (optional ? z.Implies(given, c) : c);
    const vars: FactSymbol['vars'] = [];
    let term: Term;
    switch (def.type) {
      case 'boolean': {
        const v = z.Bool.const(`f:${name}`);
        vars.push({ k: 'bool', v });
        term = { k: 'bool', v };
        break;
      }
      case 'number':
      case 'integer': {
        const whole = def.type === 'integer';
        const raw = whole ? z.Int.const(`f:${name}`) : z.Real.const(`f:${name}`);
        vars.push({ k: whole ? 'int' : 'real', v: raw });
        const v = whole ? z.ToReal(raw) : raw;
        if (def.min !== undefined) this.bound(when(v.ge(num(z, def.min))), `${name} ≥ ${def.min} (rules/facts.yaml)`, 'fact');
        if (def.max !== undefined) this.bound(when(v.le(num(z, def.max))), `${name} ≤ ${def.max} (rules/facts.yaml)`, 'fact');
        term = { k: 'num', v };
        break;
      }
      case 'enum': {
        const v = z.Int.const(`f:${name}`);
        vars.push({ k: 'str', v });
        this.hard.push(when(z.Or(...(def.values ?? []).map((x) => v.eq(this.code(x))))));
        term = { k: 'str', v };
        break;
      }
      case 'date': {
        const d = this.calendar.variable(`f:${name}`, when);
        // Read back as its month index and day of the month, the constants the solver gives values to.
        vars.push({ k: 'int', v: d.month as Arith<N> }, { k: 'int', v: d.day as Arith<N> });
        term = dateTerm(d);
        break;
      }
      case 'list': {
        const slots = (def.values ?? []).map((x): Slot => {
          const count = z.Int.const(`f:${name}:${x}`);
          vars.push({ k: 'int', v: count });
          this.hard.push(when(count.ge(0)));
          return { item: { k: 'str', v: this.code(x), lit: x }, count };
        });
        term = { k: 'list', slots };
        break;
      }
      case 'records': {
        const slots = recordKinds(def).map((kind, i): Slot => {
          const count = z.Int.const(`f:${name}:${i}`);
          vars.push({ k: 'int', v: count });
          this.hard.push(when(count.ge(0)));
          const fields: Record<string, Term> = {};
          for (const [field, value] of Object.entries(kind)) {
            fields[field] =
              typeof value === 'boolean' ? { k: 'bool', v: z.Bool.val(value) } : { k: 'str', v: this.code(value), lit: value };
          }
          return { item: { k: 'record', fields }, count };
        });
        term = { k: 'list', slots };
        break;
      }
    }
    const symbol = { name, def, term, given, vars };
    this.facts.set(name, symbol);
    return symbol;
  }

  /** A dated parameter: the value in force on the day asked about (free before its first row, when reading it fails). */
  private param(id: string): Term {
    const known = this.params.get(id);
    if (known) return known;
    const { z } = this;
    const v = z.Real.const(`p:${id}`);
    // Only the rows in force during the span: a parameter with one value there is a constant to the solver.
    const rows = (this.catalogue.parameters.get(id)?.values ?? []).filter((r) => r.from <= this.span.until);
    const first = rows.findLastIndex((r) => r.from <= this.span.from);
    const base = rows[first];
    let value: Arith<N> = base ? num(z, base.value) : z.Real.const(`p:${id}:before`);
    for (const row of rows.slice(first + 1)) value = z.If(this.date.ge(dayKey(row.from)), num(z, row.value), value) as Arith<N>;
    this.bound(v.eq(value), `${id} has its dated values (rules/parameters)`, 'parameter');
    const term: Term = { k: 'num', v };
    this.params.set(id, term);
    return term;
  }

  private define(name: string): Term | undefined {
    const known = this.defines.get(name);
    if (known) return known;
    const d = this.ir.defines.find((x) => x.name === name);
    if (!d) return undefined;
    const at = this.at;
    this.at = `define ${name}`;
    const t = this.term(d.expr);
    this.at = at;
    this.defines.set(name, t);
    return t;
  }

  /** The term of an expression; `locals` are the fields of an item inside count(), sum(), any(), all(). */
  term(e: Expr, locals?: Record<string, Term>): Term {
    const { z } = this;
    switch (e.k) {
      case 'num':
        return { k: 'num', v: z.Real.val({ numerator: e.value.n, denominator: e.value.d }) };
      case 'str':
        return { k: 'str', v: this.code(e.value), lit: e.value };
      case 'bool':
        return { k: 'bool', v: z.Bool.val(e.value) };
      case 'list':
        return { k: 'list', slots: e.items.map((i) => ({ item: this.term(i, locals), count: z.Int.val(1) })) };
      case 'name': {
        const local = locals?.[e.name];
        if (local) return local;
        if (e.name === DATE_NAME) return dateTerm(this.day);
        if (e.name.includes('.')) return this.param(e.name);
        const defined = this.define(e.name);
        if (defined) return defined;
        if (this.catalogue.facts.has(e.name)) return this.fact(e.name).term;
        return this.unknown(e, 'bool', 'an unknown name');
      }
      case 'unary': {
        const arg = this.term(e.arg, locals);
        if (e.op === 'not') return { k: 'bool', v: z.Not(this.truth(arg, e.arg)) };
        return arg.k === 'num'
          ? { k: 'num', v: arg.v.neg() }
          : this.unknown(e, 'num', 'a minus before a value that is not a number');
      }
      case 'binary':
        return this.binary(e, locals);
      case 'call':
        return this.call(e, locals);
    }
  }

  private binary(e: Expr & { k: 'binary' }, locals?: Record<string, Term>): Term {
    const { z } = this;
    const l = this.term(e.left, locals);
    const r = this.term(e.right, locals);
    switch (e.op) {
      case 'and':
        return { k: 'bool', v: z.And(this.truth(l, e.left), this.truth(r, e.right)) };
      case 'or':
        return { k: 'bool', v: z.Or(this.truth(l, e.left), this.truth(r, e.right)) };
      case '+':
      case '-':
      case '*':
      case '/': {
        if (l.k !== 'num' || r.k !== 'num') return this.unknown(e, 'num', 'arithmetic on values that are not numbers');
        const v = e.op === '+' ? l.v.add(r.v) : e.op === '-' ? l.v.sub(r.v) : e.op === '*' ? l.v.mul(r.v) : l.v.div(r.v);
        // Division by zero fails at run time; the solver's x / 0 is any number, which only allows more.
        return { k: 'num', v };
      }
      default:
        return { k: 'bool', v: this.compare(e.op, l, r, printExpression(e), locals) };
    }
  }

  /** A comparison as the evaluator makes it (src/expr/evaluate.ts compare()). */
  private compare(op: string, left: Term, right: Term, text: string, _locals?: Record<string, Term>): Bool<N> {
    const { z } = this;
    if (op === 'in' || op === 'not in') {
      if (right.k !== 'list') return this.unknownBool(text, '"in" with something that is not a list on its right');
      const has = this.member(left, right);
      if (!has) return this.unknownBool(text, 'a lookup of a value the solver cannot compare with the items');
      return op === 'in' ? has : z.Not(has);
    }
    const [l, r] = alike(this, left, right);
    if (op === '==' || op === '!=') {
      const eq = this.equal(l, r);
      if (!eq) return this.unknownBool(text, 'an equality of lists or records that is not a test for the empty list');
      return op === '==' ? eq : z.Not(eq);
    }
    const ordered = (l.k === 'num' && r.k === 'num') || (l.k === 'date' && r.k === 'date') || (l.k === 'str' && r.k === 'str');
    if (!ordered) return this.unknownBool(text, 'an order between values that are not both numbers, days or texts');
    const a = l.v as Arith<N>;
    const b = r.v as Arith<N>;
    return op === '<' ? a.lt(b) : op === '<=' ? a.le(b) : op === '>' ? a.gt(b) : a.ge(b);
  }

  /** Equality by value, or undefined where the solver cannot say it exactly. */
  private equal(l: Term, r: Term): Bool<N> | undefined {
    const { z } = this;
    if (l.k === 'bool' && r.k === 'bool') return l.v.eq(r.v);
    if ((l.k === 'num' && r.k === 'num') || (l.k === 'date' && r.k === 'date') || (l.k === 'str' && r.k === 'str')) {
      return (l.v as Arith<N>).eq(r.v as Arith<N>);
    }
    if (l.k === 'record' && r.k === 'record') {
      const keys = new Set([...Object.keys(l.fields), ...Object.keys(r.fields)]);
      const parts: Bool<N>[] = [];
      for (const k of keys) {
        const a = l.fields[k];
        const b = r.fields[k];
        if (!a || !b) return z.Bool.val(false);
        const eq = this.equal(...alike(this, a, b));
        if (!eq) return undefined;
        parts.push(eq);
      }
      return z.And(...parts);
    }
    if (l.k === 'list' && r.k === 'list') {
      // Lists are equal item by item, in order: only "is empty" is said exactly.
      if (l.slots.length === 0) return total(z, r).eq(0);
      if (r.slots.length === 0) return total(z, l).eq(0);
      return undefined;
    }
    if (l.k !== r.k && l.k !== 'list' && r.k !== 'list' && l.k !== 'record' && r.k !== 'record') return z.Bool.val(false);
    return undefined;
  }

  /** `item in list`: some slot holds it at least once. */
  private member(item: Term, list: Term & { k: 'list' }): Bool<N> | undefined {
    const { z } = this;
    const parts: Bool<N>[] = [];
    for (const s of list.slots) {
      const eq = this.equal(...alike(this, item, s.item));
      if (!eq) return undefined;
      parts.push(z.And(s.count.gt(0), eq));
    }
    return z.Or(...parts);
  }

  private call(e: Expr & { k: 'call' }, locals?: Record<string, Term>): Term {
    const { z } = this;
    const args = e.args;
    const arg = (i: number) => this.term(args[i] as Expr, locals);
    const each = (list: Term, pred: Expr, f: (s: Slot, value: Term) => void) => {
      if (list.k !== 'list') return false;
      for (const s of list.slots) f(s, this.term(pred, { ...locals, ...itemLocals(s.item) }));
      return true;
    };
    switch (e.fn) {
      case 'min':
      case 'max': {
        const terms = args.map((_, i) => arg(i));
        let best: Term | undefined;
        for (const t of terms) {
          if (!best) {
            best = t;
            continue;
          }
          const [a, b] = alike(this, t, best);
          if (!((a.k === 'num' && b.k === 'num') || (a.k === 'date' && b.k === 'date'))) {
            return this.unknown(e, 'num', `${e.fn}() of values that are not numbers or days`);
          }
          const better = e.fn === 'max' ? (a.v as Arith<N>).gt(b.v as Arith<N>) : (a.v as Arith<N>).lt(b.v as Arith<N>);
          best = { k: a.k, v: z.If(better, a.v as Arith<N>, b.v as Arith<N>) as Arith<N> };
        }
        return best ?? this.unknown(e, 'num', `${e.fn}() of nothing`);
      }
      case 'if': {
        const c = this.truth(arg(0), args[0] as Expr);
        return this.choose(c, arg(1), arg(2), e);
      }
      case 'count': {
        const list = arg(0);
        if (list.k !== 'list') return this.unknown(e, 'num', 'count() of something that is not a list');
        if (!args[1]) return { k: 'num', v: z.ToReal(total(z, list)) };
        const parts: Arith<N>[] = [];
        each(list, args[1], (s, held) => {
          parts.push(z.If(this.truth(held, args[1] as Expr), s.count, z.Int.val(0)) as Arith<N>);
        });
        return { k: 'num', v: z.ToReal(sum(z, parts)) };
      }
      case 'sum': {
        const list = arg(0);
        const parts: Arith<N>[] = [];
        let fine = true;
        each(list, args[1] as Expr, (s, amount) => {
          if (amount.k !== 'num') fine = false;
          else parts.push(z.ToReal(s.count).mul(amount.v));
        });
        if (list.k !== 'list' || !fine) return this.unknown(e, 'num', 'sum() of something that is not a list of numbers');
        return { k: 'num', v: parts.length ? z.Sum(parts[0] as Arith<N>, ...parts.slice(1)) : z.Real.val(0) };
      }
      case 'any':
      case 'all': {
        const list = arg(0);
        const parts: Bool<N>[] = [];
        each(list, args[1] as Expr, (s, held) => {
          const h = this.truth(held, args[1] as Expr);
          parts.push(e.fn === 'any' ? z.And(s.count.gt(0), h) : z.Implies(s.count.gt(0), h));
        });
        if (list.k !== 'list') return this.unknown(e, 'bool', `${e.fn}() of something that is not a list`);
        return { k: 'bool', v: e.fn === 'any' ? z.Or(...parts) : z.And(...parts) };
      }
      case 'overlaps': {
        const a = arg(0);
        const b = arg(1);
        if (a.k !== 'list' || b.k !== 'list') return this.unknown(e, 'bool', 'overlaps() of something that is not a list');
        const parts: Bool<N>[] = [];
        for (const s of a.slots) {
          const has = this.member(s.item, b);
          if (!has) return this.unknown(e, 'bool', 'overlaps() of items the solver cannot compare');
          parts.push(z.And(s.count.gt(0), has));
        }
        return { k: 'bool', v: z.Or(...parts) };
      }
      case 'percent': {
        const p = arg(0);
        const x = arg(1);
        if (p.k !== 'num' || x.k !== 'num') return this.unknown(e, 'num', 'percent() of values that are not numbers');
        return { k: 'num', v: p.v.mul(x.v).div(100) };
      }
      case 'floor': {
        const x = arg(0);
        if (x.k !== 'num') return this.unknown(e, 'num', 'floor() of a value that is not a number');
        return { k: 'num', v: z.ToReal(z.ToInt(x.v)) };
      }
      case 'add_days':
      case 'add_months': {
        const [d, n] = [this.asDate(arg(0)), arg(1)];
        // A fraction of a month fails at run time; ToInt rounds it down, which only allows more.
        if (!d || n.k !== 'num') return this.unknown(e, 'date', `${e.fn}() of a value that is not a day and a number`);
        const whole = z.ToInt(n.v);
        return dateTerm(e.fn === 'add_days' ? this.calendar.addDays(d, whole) : this.calendar.addMonths(d, whole));
      }
      case 'days_between': {
        const [a, b] = [this.asDate(arg(0)), this.asDate(arg(1))];
        if (!a || !b) return this.unknown(e, 'num', 'days_between() of values that are not days');
        return { k: 'num', v: z.ToReal(this.calendar.daysBetween(a, b)) };
      }
      case 'year': {
        const d = this.asDate(arg(0));
        if (!d) return this.unknown(e, 'num', 'year() of a value that is not a day');
        return { k: 'num', v: z.ToReal(this.calendar.year(d)) };
      }
      case 'days_in_month': {
        const d = this.asDate(arg(0));
        if (!d) return this.unknown(e, 'num', 'days_in_month() of a value that is not a day');
        return { k: 'num', v: z.ToReal(this.calendar.monthLength(d)) };
      }
      case 'given': {
        const a = args[0];
        const fact = a?.k === 'name' && !locals?.[a.name] ? this.facts.get(a.name) : undefined;
        // given() is true for a fact given or defaulted; anything else is never "given".
        return { k: 'bool', v: fact ? fact.given : z.Bool.val(false) };
      }
      default:
        return this.unknown(e, 'bool', `the function ${e.fn}() has no translation`);
    }
  }

  private asDate(t: Term): DayTerm<N> | undefined {
    if (t.k === 'date') return { key: t.v, ...(t.month ? { month: t.month } : {}), ...(t.day ? { day: t.day } : {}) };
    if (t.k === 'str' && t.lit !== undefined && isDateLiteral(t.lit)) return this.calendar.literal(t.lit);
    return undefined;
  }

  /** A text literal written as a day, as the day it names. */
  literalDay(lit: string): Term {
    return dateTerm(this.calendar.literal(lit));
  }

  /** if(c, a, b) for every kind of value; lists keep the slots of both branches, each counted only on its side. */
  private choose(c: Bool<N>, a: Term, b: Term, e: Expr): Term {
    const { z } = this;
    const [x, y] = alike(this, a, b);
    if (x.k === 'bool' && y.k === 'bool') return { k: 'bool', v: z.If(c, x.v, y.v) as Bool<N> };
    if ((x.k === 'num' || x.k === 'date' || x.k === 'str') && x.k === y.k) {
      return { k: x.k, v: z.If(c, x.v, y.v as Arith<N>) as Arith<N> } as Term;
    }
    if (x.k === 'list' && y.k === 'list') {
      const zero = z.Int.val(0);
      return {
        k: 'list',
        slots: [
          ...x.slots.map((s) => ({ item: s.item, count: z.If(c, s.count, zero) as Arith<N> })),
          ...y.slots.map((s) => ({ item: s.item, count: z.If(c, zero, s.count) as Arith<N> })),
        ],
      };
    }
    return this.unknown(
      e,
      a.k === 'num' || a.k === 'date' || a.k === 'bool' ? a.k : 'bool',
      'if() of values the solver cannot join',
    );
  }

  /** A term that must be true or false (a condition); anything else is never === true at run time. */
  private truth(t: Term, e: Expr): Bool<N> {
    if (t.k === 'bool') return t.v;
    return this.unknownBool(printExpression(e), 'a condition that is not true or false');
  }

  private unknown(e: Expr, k: 'bool' | 'num' | 'date', reason: string): Term {
    const text = printExpression(e);
    if (k === 'bool') return { k: 'bool', v: this.unknownBool(text, reason) };
    const key = `${k}:${text}`;
    const known = this.fresh.get(key);
    if (known) return known;
    this.approximations.push({ at: this.at, expression: text, reason });
    const v = k === 'num' ? this.z.Real.const(`$free${this.fresh.size}`) : this.z.Int.const(`$free${this.fresh.size}`);
    const t: Term = { k, v };
    this.fresh.set(key, t);
    return t;
  }

  /** One fresh truth value per expression text: the same text evaluates alike in one decision. */
  private unknownBool(text: string, reason: string): Bool<N> {
    const key = `bool:${text}`;
    const known = this.fresh.get(key);
    if (known?.k === 'bool') return known.v;
    this.approximations.push({ at: this.at, expression: text, reason });
    const v = this.z.Bool.const(`$free${this.fresh.size}`);
    this.fresh.set(key, { k: 'bool', v });
    return v;
  }
}

/** Turns a text written as a day into a day when the other side is a day, as the evaluator compares them. */
function alike(t: Translator, a: Term, b: Term): [Term, Term] {
  const asDay = (x: Term): Term => (x.k === 'str' && x.lit !== undefined && isDateLiteral(x.lit) ? t.literalDay(x.lit) : x);
  if (a.k === 'date' && b.k === 'str') return [a, asDay(b)];
  if (b.k === 'date' && a.k === 'str') return [asDay(a), b];
  return [a, b];
}

function dateTerm(d: DayTerm<N>): Term {
  return { k: 'date', v: d.key, ...(d.month ? { month: d.month } : {}), ...(d.day ? { day: d.day } : {}) };
}

function itemLocals(item: Term): Record<string, Term> {
  return item.k === 'record' ? item.fields : { item };
}

function total(z: Context<N>, list: Term & { k: 'list' }): Arith<N> {
  return sum(
    z,
    list.slots.map((s) => s.count),
  );
}

function sum(z: Context<N>, parts: Arith<N>[]): Arith<N> {
  return parts.length ? z.Sum(parts[0] as Arith<N>, ...parts.slice(1)) : z.Int.val(0);
}

function num(z: Context<N>, value: number): Arith<N> {
  const r = rat(value);
  return z.Real.val({ numerator: r.n, denominator: r.d });
}

function enumValues(def: FactDefinition | undefined): string[] {
  if (!def) return [];
  return [...(def.values ?? []), ...Object.values(def.fields ?? {}).flatMap((f) => f.values ?? [])];
}

/** Every kind of record a records fact can hold: each combination of its fields' values. */
export function recordKinds(def: FactDefinition): Record<string, string | boolean>[] {
  let kinds: Record<string, string | boolean>[] = [{}];
  for (const [name, field] of Object.entries(def.fields ?? {})) {
    const values: (string | boolean)[] = field.type === 'boolean' ? [false, true] : (field.values ?? []);
    kinds = kinds.flatMap((k) => values.map((v) => ({ ...k, [name]: v })));
  }
  return kinds;
}
