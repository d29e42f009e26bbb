import { formatMoney, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t, translate } from '../shared/i18n/translate.ts';
import type { ParameterDefinition } from '../shared/law/lexicon.ts';

/** One dated value of a parameter. */
export type ParameterValue = ParameterDefinition['values'][number];
/** What a parameter counts: złoty, percent, months, hours, days or a plain count. */
export type Unit = ParameterDefinition['unit'];

/** The value in force on `day`: the last one starting on or before it (values in any order); undefined before the first. */
export function valueOn(values: readonly ParameterValue[], day: string): ParameterValue | undefined {
  let found: ParameterValue | undefined;
  for (const v of values) if (v.from <= day && (!found || v.from >= found.from)) found = v;
  return found;
}

/** A value with its unit: `1 859,65 zł`, `120%`, `21 dni`, `6 miesięcy`, `3`. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'PLN':
      return formatMoney(value);
    case 'percent':
      return t('amount.percent', { n: formatNumber(value) });
    case 'count':
      return formatNumber(value);
    default: {
      // Polish needs the plural form of the number: 1 dzień, 2 dni, 5 dni, 1,5 dnia.
      const form = Number.isInteger(value) ? new Intl.PluralRules(language()).select(value) : 'other';
      const plural = form === 'one' || form === 'few' || form === 'many' ? form : 'other';
      return translate(`amount.${unit}.${plural}` as const, { n: formatNumber(value) });
    }
  }
}

/** The name of a unit, for a table's unit column: `zł`, `%`, `dni`. */
export function unitLabel(unit: string): string {
  return isUnit(unit) ? translate(`unit.${unit}` as const) : unit;
}

/** True for one of the schema's units. */
export function isUnit(value: string): value is Unit {
  return ['PLN', 'percent', 'months', 'hours', 'days', 'count'].includes(value);
}
