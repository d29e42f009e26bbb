import type { Catalogue } from '../catalogue/catalogue.ts';
import { isIsoDate } from '../dates/iso-date.ts';
import type { Scope } from '../expr/evaluate.ts';
import type { Value } from '../expr/value.ts';
import { PLACEHOLDER } from '../load/templates.ts';
import { Rational } from '../money/rational.ts';
import type { LocalText } from '../schema/common.ts';
import { formatCount, formatDate, formatMoney, formatNumber, type Lang } from '../text/format.ts';
import { ParameterNotInForce } from './scope.ts';

/** How a code reads in a language, or undefined when it is no code of the catalogue. */
export type CodeLabel = (code: string, lang: Lang) => string | undefined;

/**
 * Fills `{name}` placeholders with values formatted for the language: money as `1 491,90 zł`, days as
 * `15.10.2025`, numbers with the noun that agrees (`{n:count:dzień|dni|dni}`), and each code of an
 * enumerated fact by its label in the catalogue, never the code itself.
 */
export function renderText(text: LocalText, scope: Scope, catalogue: Catalogue, unknown?: Set<string>): LocalText {
  const fill = (lang: Lang) =>
    text[lang].replace(PLACEHOLDER, (_, name: string, format?: string, forms?: string) => {
      let v: Value;
      try {
        v = scope.get(name);
      } catch (e) {
        // A value the day has none of leaves its place in a reason's words marked, and the answer says which (caveat).
        if (!(unknown && e instanceof ParameterNotInForce)) throw e;
        unknown.add(e.parameter);
        return lang === 'pl' ? '(wartość nieznana)' : '(value unknown)';
      }
      if (format === 'count' && v instanceof Rational && forms) return formatCount(v.toNumber(), forms.split('|'), lang);
      const money = format === 'money' || (name.includes('.') && catalogue.parameters.get(name)?.unit === 'PLN');
      return formatValue(v, lang, money, (code, l) => factValueLabel(catalogue, name, code, l));
    });
  return { pl: fill('pl'), en: fill('en') };
}

/** The label of a value of a fact (an enumeration, a list of codes), from the catalogue. */
export function factValueLabel(catalogue: Catalogue, fact: string, code: string, lang: Lang): string | undefined {
  const def = catalogue.facts.get(fact);
  if (def?.value_labels?.[code]) return def.value_labels[code][lang];
  // A definition that passes a fact's value on (e.g. `form: requested_form`) reads like the fact: find the code's fact.
  if (!def) {
    for (const other of catalogue.facts.values()) if (other.value_labels?.[code]) return other.value_labels[code][lang];
  }
  return undefined;
}

/** A value as a person reads it: numbers and money the local way, days as dates, yes/no, codes by their labels. */
export function formatValue(v: Value, lang: Lang, money = false, label?: CodeLabel): string {
  if (v instanceof Rational) {
    const n = v.roundHalfUp(2).toNumber();
    return money ? formatMoney(n, lang) : formatNumber(n, lang);
  }
  if (typeof v === 'boolean') return lang === 'pl' ? (v ? 'tak' : 'nie') : v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => formatValue(x, lang, false, label)).join(', ');
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') {
    if (isIsoDate(v)) return formatDate(v, lang);
    return label?.(v, lang) ?? v;
  }
  return String(v);
}
