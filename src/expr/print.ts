import type { Expr } from './ast.ts';
import { INFIX, NEG_POWER, NOT_POWER } from './parser.ts';

/** Comparisons do not chain, so a comparison never stands unparenthesised as another's operand. */
const COMPARISON_POWER = 40;

/**
 * Prints an expression tree back to the expression language with as few parentheses as the parser needs:
 * `parseExpression(printExpression(e))` has the shape of `e` (offsets aside). Texts use `"` unless they hold one.
 * @example printExpression(parseExpression('(a > 12) and (b or c)')) // 'a > 12 and (b or c)'
 */
export function printExpression(expr: Expr): string {
  return print(expr, 0);
}

/**
 * `follow` is the binding power of the operator printed right after this text (0 when none): a `not` there
 * would swallow a stronger one (`not a` before `+ b` reads `not (a + b)`), so it is then parenthesised.
 */
function print(e: Expr, follow: number): string {
  switch (e.k) {
    case 'num':
      return e.text;
    case 'str':
      return quote(e.value);
    case 'bool':
      return String(e.value);
    case 'name':
      return e.name;
    case 'list':
      return `[${e.items.map((i) => print(i, 0)).join(', ')}]`;
    case 'call':
      return `${e.fn}(${e.args.map((a) => print(a, 0)).join(', ')})`;
    case 'unary': {
      if (e.op === '-') return `-${operand(e.arg, NEG_POWER, follow)}`;
      if (follow > NOT_POWER) return `(not ${operand(e.arg, NOT_POWER, 0)})`;
      return `not ${operand(e.arg, NOT_POWER, follow)}`;
    }
    case 'binary': {
      const power = INFIX[e.op] as number;
      // Operators associate to the left: a left operand of equal power needs none, a right one does.
      const leftMin = power === COMPARISON_POWER ? power : power - 1;
      return `${operand(e.left, leftMin, power)} ${e.op} ${operand(e.right, power, follow)}`;
    }
  }
}

/** Prints `e` where only an operator binding more strongly than `min` may stand unparenthesised. */
function operand(e: Expr, min: number, follow: number): string {
  if (e.k === 'binary' && (INFIX[e.op] as number) <= min) return `(${print(e, 0)})`;
  return print(e, follow);
}

/** The lexer has no escapes: a text is closed by the next quote of its kind, so pick the kind it does not hold. */
function quote(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new Error(`a text cannot hold both kinds of quote: ${value}`);
}
