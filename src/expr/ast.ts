import type { Rational } from '../money/rational.ts';

/** Where a node stands in its expression text: [pos, end) as character offsets. */
export interface Span {
  pos: number;
  end: number;
}

/** Operators of two operands, from weakest to strongest binding. */
export type BinaryOp = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | '+' | '-' | '*' | '/';

/** A parsed expression: the one intermediate form that the checker, the evaluator and the engine adapter read. */
export type Expr =
  | ({ k: 'num'; value: Rational; text: string } & Span)
  | ({ k: 'str'; value: string } & Span)
  | ({ k: 'bool'; value: boolean } & Span)
  | ({ k: 'list'; items: Expr[] } & Span)
  | ({ k: 'name'; name: string } & Span)
  | ({ k: 'unary'; op: '-' | 'not'; arg: Expr } & Span)
  | ({ k: 'binary'; op: BinaryOp; left: Expr; right: Expr } & Span)
  | ({ k: 'call'; fn: string; args: Expr[]; fnEnd: number } & Span);

/** The comparison operators, which a condition leaf may use. */
export const COMPARISONS = ['==', '!=', '<', '<=', '>', '>=', 'in', 'not in'] as const;
export type ComparisonOp = (typeof COMPARISONS)[number];

export function isComparison(op: string): op is ComparisonOp {
  return (COMPARISONS as readonly string[]).includes(op);
}

/** Every name an expression reads, in order of appearance (function names excluded). */
export function namesIn(expr: Expr, out: Expr[] = []): Expr[] {
  switch (expr.k) {
    case 'name':
      out.push(expr);
      break;
    case 'list':
      for (const item of expr.items) namesIn(item, out);
      break;
    case 'unary':
      namesIn(expr.arg, out);
      break;
    case 'binary':
      namesIn(expr.left, out);
      namesIn(expr.right, out);
      break;
    case 'call':
      for (const arg of expr.args) namesIn(arg, out);
      break;
  }
  return out;
}
