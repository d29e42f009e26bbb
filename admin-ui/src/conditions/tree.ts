import type { ComparisonOp } from '../../../src/expr/ast.ts';

export type { ComparisonOp } from '../../../src/expr/ast.ts';
export { COMPARISONS } from '../../../src/expr/ast.ts';

/** `all` (every item holds) or `any` (at least one does): json-rules-engine's groups, `and` / `or` in the compact form. */
export interface GroupNode {
  kind: 'all' | 'any';
  items: ConditionNode[];
}

/** `not`: the item does not hold. */
export interface NotNode {
  kind: 'not';
  item: ConditionNode;
}

/** `left op right`, each side an expression in the language's text (`help_profile`, `"III"`, `pai.total_months`). */
export interface ComparisonNode {
  kind: 'comparison';
  left: string;
  op: ComparisonOp;
  right: string;
}

/** A condition that is true or false by itself: a boolean fact (`registered_unemployed`), `given(x)`, `overlaps(…)`. */
export interface TestNode {
  kind: 'test';
  expr: string;
}

/** A leaf: what one row of the builder edits. */
export type LeafNode = ComparisonNode | TestNode;

/** A rule's condition as the builder shows it: one element per node. */
export type ConditionNode = GroupNode | NotNode | LeafNode;

/** True for the nodes that hold no other node. */
export function isLeaf(node: ConditionNode): node is LeafNode {
  return node.kind === 'comparison' || node.kind === 'test';
}

/** A new, empty comparison row, as "add condition" makes it. */
export function blankComparison(): ComparisonNode {
  return { kind: 'comparison', left: '', op: '==', right: '' };
}

/** A new group holding one empty row, as "add group" makes it; it is `any` inside an `all` and vice versa. */
export function blankGroup(parent: GroupNode['kind']): GroupNode {
  return { kind: parent === 'all' ? 'any' : 'all', items: [blankComparison()] };
}

/** The root the builder edits is always a group: a single condition shows as a group of one. */
export function asRootGroup(node: ConditionNode | undefined): GroupNode {
  if (!node) return { kind: 'all', items: [] };
  return node.kind === 'all' || node.kind === 'any' ? node : { kind: 'all', items: [node] };
}

/** `items` with the item at `from` moved to `to` (both in range). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [moved] = out.splice(from, 1);
  if (moved !== undefined) out.splice(to, 0, moved);
  return out;
}

/** Wraps a node in `not`, or unwraps a `not`. */
export function toggleNot(node: ConditionNode): ConditionNode {
  return node.kind === 'not' ? node.item : { kind: 'not', item: node };
}
