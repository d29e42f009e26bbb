import { formatDate, formatMoney, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { messageOr, yesNo } from './fact-display.ts';
import { type LocalText, local } from './local-text.ts';

/** The catalogue's outcome labels, by outcome code. */
export type OutcomeLabels = Readonly<Record<string, LocalText>>;

/** `not_payable` → "not payable": the last resort for a code the catalogues do not know. */
const words = (code: string) => code.replace(/_/g, ' ');

/** An outcome in words, from the catalogue's outcomes ("nie przysługuje"). */
export function outcomeLabel(outcomes: OutcomeLabels, code: string): string {
  return local(outcomes[code]) || words(code);
}

/** How an outcome is shown: favourable, unfavourable, or neither (undetermined, not in force, capped). */
export function outcomeTone(code: string): 'yes' | 'no' | 'neutral' {
  if (['undetermined', 'not_in_force', 'capped', 'options'].includes(code)) return 'neutral';
  if (/^(not_|non_|no_)/.test(code) || ['refused', 'invalid', 'exceeds_limit'].includes(code)) return 'no';
  return 'yes';
}

/** The name of an amount of the answer ("benefit" → "świadczenie integracyjne"). */
export function amountLabel(name: string): string {
  return messageOr(`console.amount.${name}`, words(name));
}

/** The name of a value of the answer ("rate_percent" → "stawka (% zasiłku)"). */
export function valueLabel(name: string): string {
  return messageOr(`console.valueName.${name}`, words(name));
}

/** One code inside a value (a flag, an option, an obligation) in words. */
export function itemLabel(code: string): string {
  return messageOr(`console.item.${code}`, words(code));
}

/** A value of the answer in words: percentages with %, days as dates, codes in words, lists joined. */
export function formatValue(name: string, value: unknown, questionTitle: (id: string) => string = (id) => id): string {
  if (value === null || value === undefined) return t('console.notGiven');
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return name.endsWith('_percent') ? `${formatNumber(value)}%` : formatNumber(value);
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return name === 'successor' ? questionTitle(value) : itemLabel(value);
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(name, v, questionTitle)).join('; ') : '—';
  return JSON.stringify(value);
}

/** Amounts in words: "świadczenie integracyjne 1 859,65 zł"; empty for none. */
export function formatAmounts(amounts: Readonly<Record<string, number>>): string {
  return Object.entries(amounts)
    .map(([name, amount]) => `${amountLabel(name)} ${formatMoney(amount)}`)
    .join(', ');
}

/** An outcome with its amounts, as the what-if list and the replay say it. */
export function outcomeWithAmounts(outcomes: OutcomeLabels, outcome: string, amounts: Readonly<Record<string, number>>): string {
  const money = formatAmounts(amounts);
  return money ? `${outcomeLabel(outcomes, outcome)}, ${money}` : outcomeLabel(outcomes, outcome);
}

/** `sha256:c4c5…` → `c4c50fa238e6`: enough to tell versions apart by eye; the full hash goes in a title. */
export function shortHash(hash: string | null): string {
  return hash ? hash.replace(/^sha256:/, '').slice(0, 12) : '—';
}
