import { ExprSyntaxError } from './errors.ts';

/** One token of an expression, with its offsets in the text. */
export interface Token {
  type: 'num' | 'str' | 'name' | 'op' | 'eof';
  value: string;
  pos: number;
  end: number;
}

const KEYWORD_OPS = new Set(['and', 'or', 'not', 'in']);
const TWO_CHAR = new Set(['==', '!=', '<=', '>=']);
const ONE_CHAR = new Set(['<', '>', '+', '-', '*', '/', '(', ')', '[', ']', ',']);

/** Splits an expression into tokens; names may hold dots (`zasilek.first_90_days` names a parameter). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c)) {
      const m = /^\d+(?:\.\d+)?/.exec(text.slice(i));
      i += m ? m[0].length : 1;
      if (/[A-Za-z_]/.test(text.charAt(i))) {
        throw new ExprSyntaxError(`"${text.slice(start, i + 1)}" is neither a number nor a name`, start, i + 1);
      }
      tokens.push({ type: 'num', value: text.slice(start, i), pos: start, end: i });
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new ExprSyntaxError(`the text opened with ${c} is never closed`, start, text.length);
      tokens.push({ type: 'str', value: text.slice(i + 1, close), pos: start, end: close + 1 });
      i = close + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i));
      const word = m ? m[0] : c;
      i += word.length;
      tokens.push({ type: KEYWORD_OPS.has(word) ? 'op' : 'name', value: word, pos: start, end: i });
    } else if (TWO_CHAR.has(text.slice(i, i + 2))) {
      tokens.push({ type: 'op', value: text.slice(i, i + 2), pos: start, end: i + 2 });
      i += 2;
    } else if (ONE_CHAR.has(c)) {
      tokens.push({ type: 'op', value: c, pos: start, end: i + 1 });
      i++;
    } else if (c === '=') {
      throw new ExprSyntaxError('use "==" to compare, a single "=" is not an operator', start, start + 1);
    } else if (c === '&' || c === '|') {
      throw new ExprSyntaxError(`write "${c === '&' ? 'and' : 'or'}" instead of "${c}"`, start, start + 1);
    } else {
      throw new ExprSyntaxError(`unexpected character "${c}"`, start, start + 1);
    }
  }
  tokens.push({ type: 'eof', value: '', pos: text.length, end: text.length });
  return tokens;
}
