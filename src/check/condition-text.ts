import { printExpression } from '../expr/print.ts';
import { toPlain } from '../expr/value.ts';
import type { IrCondition, IrEffect } from '../ir/types.ts';

/** A condition as its author wrote it, for messages. */
export function conditionText(c: IrCondition): string {
  switch (c.k) {
    case 'compare':
    case 'test':
      return c.text;
    case 'not': {
      const inner = conditionText(c.item);
      return /^[\w.]+$/.test(inner) ? `not ${inner}` : `not (${inner})`;
    }
    case 'all':
      return c.items.map((i) => (i.k === 'any' ? `(${conditionText(i)})` : conditionText(i))).join(' and ');
    case 'any':
      return c.items.map(conditionText).join(' or ');
  }
}

/** The conjuncts of a condition: the parts an unsatisfiable core can name. */
export function conjuncts(c: IrCondition): IrCondition[] {
  return c.k === 'all' ? c.items.flatMap(conjuncts) : [c];
}

/** A canonical text of an effect, so that two effects compare by what they decide and give. */
export function effectKey(e: IrEffect): string {
  return JSON.stringify({
    outcome: e.outcome ?? null,
    values: e.values
      .map(([k, v]) => [k, v.k === 'expr' ? printExpression(v.expr) : JSON.stringify(toPlain(v.value))])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
    amounts: e.amounts.map(([k, x]) => [k, printExpression(x)]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    append: [...e.append].sort(([a], [b]) => a.localeCompare(b)),
  });
}

/** True when an effect decides or gives anything (a rule without one only states a reason). */
export function hasEffect(e: IrEffect | undefined): e is IrEffect {
  return Boolean(e && (e.outcome || e.values.length || e.amounts.length || e.append.some(([, codes]) => codes.length)));
}

/** `not_eligible`, or what the effect gives: `values months`, `append flags: [x]`. */
export function effectText(e: IrEffect): string {
  const parts: string[] = [];
  if (e.outcome) parts.push(e.outcome);
  if (e.values.length) parts.push(`values ${e.values.map(([k]) => k).join(', ')}`);
  if (e.amounts.length) parts.push(`amounts ${e.amounts.map(([k]) => k).join(', ')}`);
  for (const [k, codes] of e.append) if (codes.length) parts.push(`${k} + [${codes.join(', ')}]`);
  return parts.join('; ');
}
