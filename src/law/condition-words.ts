import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Expr } from '../expr/ast.ts';
import { printExpression } from '../expr/print.ts';
import { formatDate, formatNumber, type Lang } from '../text/format.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Comparisons as the version page words them: the subject first, then "more than 3", "before 15.10.2025". */
const WORDS: Record<Lang, Record<string, string>> = {
  pl: {
    '==': '{s}: {v}',
    '!=': '{s}: inne niż {v}',
    '<': '{s}: mniej niż {v}',
    '<=': '{s}: co najwyżej {v}',
    '>': '{s}: więcej niż {v}',
    '>=': '{s}: co najmniej {v}',
    'day<': '{s}: przed {v}',
    'day<=': '{s}: najpóźniej {v}',
    'day>': '{s}: po {v}',
    'day>=': '{s}: najwcześniej {v}',
    in: '{s}: jedno z {v}',
    'not in': '{s}: żadne z {v}',
    and: '{l} i {r}',
    or: '{l} lub {r}',
    not: 'nie ({s})',
    yes: '{s}: tak',
    no: '{s}: nie',
    given: 'podano: {s}',
    notGiven: 'nie podano: {s}',
    date: 'dzień, o który pytamy',
  },
  en: {
    '==': '{s}: {v}',
    '!=': '{s}: other than {v}',
    '<': '{s}: less than {v}',
    '<=': '{s}: at most {v}',
    '>': '{s}: more than {v}',
    '>=': '{s}: at least {v}',
    'day<': '{s}: before {v}',
    'day<=': '{s}: on or before {v}',
    'day>': '{s}: after {v}',
    'day>=': '{s}: on or after {v}',
    in: '{s}: one of {v}',
    'not in': '{s}: none of {v}',
    and: '{l} and {r}',
    or: '{l} or {r}',
    not: 'not ({s})',
    yes: '{s}: yes',
    no: '{s}: no',
    given: 'given: {s}',
    notGiven: 'not given: {s}',
    date: 'the day asked about',
  },
};

const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

const fill = (template: string, parts: Record<string, string>) => template.replace(/\{(\w)\}/g, (_, k: string) => parts[k] ?? '');

/**
 * A condition in words, as the version page reads it: facts and parameters by their catalogue labels, values of
 * a choice by their labels, numbers and days formatted for the language (`Dni nieusprawiedliwionej nieobecności:
 * więcej niż 3`). A definition of the rule set keeps its name, as the version page shows it; arithmetic stays
 * in symbols.
 */
export function conditionWords(expr: Expr, catalogue: Catalogue, lang: Lang): string {
  const w = WORDS[lang];
  const label = (name: string): string => {
    if (name === 'date') return w.date as string;
    return catalogue.facts.get(name)?.label[lang] ?? catalogue.parameters.get(name)?.label[lang] ?? name;
  };
  const isDay = (e: Expr): boolean =>
    (e.k === 'str' && ISO_DAY.test(e.value)) ||
    (e.k === 'name' && (e.name === 'date' || catalogue.facts.get(e.name)?.type === 'date'));
  const value = (e: Expr, subject?: Expr): string => {
    if (e.k === 'num') return formatNumber(e.value.toNumber(), lang);
    if (e.k === 'str') {
      if (ISO_DAY.test(e.value)) return formatDate(e.value, lang);
      const fact = subject?.k === 'name' ? catalogue.facts.get(subject.name) : undefined;
      return fact?.value_labels?.[e.value]?.[lang] ?? `„${e.value}”`;
    }
    if (e.k === 'bool') return e.value ? (lang === 'pl' ? 'tak' : 'yes') : lang === 'pl' ? 'nie' : 'no';
    if (e.k === 'list') return e.items.map((i) => value(i, subject)).join(', ');
    if (e.k === 'name') return label(e.name);
    return printExpression(e);
  };
  const words = (e: Expr): string => {
    if (e.k === 'binary' && (e.op === 'and' || e.op === 'or')) {
      const side = (x: Expr) =>
        x.k === 'binary' && (x.op === 'and' || x.op === 'or') && x.op !== e.op ? `(${words(x)})` : words(x);
      return fill(w[e.op] as string, { l: side(e.left), r: side(e.right) });
    }
    if (e.k === 'unary' && e.op === 'not') {
      if (e.arg.k === 'name') return fill(w.no as string, { s: label(e.arg.name) });
      if (e.arg.k === 'call' && e.arg.fn === 'given' && e.arg.args[0])
        return fill(w.notGiven as string, { s: value(e.arg.args[0]) });
      return fill(w.not as string, { s: words(e.arg) });
    }
    if (e.k === 'name') return fill(w.yes as string, { s: label(e.name) });
    if (e.k === 'call' && e.fn === 'given' && e.args[0]) return fill(w.given as string, { s: value(e.args[0]) });
    if ((e.k === 'binary' && e.op in FLIPPED) || (e.k === 'binary' && (e.op === 'in' || e.op === 'not in'))) {
      let { op, left, right } = e as Expr & { k: 'binary' };
      const literal = (x: Expr) => x.k === 'num' || x.k === 'str' || x.k === 'bool' || x.k === 'list';
      if (literal(left) && !literal(right) && FLIPPED[op]) [left, right, op] = [right, left, FLIPPED[op] as typeof op];
      if ((op === '==' || op === '!=') && right.k === 'bool')
        return fill(right.value === (op === '==') ? (w.yes as string) : (w.no as string), { s: value(left) });
      const day = ['<', '<=', '>', '>='].includes(op) && (isDay(left) || isDay(right));
      return fill(w[day ? `day${op}` : op] as string, { s: value(left), v: value(right, left) });
    }
    return value(e);
  };
  return words(expr);
}
