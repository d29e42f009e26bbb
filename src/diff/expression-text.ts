import type { Expr } from '../expr/ast.ts';
import { INFIX, NEG_POWER, NOT_POWER, parseExpression } from '../expr/parser.ts';

const ATOM_POWER = 100;
const COMPARISON_POWER = 40;

/**
 * The canonical text of an expression, so that two spellings of the same expression compare equal:
 * whitespace, `'` or `"` quotes, redundant parentheses, `0.50` for `0.5` and the nesting of a chain
 * of `and` (or `or`) do not matter. An `and` inside an `or` is always parenthesised, for the reader.
 * A number (a literal in YAML) reads as the expression of that number.
 * Text that does not parse is returned with its whitespace collapsed.
 */
export function expressionText(source: string | number | boolean): string {
  if (typeof source === 'number') return numberText(String(source));
  if (typeof source === 'boolean') return String(source);
  try {
    return printExpr(parseExpression(source));
  } catch {
    return source.replace(/\s+/g, ' ').trim();
  }
}

/** Prints a parsed expression in the canonical way described at `expressionText`. */
export function printExpr(expr: Expr): string {
  switch (expr.k) {
    case 'num':
      return numberText(expr.text);
    case 'str':
      return expr.value.includes('"') ? `'${expr.value}'` : `"${expr.value}"`;
    case 'bool':
      return String(expr.value);
    case 'name':
      return expr.name;
    case 'list':
      return `[${expr.items.map(printExpr).join(', ')}]`;
    case 'call':
      return `${expr.fn}(${expr.args.map(printExpr).join(', ')})`;
    case 'unary': {
      const own = expr.op === 'not' ? NOT_POWER : NEG_POWER;
      const arg = wrap(expr.arg, power(expr.arg) < own);
      return expr.op === 'not' ? `not ${arg}` : `-${arg.startsWith('-') ? ' ' : ''}${arg}`;
    }
    case 'binary': {
      const own = power(expr);
      const left = wrap(expr.left, needsParens(expr, expr.left, own, 'left'));
      const right = wrap(expr.right, needsParens(expr, expr.right, own, 'right'));
      return `${left} ${expr.op} ${right}`;
    }
  }
}

function needsParens(parent: Expr & { k: 'binary' }, child: Expr, own: number, side: 'left' | 'right'): boolean {
  const inner = power(child);
  if (parent.op === 'or' && child.k === 'binary' && child.op === 'and') return true;
  if (inner < own) return true;
  if (inner > own) return false;
  // Equal power: a chain of and / or reads the same however nested; comparisons never chain;
  // other operators group to the left, so only a right operand needs parentheses.
  if ((parent.op === 'and' || parent.op === 'or') && child.k === 'binary' && child.op === parent.op) return false;
  return own === COMPARISON_POWER || side === 'right';
}

function power(expr: Expr): number {
  if (expr.k === 'binary') return INFIX[expr.op] ?? ATOM_POWER;
  if (expr.k === 'unary') return expr.op === 'not' ? NOT_POWER : NEG_POWER;
  return ATOM_POWER;
}

function wrap(expr: Expr, parens: boolean): string {
  const text = printExpr(expr);
  return parens ? `(${text})` : text;
}

/** `007` → `7`, `0.50` → `0.5`, `2.0` → `2`. */
function numberText(text: string): string {
  if (!/^\d+(\.\d+)?$/.test(text)) return text;
  const [whole = '0', frac = ''] = text.split('.');
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}
