import type { Expr } from '../../../src/expr/ast.ts';
import { INFIX, NEG_POWER, NOT_POWER } from '../../../src/expr/parser.ts';
import { formatDate, formatNumber } from '../shared/i18n/format.ts';
import type { MessageKey } from '../shared/i18n/pl.ts';
import { t } from '../shared/i18n/translate.ts';
import { type Lexicon, resolve } from '../shared/law/lexicon.ts';
import { fill, join, type Sentence } from '../shared/law/parts.ts';

const ATOM = 100;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Operators shown as a reader writes them: × and ÷ rather than * and /. */
const SYMBOL: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷' };

/** The wording of each comparison, for numbers and for days. */
const COMPARISON: Record<string, { number: MessageKey; day: MessageKey }> = {
  '==': { number: 'cond.eq', day: 'cond.eq' },
  '!=': { number: 'cond.ne', day: 'cond.ne' },
  '<': { number: 'cond.lt', day: 'cond.before' },
  '<=': { number: 'cond.le', day: 'cond.onOrBefore' },
  '>': { number: 'cond.gt', day: 'cond.after' },
  '>=': { number: 'cond.ge', day: 'cond.onOrAfter' },
  in: { number: 'cond.in', day: 'cond.in' },
  'not in': { number: 'cond.notIn', day: 'cond.notIn' },
};

/** The same comparison read from the other side: `3 < x` is `x > 3`. */
const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/** Words for expressions of one rule set: names by their labels, operators and functions in the UI's language. */
export class ExpressionWords {
  constructor(
    readonly lex: Lexicon,
    /** Names of an item's fields, inside count(), any(), all() and sum(). */
    readonly fields: ReadonlySet<string> = new Set(),
  ) {}

  /** An expression as a phrase, e.g. `pai_months_completed + pai.edition_months` → "Miesiące w PAI + Długość edycji". */
  phrase(expr: Expr): Sentence {
    switch (expr.k) {
      case 'num':
        return [numberText(expr.text)];
      case 'str':
        return [ISO_DAY.test(expr.value) ? formatDate(expr.value) : t('expr.quote', { text: expr.value })];
      case 'bool':
        return [t(expr.value ? 'expr.true' : 'expr.false')];
      case 'name':
        return [resolve(this.lex, expr.name, this.fields)];
      case 'list':
        return join(
          expr.items.map((i) => this.phrase(i)),
          ', ',
        );
      case 'unary':
        if (expr.op === '-') return ['−', ...this.wrapped(expr.arg, NEG_POWER)];
        if (expr.arg.k === 'name') return fill('cond.false', { subject: this.phrase(expr.arg) });
        return fill('expr.not', { arg: this.phrase(expr.arg) });
      case 'binary':
        if (expr.op in COMPARISON) return this.comparison(expr);
        if (expr.op === 'and' || expr.op === 'or')
          return fill(expr.op === 'and' ? 'expr.and' : 'expr.or', {
            left: this.wrapped(expr.left, INFIX[expr.op] ?? 0),
            right: this.wrapped(expr.right, INFIX[expr.op] ?? 0),
          });
        return [
          ...this.wrapped(expr.left, power(expr)),
          ` ${SYMBOL[expr.op] ?? expr.op} `,
          ...this.wrapped(expr.right, power(expr) + 1),
        ];
      case 'call':
        return this.call(expr);
    }
  }

  /**
   * A comparison as a sentence with its subject first: `unexcused_absence_days > 3` →
   * "Dni nieusprawiedliwionej nieobecności: więcej niż 3"; days read "przed" / "po".
   */
  comparison(expr: Expr & { k: 'binary' }): Sentence {
    let { op, left, right } = expr;
    // A literal on the left reads better on the right: `0 < x` is "x: more than 0".
    if (isLiteral(left) && !isLiteral(right) && FLIPPED[op]) [left, right, op] = [right, left, FLIPPED[op] as typeof op];
    if (op === 'in' || op === 'not in') {
      // `"code" in flags` asks whether a list holds an item, not whether a value is among some.
      if (right.k !== 'list')
        return fill(op === 'in' ? 'cond.contains' : 'cond.notContains', {
          subject: this.phrase(right),
          value: this.phrase(left),
        });
    }
    if ((op === '==' || op === '!=') && right.k === 'bool') {
      const yes = right.value === (op === '==');
      return fill(yes ? 'cond.true' : 'cond.false', { subject: this.phrase(left) });
    }
    const wording = COMPARISON[op];
    if (!wording) return [...this.phrase(left), ` ${op} `, ...this.phrase(right)];
    const day = this.isDay(left) || this.isDay(right);
    return fill(day ? wording.day : wording.number, { subject: this.phrase(left), value: this.phrase(right) });
  }

  /** True when an expression gives a day: the day asked about, a date fact, a day literal, or day arithmetic. */
  isDay(expr: Expr): boolean {
    if (expr.k === 'str') return ISO_DAY.test(expr.value);
    if (expr.k === 'name') return expr.name === 'date' || this.lex.facts[expr.name]?.type === 'date';
    if (expr.k === 'call') {
      if (expr.fn === 'add_months' || expr.fn === 'add_days') return true;
      if (expr.fn === 'min' || expr.fn === 'max') return expr.args.some((a) => this.isDay(a));
    }
    return false;
  }

  #args(args: readonly Expr[]): Sentence {
    return join(
      args.map((a) => this.phrase(a)),
      ', ',
    );
  }

  /** Words for an item's condition inside count(), any(), all() or sum(): its fields become names. */
  #itemWords(list: Expr | undefined): ExpressionWords {
    const fact = list?.k === 'name' ? this.lex.facts[list.name] : undefined;
    const names = fact?.fields ? Object.keys(fact.fields) : ['item'];
    return new ExpressionWords(this.lex, new Set([...this.fields, ...names]));
  }

  private call(expr: Expr & { k: 'call' }): Sentence {
    const [a, b, c] = expr.args;
    const p = (e: Expr | undefined) => (e ? this.phrase(e) : []);
    switch (expr.fn) {
      case 'min':
      case 'max':
        return fill(expr.fn === 'min' ? 'expr.min' : 'expr.max', { args: this.#args(expr.args) });
      case 'if':
        // biome-ignore lint/suspicious/noThenProperty: a message placeholder, not a thenable
        return fill('expr.if', { cond: p(a), then: p(b), else: p(c) });
      case 'percent':
        return fill('expr.percent', { rate: p(a), amount: p(b) });
      case 'floor':
        return fill('expr.floor', { arg: p(a) });
      case 'count':
        return b
          ? fill('expr.countWhere', { list: p(a), cond: this.#itemWords(a).phrase(b) })
          : fill('expr.count', { list: p(a) });
      case 'sum':
        return fill('expr.sum', { list: p(a), amount: b ? this.#itemWords(a).phrase(b) : [] });
      case 'any':
      case 'all':
        return fill(expr.fn === 'any' ? 'expr.anyWhere' : 'expr.allWhere', {
          list: p(a),
          cond: b ? this.#itemWords(a).phrase(b) : [],
        });
      case 'overlaps':
        return fill('expr.overlaps', { left: p(a), right: p(b) });
      case 'add_months':
        return fill('expr.addMonths', { day: p(a), n: p(b) });
      case 'add_days':
        return fill('expr.addDays', { day: p(a), n: p(b) });
      case 'days_between':
        return fill('expr.daysBetween', { from: p(a), to: p(b) });
      case 'year':
        return fill('expr.year', { day: p(a) });
      case 'given':
        return fill('expr.given', { arg: p(a) });
      default:
        return [`${expr.fn}(`, ...this.#args(expr.args), ')'];
    }
  }

  /** A phrase in parentheses when its operator binds more loosely than where it stands. */
  private wrapped(expr: Expr, outer: number): Sentence {
    const words = this.phrase(expr);
    return power(expr) < outer ? ['(', ...words, ')'] : words;
  }
}

/** How tightly an expression binds, as the parser reads it. */
function power(expr: Expr): number {
  if (expr.k === 'binary') return INFIX[expr.op] ?? ATOM;
  if (expr.k === 'unary') return expr.op === 'not' ? NOT_POWER : NEG_POWER;
  return ATOM;
}

function isLiteral(expr: Expr): boolean {
  return expr.k === 'num' || expr.k === 'str' || expr.k === 'bool' || expr.k === 'list';
}

/** A number literal in the UI's conventions: `0.5` → `0,5` in Polish. */
function numberText(text: string): string {
  const n = Number(text);
  return Number.isFinite(n) ? formatNumber(n) : text;
}
