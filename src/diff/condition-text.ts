import { JRE_TO_OP } from '../load/compile-condition.ts';
import type { Condition } from '../schema/ruleset.ts';
import { expressionText } from './expression-text.ts';

// The compact operator each json-rules-engine operator stands for (as src/load/compile-condition.ts reads them).

/**
 * A condition as one normalised compact text, whichever form it was written in:
 * `all` / `any` / `not` become `and` / `or` / `not`, a `{ fact, operator, value }` leaf becomes a
 * comparison, and the whole is printed canonically (see `expressionText`). So `all: [a, b]` and
 * `"a and b"` compare equal. Absent (the rule always fires): undefined.
 */
export function conditionText(cond: Condition | undefined): string | undefined {
  return cond === undefined ? undefined : expressionText(compactSource(cond));
}

function compactSource(cond: Condition): string {
  if (typeof cond === 'string') return `(${cond})`;
  if ('all' in cond) return `(${cond.all.map(compactSource).join(' and ')})`;
  if ('any' in cond) return `(${cond.any.map(compactSource).join(' or ')})`;
  if ('not' in cond) return `(not ${compactSource(cond.not)})`;
  const op = JRE_TO_OP[cond.operator];
  const v = cond.value;
  const shown = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { fact: string }).fact : JSON.stringify(v);
  const swap = cond.operator === 'contains' || cond.operator === 'doesNotContain';
  return swap ? `(${shown} ${op} ${cond.fact})` : `(${cond.fact} ${op} ${shown})`;
}
