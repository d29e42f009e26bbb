import type { LocalText } from '../schema/common.ts';
import type { Effect } from '../schema/ruleset.ts';
import { expressionText } from './expression-text.ts';

/** One field of an effect that differs between two versions, as normalised text. */
export interface EffectFieldChange {
  /** `outcome`, `values.<name>`, `amounts.<name>` or `append.<list>`. */
  field: string;
  before?: string;
  after?: string;
}

/**
 * An effect (`then`, `else`, or `results.<outcome>`) as a flat map from field to normalised text:
 * the outcome shorthand `not_eligible` equals `{ outcome: not_eligible }`, expressions are printed
 * canonically, a literal number equals the same number written as an expression.
 */
export function effectFields(effect: Effect | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  if (effect === undefined) return fields;
  if (typeof effect === 'string') return fields.set('outcome', effect);
  if (effect.outcome !== undefined) fields.set('outcome', effect.outcome);
  for (const [name, v] of Object.entries(effect.values ?? {})) {
    fields.set(`values.${name}`, Array.isArray(v) ? `[${v.map(literalText).join(', ')}]` : expressionText(v));
  }
  for (const [name, v] of Object.entries(effect.amounts ?? {})) fields.set(`amounts.${name}`, expressionText(v));
  for (const [list, codes] of Object.entries(effect.append ?? {})) fields.set(`append.${list}`, `[${codes.join(', ')}]`);
  return fields;
}

/** The fields that differ: in the order of `after`, then those only `before` had. */
export function diffEffects(before: Effect | undefined, after: Effect | undefined): EffectFieldChange[] {
  const b = effectFields(before);
  const a = effectFields(after);
  const out: EffectFieldChange[] = [];
  for (const [field, text] of a) {
    const old = b.get(field);
    if (old !== text) out.push(old === undefined ? { field, after: text } : { field, before: old, after: text });
  }
  for (const [field, text] of b) if (!a.has(field)) out.push({ field, before: text });
  return out;
}

/** How a summary names a field: `kwota premia_max` / `amount premia_max`. */
export function effectFieldLabel(field: string): LocalText {
  if (field === 'outcome') return { pl: 'rozstrzygnięcie', en: 'outcome' };
  const dot = field.indexOf('.');
  const group = field.slice(0, dot);
  const name = field.slice(dot + 1);
  if (group === 'values') return { pl: `wartość ${name}`, en: `value ${name}` };
  if (group === 'amounts') return { pl: `kwota ${name}`, en: `amount ${name}` };
  return { pl: `kody dopisywane do ${name}`, en: `codes appended to ${name}` };
}

function literalText(v: string | number | boolean): string {
  if (typeof v === 'string') return v.includes('"') ? `'${v}'` : `"${v}"`;
  return expressionText(v);
}
