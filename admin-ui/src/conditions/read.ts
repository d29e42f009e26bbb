import { type Expr, isComparison } from '../../../src/expr/ast.ts';
import { ExprSyntaxError } from '../../../src/expr/errors.ts';
import { parseExpression } from '../../../src/expr/parser.ts';
import { printExpression } from '../../../src/expr/print.ts';
import { JRE_TO_OP } from '../../../src/load/compile-condition.ts';
import type { ConditionNode } from './tree.ts';

/**
 * Reads a compact condition into nodes: `a and b and c` is an `all` of three, `or` an `any`, `not x` a `not`,
 * `x op y` a comparison, anything else a test. Text that does not parse stays one test node, shown with its error.
 * Leaves are printed back in the language's canonical spelling (`'III'` becomes `"III"`).
 */
export function expressionToTree(text: string): ConditionNode {
  let expr: Expr;
  try {
    expr = parseExpression(text);
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { kind: 'test', expr: text };
    throw e;
  }
  return fromExpr(expr);
}

function fromExpr(expr: Expr): ConditionNode {
  if (expr.k === 'binary' && (expr.op === 'and' || expr.op === 'or')) {
    const kind = expr.op === 'and' ? 'all' : 'any';
    // One chain `a and b and c` is one group, as the engine's compiler reads it.
    const items = [fromExpr(expr.left), fromExpr(expr.right)].flatMap((n) => (n.kind === kind ? n.items : [n]));
    return { kind, items };
  }
  if (expr.k === 'unary' && expr.op === 'not') return { kind: 'not', item: fromExpr(expr.arg) };
  if (expr.k === 'binary' && isComparison(expr.op)) {
    return { kind: 'comparison', left: printExpression(expr.left), op: expr.op, right: printExpression(expr.right) };
  }
  return { kind: 'test', expr: printExpression(expr) };
}

/**
 * Reads a rule's `when` as YAML gives it (compact text, or `all` / `any` / `not` / `fact` mappings) into nodes;
 * undefined when there is none. A json-rules-engine leaf `{ fact, operator, value }` becomes a comparison.
 */
export function conditionToTree(cond: unknown): ConditionNode | undefined {
  if (cond === undefined || cond === null) return undefined;
  if (typeof cond === 'string') return expressionToTree(cond);
  if (typeof cond !== 'object' || Array.isArray(cond)) return { kind: 'test', expr: String(cond) };
  const o = cond as Record<string, unknown>;
  for (const kind of ['all', 'any'] as const) {
    if (Array.isArray(o[kind])) {
      const items = (o[kind] as unknown[]).map(conditionToTree).filter((n) => n !== undefined);
      return { kind, items };
    }
  }
  if ('not' in o) {
    const item = conditionToTree(o.not);
    return item && { kind: 'not', item };
  }
  if (typeof o.fact === 'string' && typeof o.operator === 'string' && o.operator in JRE_TO_OP) {
    const operator = o.operator as keyof typeof JRE_TO_OP;
    const value = literal(o.value);
    const swap = operator === 'contains' || operator === 'doesNotContain';
    return { kind: 'comparison', left: swap ? value : o.fact, op: JRE_TO_OP[operator], right: swap ? o.fact : value };
  }
  return undefined;
}

/** A json-rules-engine value in the compact form's spelling: `"III"`, `12`, `true`, `["a", "b"]`, or a fact's name. */
function literal(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (v && typeof v === 'object' && typeof (v as { fact?: unknown }).fact === 'string') return (v as { fact: string }).fact;
  if (typeof v === 'string') return printExpression({ k: 'str', value: v, pos: 0, end: 0 });
  return String(v);
}
