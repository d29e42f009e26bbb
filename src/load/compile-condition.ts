import type { Expr } from '../expr/ast.ts';
import { isComparison } from '../expr/ast.ts';
import type { IrCondition } from '../ir/types.ts';
import type { Condition } from '../schema/ruleset.ts';
import type { ExpressionContext } from './expression-context.ts';
import type { Path } from './yaml-source.ts';

/** json-rules-engine's operator names as comparisons of the compact form (contains swaps its sides). */
export const JRE_TO_OP = {
  equal: '==',
  notEqual: '!=',
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
  in: 'in',
  notIn: 'not in',
  contains: 'in',
  doesNotContain: 'not in',
} as const;

/** Compiles a condition (compact text or json-rules-engine form) to the intermediate form. */
export function compileCondition(cond: Condition, path: Path, ctx: ExpressionContext): IrCondition | undefined {
  if (typeof cond === 'string') {
    const checked = ctx.expression(cond, path);
    if (!checked) return undefined;
    if (checked.type.k !== 'boolean' && checked.type.k !== 'any') {
      ctx.report('TYPE_MISMATCH', `a condition must be true or false, and "${cond}" is not`, path);
      return undefined;
    }
    return fromExpr(checked.expr, cond);
  }
  if ('all' in cond || 'any' in cond) {
    const key = 'all' in cond ? 'all' : 'any';
    const list = 'all' in cond ? cond.all : cond.any;
    const items = list.map((c, i) => compileCondition(c, [...path, key, i], ctx));
    return items.every((i) => i !== undefined) ? { k: key, items: items as IrCondition[] } : undefined;
  }
  if ('not' in cond) {
    const item = compileCondition(cond.not, [...path, 'not'], ctx);
    return item && { k: 'not', item };
  }
  return fromJreLeaf(cond, path, ctx);
}

/** Splits a boolean expression at and / or / not, so each leaf is a condition a lawyer can read alone. */
function fromExpr(expr: Expr, source: string): IrCondition {
  const text = source.slice(expr.pos, expr.end);
  if (expr.k === 'binary' && (expr.op === 'and' || expr.op === 'or')) {
    const k = expr.op === 'and' ? 'all' : 'any';
    const items = [fromExpr(expr.left, source), fromExpr(expr.right, source)].flatMap((c) => (c.k === k ? c.items : [c]));
    return { k, items };
  }
  if (expr.k === 'unary' && expr.op === 'not') return { k: 'not', item: fromExpr(expr.arg, source) };
  if (expr.k === 'binary' && isComparison(expr.op))
    return { k: 'compare', op: expr.op, left: expr.left, right: expr.right, text };
  return { k: 'test', expr, text };
}

function fromJreLeaf(cond: Extract<Condition, { fact: string }>, path: Path, ctx: ExpressionContext): IrCondition | undefined {
  const op = JRE_TO_OP[cond.operator];
  const v = cond.value;
  const shown = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { fact: string }).fact : JSON.stringify(v);
  const swap = cond.operator === 'contains' || cond.operator === 'doesNotContain';
  const text = swap ? `${shown} ${op} ${cond.fact}` : `${cond.fact} ${op} ${shown}`;
  // The same parser and checker as the compact form, so both forms obey one set of rules.
  const checked = ctx.expression(text, path, { located: false });
  return checked && fromExpr(checked.expr, text);
}
