import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.ts';
import { ExprSyntaxError } from './errors.ts';
import { parseExpression } from './parser.ts';

/** Renders a tree in prefix form so that precedence is visible in one string. */
function show(e: Expr): string {
  switch (e.k) {
    case 'num':
      return e.text;
    case 'str':
      return JSON.stringify(e.value);
    case 'bool':
      return String(e.value);
    case 'name':
      return e.name;
    case 'list':
      return `[${e.items.map(show).join(' ')}]`;
    case 'unary':
      return `(${e.op} ${show(e.arg)})`;
    case 'binary':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'call':
      return `${e.fn}(${e.args.map(show).join(' ')})`;
  }
}

function syntaxError(text: string): ExprSyntaxError {
  try {
    parseExpression(text);
  } catch (e) {
    if (e instanceof ExprSyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

describe('parseExpression', () => {
  it('binds and tighter than or, comparison tighter than and, product tighter than sum', () => {
    expect(show(parseExpression('a > 12 and b or not c'))).toBe('(or (and (> a 12) b) (not c))');
    expect(show(parseExpression('a + b * c / 2 - 1'))).toBe('(- (+ a (/ (* b c) 2)) 1)');
    expect(show(parseExpression('-(a + b) * 2'))).toBe('(* (- (+ a b)) 2)');
  });

  it('reads dotted parameter names, calls, lists, strings and not in', () => {
    expect(show(parseExpression('min(requested_months, reintegration.max_months)'))).toBe(
      'min(requested_months reintegration.max_months)',
    );
    expect(show(parseExpression('help_profile not in [\'I\', "II"]'))).toBe('(not in help_profile ["I" "II"])');
    expect(show(parseExpression('count(founders, kind == "natural" and not at_risk)'))).toBe(
      'count(founders (and (== kind "natural") (not at_risk)))',
    );
    expect(show(parseExpression('true and x == false'))).toBe('(and true (== x false))');
  });

  it('records where each node starts and ends', () => {
    const e = parseExpression('registered_unemployed and help_profil == "III"');
    if (e.k !== 'binary' || e.right.k !== 'binary') throw new Error('shape');
    expect(e.right.left).toMatchObject({ k: 'name', name: 'help_profil', pos: 26, end: 37 });
  });

  it('reports syntax errors with their offset', () => {
    expect(syntaxError('a >')).toMatchObject({ pos: 3 });
    expect(syntaxError('a = 1').message).toMatch(/"=="/);
    expect(syntaxError('a && b').message).toMatch(/"and"/);
    expect(syntaxError('1 < a < 3').message).toMatch(/do not chain/);
    expect(syntaxError('min(a, b')).toMatchObject({ pos: 8 });
    expect(syntaxError('"open').message).toMatch(/never closed/);
    expect(syntaxError('a b')).toMatchObject({ pos: 2, end: 3 });
    expect(syntaxError('12abc').message).toMatch(/neither a number/);
  });
});
