import type { BinaryOp, Expr } from '../../../src/expr/ast.ts';
import { parseExpression } from '../../../src/expr/parser.ts';
import { JRE_TO_OP } from '../../../src/load/compile-condition.ts';
import { rat } from '../../../src/money/rational.ts';
import type { Lexicon } from '../shared/law/lexicon.ts';
import { fill, type Sentence } from '../shared/law/parts.ts';
import { ExpressionWords } from './expression-words.ts';

/** A condition of a rule as a rule set holds it: compact text, or json-rules-engine's all / any / not / fact form. */
export type Condition =
  | string
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; operator: string; value: unknown };

/** A condition as a lawyer reads it: groups ("wszystkie z:", "co najmniej jedno z:", "nie:") of sentences. */
export type ConditionNode =
  | { kind: 'all' | 'any'; items: ConditionNode[] }
  | { kind: 'not'; item: ConditionNode }
  | { kind: 'leaf'; sentence: Sentence };

/**
 * A condition as a tree of sentences in the UI's language, names by their catalogue labels:
 * `unexcused_absence_days > 3` → leaf "Dni nieusprawiedliwionej nieobecności: więcej niż 3";
 * `a and b` → all of [a, b]; `not given(x)` → "nie podano: x". Text that does not parse becomes one leaf quoting it.
 */
export function conditionTree(cond: Condition, lex: Lexicon): ConditionNode {
  const words = new ExpressionWords(lex);
  if (typeof cond === 'string') {
    try {
      return fromExpr(parseExpression(cond), words);
    } catch {
      return { kind: 'leaf', sentence: fill('cond.unreadable', { source: [cond] }) };
    }
  }
  if ('all' in cond)
    return group(
      'all',
      cond.all.map((c) => conditionTree(c, lex)),
    );
  if ('any' in cond)
    return group(
      'any',
      cond.any.map((c) => conditionTree(c, lex)),
    );
  if ('not' in cond) return negate(conditionTree(cond.not, lex));
  return fromExpr(jreLeaf(cond), words);
}

/** A parsed expression that is a condition as a tree: chains of and / or become groups. */
export function fromExpr(expr: Expr, words: ExpressionWords): ConditionNode {
  if (expr.k === 'binary' && (expr.op === 'and' || expr.op === 'or')) {
    const kind = expr.op === 'and' ? 'all' : 'any';
    return group(kind, [fromExpr(expr.left, words), fromExpr(expr.right, words)]);
  }
  if (expr.k === 'unary' && expr.op === 'not') {
    const arg = expr.arg;
    if (arg.k === 'name') return { kind: 'leaf', sentence: fill('cond.false', { subject: words.phrase(arg) }) };
    if (arg.k === 'call' && arg.fn === 'given' && arg.args[0])
      return { kind: 'leaf', sentence: fill('cond.notGiven', { subject: words.phrase(arg.args[0]) }) };
    return negate(fromExpr(arg, words));
  }
  return { kind: 'leaf', sentence: leaf(expr, words) };
}

/** True when an expression is a condition that reads best as a tree (a comparison, a yes/no name, and / or / not). */
export function isCondition(expr: Expr): boolean {
  if (expr.k === 'binary') return !['+', '-', '*', '/'].includes(expr.op);
  if (expr.k === 'unary') return expr.op === 'not';
  if (expr.k === 'call') return ['given', 'overlaps', 'any', 'all'].includes(expr.fn);
  return expr.k === 'bool';
}

function leaf(expr: Expr, words: ExpressionWords): Sentence {
  if (expr.k === 'name') return fill('cond.true', { subject: words.phrase(expr) });
  if (expr.k === 'call' && expr.fn === 'given' && expr.args[0])
    return fill('cond.given', { subject: words.phrase(expr.args[0]) });
  if (expr.k === 'binary') return words.comparison(expr);
  return words.phrase(expr);
}

/** A group of one is that one; nested groups of the same kind are one group (`a and b and c`). */
function group(kind: 'all' | 'any', items: ConditionNode[]): ConditionNode {
  const flat = items.flatMap((i) => (i.kind === kind ? i.items : [i]));
  return flat.length === 1 && flat[0] ? flat[0] : { kind, items: flat };
}

function negate(node: ConditionNode): ConditionNode {
  return { kind: 'not', item: node };
}

/** A `{ fact, operator, value }` leaf as the expression it stands for. */
function jreLeaf(cond: { fact: string; operator: string; value: unknown }): Expr {
  const at = { pos: 0, end: 0 };
  const literal = (v: unknown): Expr => {
    if (typeof v === 'boolean') return { k: 'bool', value: v, ...at };
    if (typeof v === 'number') return { k: 'num', value: rat(String(v)), text: String(v), ...at };
    if (Array.isArray(v)) return { k: 'list', items: v.map(literal), ...at };
    if (v && typeof v === 'object' && 'fact' in v) return { k: 'name', name: String((v as { fact: unknown }).fact), ...at };
    return { k: 'str', value: String(v), ...at };
  };
  const fact: Expr = { k: 'name', name: cond.fact, ...at };
  const value = literal(cond.value);
  const op: BinaryOp = (JRE_TO_OP as Record<string, BinaryOp>)[cond.operator] ?? '==';
  const swap = cond.operator === 'contains' || cond.operator === 'doesNotContain';
  return { k: 'binary', op, left: swap ? value : fact, right: swap ? fact : value, ...at };
}
