import type { RuleSetDocument } from '../schema/ruleset.ts';
import { arrow, makeChange } from './change.ts';
import { diffEffects, effectFieldLabel } from './effect-fields.ts';
import type { Change } from './types.ts';

/** `default_outcome` and `precedence` (whose order is meaningful: strongest first). */
export function diffOutcome(before: RuleSetDocument, after: RuleSetDocument): Change[] {
  const changes: Change[] = [];
  if (before.default_outcome !== after.default_outcome) {
    const [b, a] = [before.default_outcome, after.default_outcome];
    changes.push(
      makeChange(
        'outcome_changed',
        'default_outcome',
        { before: b, after: a },
        `Zmieniono rozstrzygnięcie domyślne: ${arrow(b, a, 'pl')}`,
        `Default outcome changed: ${arrow(b, a, 'en')}`,
      ),
    );
  }
  const [b, a] = [before.precedence, after.precedence];
  if (JSON.stringify(b) !== JSON.stringify(a)) {
    const pl = (p: string[] | undefined) => (p ? `[${p.join(', ')}]` : '(kolejność reguł)');
    const en = (p: string[] | undefined) => (p ? `[${p.join(', ')}]` : '(rule order)');
    changes.push(
      makeChange(
        'outcome_changed',
        'precedence',
        { before: b, after: a },
        `Zmieniono pierwszeństwo rozstrzygnięć: ${pl(b)} → ${pl(a)}`,
        `Precedence of outcomes changed: ${en(b)} → ${en(a)}`,
      ),
    );
  }
  return changes;
}

/**
 * `results`: one `results_changed` per field (outcome, value, amount, appended codes) of an outcome's
 * results that differs; outcomes in the order of `after`, then those only `before` had.
 */
export function diffResults(before: RuleSetDocument['results'], after: RuleSetDocument['results']): Change[] {
  const b = before ?? {};
  const a = after ?? {};
  const outcomes = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  const changes: Change[] = [];
  for (const outcome of outcomes) {
    for (const d of diffEffects(b[outcome], a[outcome])) {
      const label = effectFieldLabel(d.field);
      changes.push(
        makeChange(
          'results_changed',
          `results.${outcome}.${d.field}`,
          d,
          `Zmieniono wyniki rozstrzygnięcia ${outcome} – ${label.pl}: ${arrow(d.before, d.after, 'pl')}`,
          `Results of outcome ${outcome} changed – ${label.en}: ${arrow(d.before, d.after, 'en')}`,
        ),
      );
    }
  }
  return changes;
}
