import type { Expr } from '../../../src/expr/ast.ts';
import { ExprSyntaxError } from '../../../src/expr/errors.ts';
import { parseExpression } from '../../../src/expr/parser.ts';
import type { ConditionNode } from './tree.ts';

/** Functions whose later arguments read the fields of each item (or `item`), not names of the rule set. */
const PER_ITEM = new Set(['count', 'sum', 'any', 'all']);

/**
 * A problem of one expression field. An `error` keeps the YAML from being written (the field is empty or does not
 * parse); a `warning` names what the server will also reject, but the text can be written.
 */
export type FieldProblem =
  | { key: 'conditions.error.empty'; severity: 'error' }
  | { key: 'conditions.error.syntax'; severity: 'error'; column: number; detail: string }
  | { key: 'conditions.error.unknownName'; severity: 'warning'; name: string };

/** Checks one expression with the core parser and, when `known` is given, that it reads only known names. */
export function expressionProblem(text: string, known?: ReadonlySet<string>): FieldProblem | undefined {
  if (text.trim() === '') return { key: 'conditions.error.empty', severity: 'error' };
  let expr: Expr;
  try {
    expr = parseExpression(text);
  } catch (e) {
    if (!(e instanceof ExprSyntaxError)) throw e;
    return { key: 'conditions.error.syntax', severity: 'error', column: e.pos + 1, detail: e.message };
  }
  const unknown = known && known.size > 0 ? freeNames(expr).find((n) => !known.has(n)) : undefined;
  return unknown ? { key: 'conditions.error.unknownName', severity: 'warning', name: unknown } : undefined;
}

/** The names an expression reads from the rule set, leaving out the per-item fields of `count(list, …)` and the like. */
function freeNames(e: Expr, out: string[] = []): string[] {
  switch (e.k) {
    case 'name':
      out.push(e.name);
      break;
    case 'list':
      for (const i of e.items) freeNames(i, out);
      break;
    case 'unary':
      freeNames(e.arg, out);
      break;
    case 'binary':
      freeNames(e.left, out);
      freeNames(e.right, out);
      break;
    case 'call':
      for (const a of PER_ITEM.has(e.fn) ? e.args.slice(0, 1) : e.args) freeNames(a, out);
      break;
  }
  return out;
}

/** True when every leaf of the tree parses, so it can be written to the YAML. */
export function isWritable(node: ConditionNode): boolean {
  const ok = (text: string) => expressionProblem(text)?.severity !== 'error';
  switch (node.kind) {
    case 'test':
      return ok(node.expr);
    case 'comparison':
      return ok(node.left) && ok(node.right);
    case 'not':
      return isWritable(node.item);
    default:
      return node.items.every(isWritable);
  }
}
