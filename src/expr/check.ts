import type { Expr } from './ast.ts';
import { didYouMean, type ExprProblem } from './diagnostics.ts';
import { FUNCTIONS } from './functions.ts';
import { comparable, isDateLiteral, T, type Type, typeName, unify } from './types.ts';

/** Resolves a free name to its type, or reports it and returns undefined. */
export type NameResolver = (name: string, node: Expr & { k: 'name' }) => Type | undefined;

/**
 * Type-checks expressions against the facts catalogue, parameters and definitions.
 * Every problem is collected, so a rule author sees all of them at once.
 */
export class Checker {
  readonly problems: ExprProblem[] = [];

  constructor(private readonly resolve: NameResolver) {}

  problem(code: string, message: string, node: { pos: number; end: number }, hint?: string): void {
    this.problems.push({ code, message, pos: node.pos, end: node.end, ...(hint ? { hint } : {}) });
  }

  /** The type of `expr`; `locals` are item fields inside a predicate such as `count(founders, …)`. */
  check(expr: Expr, locals?: Record<string, Type>): Type {
    switch (expr.k) {
      case 'num':
        return { k: 'number', integer: expr.value.isInteger() };
      case 'str':
        return { k: 'string', literal: expr.value };
      case 'bool':
        return T.boolean;
      case 'name': {
        const local = locals?.[expr.name];
        if (local) return local;
        return this.resolve(expr.name, expr) ?? T.any;
      }
      case 'list': {
        let of: Type = T.any;
        for (const item of expr.items) {
          const t = this.check(item, locals);
          const u = unify(of, t);
          if (!u) this.problem('TYPE_MISMATCH', `a list cannot mix ${typeName(of)} and ${typeName(t)}`, item);
          else of = u;
        }
        return T.list(of);
      }
      case 'unary': {
        const want = expr.op === 'not' ? T.boolean : T.number;
        this.expect(expr.arg, want, locals, `"${expr.op}" needs a ${typeName(want)}`);
        return want;
      }
      case 'binary':
        return this.binary(expr, locals);
      case 'call': {
        const fn = FUNCTIONS[expr.fn];
        if (!fn) {
          this.problem(
            'UNKNOWN_FUNCTION',
            `"${expr.fn}" is not a function${didYouMean(expr.fn, Object.keys(FUNCTIONS))}`,
            { pos: expr.pos, end: expr.fnEnd },
            `Functions: ${Object.keys(FUNCTIONS).join(', ')}.`,
          );
          for (const a of expr.args) this.check(a, locals);
          return T.any;
        }
        if (expr.args.length < fn.minArgs || expr.args.length > fn.maxArgs) {
          const n = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
          this.problem('WRONG_ARGUMENTS', `${expr.fn}() takes ${n} arguments, not ${expr.args.length}`, expr, fn.usage);
          return T.any;
        }
        return fn.check(expr.args, this, locals, expr);
      }
    }
  }

  /** Checks that `expr` has type `want`, reporting `message` otherwise. */
  expect(expr: Expr, want: Type, locals: Record<string, Type> | undefined, message: string): Type {
    const t = this.check(expr, locals);
    if (t.k !== 'any' && !comparable(t, want)) this.problem('TYPE_MISMATCH', `${message}, not a ${typeName(t)}`, expr);
    return t;
  }

  /** Reports a text literal that is not among an enumeration's values. */
  enumLiteral(expr: Expr, t: Type, other: Type): void {
    if (expr.k !== 'str' || other.k !== 'string' || !other.values) return;
    if (t.k === 'string' && !other.values.includes(expr.value)) {
      this.problem(
        'UNKNOWN_VALUE',
        `"${expr.value}" is not a possible value${didYouMean(expr.value, other.values)}`,
        expr,
        `Possible values: ${other.values.join(', ')}.`,
      );
    }
  }

  private binary(expr: Expr & { k: 'binary' }, locals?: Record<string, Type>): Type {
    const { op, left, right } = expr;
    if (op === 'and' || op === 'or') {
      this.expect(left, T.boolean, locals, `"${op}" joins conditions`);
      this.expect(right, T.boolean, locals, `"${op}" joins conditions`);
      return T.boolean;
    }
    if (op === '+' || op === '-' || op === '*' || op === '/') {
      const l = this.expect(left, T.number, locals, `"${op}" needs numbers`);
      const r = this.expect(right, T.number, locals, `"${op}" needs numbers`);
      const integer = op !== '/' && l.k === 'number' && r.k === 'number' && Boolean(l.integer && r.integer);
      return { k: 'number', integer };
    }
    const l = this.check(left, locals);
    const r = this.check(right, locals);
    if (op === 'in' || op === 'not in') {
      if (r.k !== 'list' && r.k !== 'any') {
        this.problem('TYPE_MISMATCH', `"${op}" needs a list on its right, not a ${typeName(r)}`, right);
      } else if (r.k === 'list') {
        if (!comparable(l, r.of)) {
          this.problem('TYPE_MISMATCH', `a ${typeName(l)} cannot be looked up in a ${typeName(r)}`, expr);
        }
        this.enumLiteral(left, l, r.of);
        if (right.k === 'list') for (const item of right.items) this.enumLiteral(item, { k: 'string' }, l);
      }
      return T.boolean;
    }
    if (!comparable(l, r)) {
      this.problem('TYPE_MISMATCH', `a ${typeName(l)} cannot be compared with a ${typeName(r)}`, expr);
    } else if (op !== '==' && op !== '!=' && !orderable(l) && !orderable(r)) {
      this.problem('TYPE_MISMATCH', `"${op}" orders numbers or days, not a ${typeName(l)}`, expr);
    }
    this.enumLiteral(right, r, l);
    this.enumLiteral(left, l, r);
    return T.boolean;
  }
}

function orderable(t: Type): boolean {
  return t.k === 'number' || t.k === 'date' || (t.k === 'string' && t.literal !== undefined && isDateLiteral(t.literal));
}
