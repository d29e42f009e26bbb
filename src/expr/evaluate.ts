import type { Expr } from './ast.ts';
import { ExprEvalError } from './errors.ts';
import { type Evaluator, FUNCTIONS } from './functions.ts';
import { asNumber } from './guards.ts';
import { compareValues, listHas, type Value, valuesEqual } from './value.ts';

/** Where an evaluation finds the value of a free name (fact, parameter, definition or `date`). */
export interface Scope {
  get(name: string): Value;
  has(name: string): boolean;
}

/** Evaluates a checked expression. Pure: it reads the scope and nothing else. */
export function evaluate(expr: Expr, scope: Scope, locals?: Record<string, Value>): Value {
  const ev: Evaluator = {
    run: (e, l) => evaluate(e, scope, l),
    given: (name) => scope.has(name),
  };
  switch (expr.k) {
    case 'num':
    case 'str':
    case 'bool':
      return expr.value;
    case 'name':
      if (locals && expr.name in locals) return locals[expr.name];
      return scope.get(expr.name);
    case 'list':
      return expr.items.map((item) => evaluate(item, scope, locals));
    case 'unary': {
      const v = evaluate(expr.arg, scope, locals);
      if (expr.op === 'not') return v !== true;
      return asNumber(v, expr.arg.pos).neg();
    }
    case 'binary':
      return binary(expr, scope, locals);
    case 'call': {
      const fn = FUNCTIONS[expr.fn];
      if (!fn) throw new ExprEvalError(`unknown function ${expr.fn}`, expr.pos);
      return fn.evaluate(expr.args, ev, locals, expr);
    }
  }
}

function binary(expr: Expr & { k: 'binary' }, scope: Scope, locals?: Record<string, Value>): Value {
  const { op } = expr;
  const l = evaluate(expr.left, scope, locals);
  if (op === 'and') return l === true && evaluate(expr.right, scope, locals) === true;
  if (op === 'or') return l === true || evaluate(expr.right, scope, locals) === true;
  const r = evaluate(expr.right, scope, locals);
  switch (op) {
    case '+':
      return asNumber(l, expr.left.pos).add(asNumber(r, expr.right.pos));
    case '-':
      return asNumber(l, expr.left.pos).sub(asNumber(r, expr.right.pos));
    case '*':
      return asNumber(l, expr.left.pos).mul(asNumber(r, expr.right.pos));
    case '/': {
      const d = asNumber(r, expr.right.pos);
      if (d.n === 0n) throw new ExprEvalError('division by zero', expr.right.pos);
      return asNumber(l, expr.left.pos).div(d);
    }
    default:
      return compare(op, l, r);
  }
}

/** Applies a comparison operator; shared by the evaluator and the rules-engine operators. */
export function compare(op: string, l: Value, r: Value): boolean {
  switch (op) {
    case '==':
      return valuesEqual(l, r);
    case '!=':
      return !valuesEqual(l, r);
    case '<':
      return compareValues(l, r) < 0;
    case '<=':
      return compareValues(l, r) <= 0;
    case '>':
      return compareValues(l, r) > 0;
    case '>=':
      return compareValues(l, r) >= 0;
    case 'in':
      return listHas(r, l);
    case 'not in':
      return !listHas(r, l);
    default:
      throw new Error(`unknown comparison ${op}`);
  }
}
