import type { Catalogue } from '../catalogue/catalogue.ts';
import { formatMoney } from '../explain/explain-answer.ts';
import type { Scope } from '../expr/evaluate.ts';
import type { Value } from '../expr/value.ts';
import { PLACEHOLDER } from '../load/templates.ts';
import { Rational } from '../money/rational.ts';
import type { LocalText } from '../schema/common.ts';

type Lang = 'pl' | 'en';

/** Fills `{name}` placeholders with values formatted for the language (`1 491,90 zł` in Polish). */
export function renderText(text: LocalText, scope: Scope, catalogue: Catalogue): LocalText {
  const fill = (lang: Lang) =>
    text[lang].replace(PLACEHOLDER, (_, name: string, format?: string) => {
      const money = format === 'money' || (name.includes('.') && catalogue.parameters.get(name)?.unit === 'PLN');
      return formatValue(scope.get(name), lang, money);
    });
  return { pl: fill('pl'), en: fill('en') };
}

/** A value as a person reads it. */
export function formatValue(v: Value, lang: Lang, money = false): string {
  if (v instanceof Rational) {
    const n = v.roundHalfUp(2).toNumber();
    if (money) return formatMoney(n, lang);
    return new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
  }
  if (typeof v === 'boolean') return lang === 'pl' ? (v ? 'tak' : 'nie') : v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => formatValue(x, lang)).join(', ');
  if (v === undefined) return '—';
  return String(v);
}
