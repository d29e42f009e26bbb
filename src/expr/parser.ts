import { rat } from '../money/rational.ts';
import type { BinaryOp, Expr } from './ast.ts';
import { ExprSyntaxError } from './errors.ts';
import { type Token, tokenize } from './lexer.ts';

/** Binding power of each infix operator; comparisons do not chain. Shared with printers of expressions. */
export const INFIX: Record<string, number> = {
  or: 10,
  and: 20,
  '==': 40,
  '!=': 40,
  '<': 40,
  '<=': 40,
  '>': 40,
  '>=': 40,
  in: 40,
  'not in': 40,
  '+': 50,
  '-': 50,
  '*': 60,
  '/': 60,
};
export const NOT_POWER = 30;
export const NEG_POWER = 70;

/**
 * Parses an expression such as `months_registered_last_24 > 12 and registered_unemployed`
 * or `min(requested_months, reintegration.max_months)`. Never evaluates anything.
 */
export function parseExpression(text: string): Expr {
  const parser = new Parser(tokenize(text));
  const expr = parser.expression(0);
  const next = parser.peek();
  if (next.type !== 'eof') {
    throw new ExprSyntaxError(`unexpected "${next.value}" after a complete expression`, next.pos, next.end);
  }
  return expr;
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  private take(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }

  private expect(value: string): Token {
    const t = this.peek();
    if (t.type !== 'op' || t.value !== value) {
      throw new ExprSyntaxError(`expected "${value}" but found ${describe(t)}`, t.pos, t.end);
    }
    return this.take();
  }

  private infixOp(): string | undefined {
    const t = this.peek();
    if (t.type !== 'op') return undefined;
    if (t.value === 'not' && this.peek(1).type === 'op' && this.peek(1).value === 'in') return 'not in';
    return t.value in INFIX ? t.value : undefined;
  }

  expression(minPower: number): Expr {
    let left = this.prefix();
    for (;;) {
      const op = this.infixOp();
      if (!op) break;
      const power = INFIX[op] as number;
      if (power <= minPower) break;
      const opToken = this.take();
      if (op === 'not in') this.take();
      const right = this.expression(power);
      if (power === 40 && this.infixOp() && INFIX[this.infixOp() as string] === 40) {
        const t = this.peek();
        throw new ExprSyntaxError('comparisons do not chain: join them with "and"', t.pos, t.end);
      }
      left = { k: 'binary', op: op as BinaryOp, left, right, pos: left.pos, end: right.end };
      void opToken;
    }
    return left;
  }

  private prefix(): Expr {
    const t = this.take();
    if (t.type === 'num') return { k: 'num', value: rat(t.value), text: t.value, pos: t.pos, end: t.end };
    if (t.type === 'str') return { k: 'str', value: t.value, pos: t.pos, end: t.end };
    if (t.type === 'name') {
      if (t.value === 'true' || t.value === 'false') {
        return { k: 'bool', value: t.value === 'true', pos: t.pos, end: t.end };
      }
      if (this.peek().type === 'op' && this.peek().value === '(') return this.call(t);
      return { k: 'name', name: t.value, pos: t.pos, end: t.end };
    }
    if (t.type === 'op') {
      if (t.value === '(') {
        const inner = this.expression(0);
        const close = this.expect(')');
        return { ...inner, pos: t.pos, end: close.end };
      }
      if (t.value === '[') return this.list(t);
      if (t.value === 'not') {
        const arg = this.expression(NOT_POWER);
        return { k: 'unary', op: 'not', arg, pos: t.pos, end: arg.end };
      }
      if (t.value === '-') {
        const arg = this.expression(NEG_POWER);
        return { k: 'unary', op: '-', arg, pos: t.pos, end: arg.end };
      }
    }
    throw new ExprSyntaxError(
      t.type === 'eof' ? 'the expression ends too early' : `unexpected ${describe(t)}`,
      t.pos,
      Math.max(t.end, t.pos + 1),
    );
  }

  private call(name: Token): Expr {
    this.expect('(');
    const args = this.items(')');
    const close = this.expect(')');
    return { k: 'call', fn: name.value, args, fnEnd: name.end, pos: name.pos, end: close.end };
  }

  private list(open: Token): Expr {
    const items = this.items(']');
    const close = this.expect(']');
    return { k: 'list', items, pos: open.pos, end: close.end };
  }

  private items(closer: string): Expr[] {
    const items: Expr[] = [];
    if (this.peek().type === 'op' && this.peek().value === closer) return items;
    for (;;) {
      items.push(this.expression(0));
      if (this.peek().type === 'op' && this.peek().value === ',') {
        this.take();
        continue;
      }
      return items;
    }
  }
}

function describe(t: Token): string {
  return t.type === 'eof' ? 'the end of the expression' : `"${t.value}"`;
}
