import type { Expr } from '../../../src/expr/ast.ts';
import { parseExpression } from '../../../src/expr/parser.ts';
import { printExpression } from '../../../src/expr/print.ts';
import type { Condition } from '../../../src/schema/ruleset.ts';
import { type ConditionNode, isLeaf } from './tree.ts';

const AT = { pos: 0, end: 0 };

/**
 * Drops what cannot be written: empty groups (and a `not` of nothing), and a group of one stands for its item.
 * Undefined when nothing is left, which means the rule has no `when`.
 */
export function simplify(node: ConditionNode): ConditionNode | undefined {
  if (node.kind === 'not') {
    const item = simplify(node.item);
    return item && { kind: 'not', item };
  }
  if (node.kind === 'all' || node.kind === 'any') {
    const items = node.items.map(simplify).filter((n) => n !== undefined);
    if (items.length === 0) return undefined;
    return items.length === 1 ? items[0] : { kind: node.kind, items };
  }
  return node;
}

/** A leaf, or `not` of a leaf: what reads well inside one line of `and` / `or`. */
const isSimple = (n: ConditionNode) => isLeaf(n) || (n.kind === 'not' && isLeaf(n.item));

/**
 * True when the node is written as one compact line: a leaf, `not` of a leaf, or one `and` / `or` chain of those.
 * Anything nested deeper is written as `all:` / `any:` / `not:` mappings, as a lawyer would lay it out.
 */
export function isCompact(node: ConditionNode): boolean {
  return isSimple(node) || ((node.kind === 'all' || node.kind === 'any') && node.items.every(isSimple));
}

/**
 * The expression a node stands for, parsing each leaf's text. Throws the parser's ExprSyntaxError on a leaf that
 * does not parse (check leaves first with `leafProblem`).
 */
export function toExpr(node: ConditionNode): Expr {
  switch (node.kind) {
    case 'test':
      return parseExpression(node.expr);
    case 'comparison':
      return { k: 'binary', op: node.op, left: parseExpression(node.left), right: parseExpression(node.right), ...AT };
    case 'not':
      return { k: 'unary', op: 'not', arg: toExpr(node.item), ...AT };
    case 'all':
    case 'any': {
      const op = node.kind === 'all' ? 'and' : 'or';
      const [first, ...rest] = node.items.map(toExpr);
      if (!first) return { k: 'bool', value: node.kind === 'all', ...AT };
      return rest.reduce<Expr>((left, right) => ({ k: 'binary', op, left, right, ...AT }), first);
    }
  }
}

/**
 * What to write under `when:` for a tree: compact text when {@link isCompact}, else mappings whose compact
 * parts are text (`all: [registered_unemployed, "a or b"]`). Undefined when the tree is empty.
 */
export function toCondition(tree: ConditionNode): Condition | undefined {
  const node = simplify(tree);
  return node && write(node);
}

function write(node: ConditionNode): Condition {
  if (isCompact(node)) return printExpression(toExpr(node));
  if (node.kind === 'not') return { not: write(node.item) };
  if (node.kind === 'all') return { all: node.items.map(write) };
  if (node.kind === 'any') return { any: node.items.map(write) };
  return printExpression(toExpr(node));
}
