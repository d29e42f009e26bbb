import type { Schemas } from '../shared/api/client.ts';
import { t } from '../shared/i18n/translate.ts';
import { type OutcomeLabels, outcomeWithAmounts } from './answer-text.ts';
import { factLabel, formatFactValue } from './fact-display.ts';
import type { FactDefinitions } from './fact-form-state.ts';

/** One single-fact change that changes the answer (POST /api/v1/what-if). */
export type Counterfactual = Schemas['Counterfactual'];

/**
 * A change in plain words: "Gdyby „Dni nieusprawiedliwionej nieobecności” wynosiło 3 zamiast 5: przysługuje,
 * świadczenie integracyjne 1 756,34 zł".
 */
export function whatIfSentence(change: Counterfactual, defs: FactDefinitions, outcomes: OutcomeLabels): string {
  const def = defs[change.fact];
  const values = {
    fact: factLabel(defs, change.fact),
    from: formatFactValue(change.fact, def, change.from),
    to: formatFactValue(change.fact, def, change.to),
    result: outcomeWithAmounts(outcomes, change.outcome, change.amounts),
  };
  // Quantities "amount to" a value; choices are quoted, as they read as words.
  const quantity = def?.type === 'number' || def?.type === 'integer' || def?.type === 'date';
  return quantity ? t('console.whatIf.quantity', values) : t('console.whatIf.choice', values);
}
