import { formatNumber } from '../shared/i18n/format.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';
import { showDay } from './day-text.ts';
import type { FactDefinition, FactDefinitions } from './fact-form-state.ts';
import { type LocalText, local } from './local-text.ts';
import type { FieldProblem } from './validate-facts.ts';

/** The catalogue's message for a key built at run time, or `fallback` when the catalogue has none. */
export function messageOr(key: string, fallback: string): string {
  return isMessageKey(key) ? translate(key) : fallback;
}

/** A fact's label in the UI's language; its name when the catalogue does not know it. */
export function factLabel(defs: FactDefinitions, name: string): string {
  return local(defs[name]?.label) || name;
}

/**
 * How one value of an enumeration or a list reads (`participation` → "uczestnictwo"): the console's short
 * label for a form, else the catalogue's (`labels`: the fact's or the record field's `value_labels`); the code never while either knows it.
 */
export function choiceLabel(fact: string, value: string, labels?: Readonly<Record<string, LocalText>>): string {
  return messageOr(`console.choice.${fact}.${value}`, local(labels?.[value]) || value);
}

/** The label of one field of a records fact (`founders.kind` → "rodzaj"). */
export function recordFieldLabel(fact: string, field: string): string {
  return messageOr(`console.recordField.${fact}.${field}`, field);
}

/** A boolean in words. */
export const yesNo = (v: boolean): string => (v ? t('console.yes') : t('console.no'));

/** One fact's value in words, for the print view, what-if sentences and replays: "uczestnictwo", "3", "tak". */
export function formatFactValue(fact: string, def: FactDefinition | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('console.notGiven');
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) {
    if (def?.type === 'records') {
      if (!value.length) return t('console.noRows');
      return value
        .map((row, i) => {
          const cells = Object.entries((row ?? {}) as Record<string, unknown>).map(([field, v]) => {
            const fieldDef = def.fields?.[field];
            const text =
              typeof v === 'boolean'
                ? yesNo(v)
                : fieldDef?.type === 'enum'
                  ? choiceLabel(`${fact}.${field}`, String(v), fieldDef.value_labels)
                  : String(v);
            return `${recordFieldLabel(fact, field)}: ${text}`;
          });
          return `${i + 1}. ${cells.join(', ')}`;
        })
        .join('; ');
    }
    return value.length ? value.map((v) => choiceLabel(fact, String(v), def?.value_labels)).join(', ') : t('console.noneChosen');
  }
  if (typeof value === 'string') {
    if (def?.type === 'date') return showDay(value);
    if (def?.type === 'enum' || def?.type === 'list') return choiceLabel(fact, value, def.value_labels);
    return value;
  }
  return JSON.stringify(value);
}

/** The range a number field accepts, in words ("Od 1 do 31, liczba całkowita."); empty for other types or no bounds. */
export function rangeText(def: FactDefinition): string {
  if (def.type === 'date') return t('console.day.format');
  if (def.type !== 'number' && def.type !== 'integer') return '';
  const whole = def.type === 'integer' ? t('console.form.whole') : '';
  if (def.min !== undefined && def.max !== undefined)
    return t('console.form.between', { min: formatNumber(def.min), max: formatNumber(def.max), whole });
  if (def.min !== undefined) return t('console.form.atLeast', { min: formatNumber(def.min), whole });
  if (def.max !== undefined) return t('console.form.atMost', { max: formatNumber(def.max), whole });
  return '';
}

/** What the form says beside a field whose value cannot be sent. */
export function problemText(problem: FieldProblem): string {
  switch (problem.kind) {
    case 'number':
      return t('console.invalid.number');
    case 'integer':
      return t('console.invalid.integer');
    case 'min':
      return t('console.invalid.min', { min: formatNumber(problem.min) });
    case 'max':
      return t('console.invalid.max', { max: formatNumber(problem.max) });
    case 'date':
      return t('console.invalid.date');
    case 'record':
      return t('console.invalid.record');
  }
}
