import { parseDay } from './day-text.ts';
import { type FactDefinitions, type FormState, isGiven, parseNumber, type RecordRow } from './fact-form-state.ts';

/** Why a field's value cannot be sent; the form says it beside the field. */
export type FieldProblem =
  | { kind: 'number' }
  | { kind: 'integer' }
  | { kind: 'min'; min: number }
  | { kind: 'max'; max: number }
  | { kind: 'date' }
  | { kind: 'record' };

/**
 * The fields whose values the API would refuse (not a number, a fraction for an integer, out of range, not a
 * day, a founder without a kind). Empty fields are not problems: the answer names what is missing.
 */
export function fieldProblems(
  defs: FactDefinitions,
  names: readonly string[],
  state: Readonly<FormState>,
): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  for (const name of names) {
    const def = defs[name];
    const value = state[name];
    if (!def || !isGiven(def, value)) continue;
    if (def.type === 'number' || def.type === 'integer') {
      const n = parseNumber(String(value));
      if (n === undefined) problems.set(name, { kind: 'number' });
      else if (def.type === 'integer' && !Number.isInteger(n)) problems.set(name, { kind: 'integer' });
      else if (def.min !== undefined && n < def.min) problems.set(name, { kind: 'min', min: def.min });
      else if (def.max !== undefined && n > def.max) problems.set(name, { kind: 'max', max: def.max });
    } else if (def.type === 'date') {
      if (parseDay(String(value)) === undefined) problems.set(name, { kind: 'date' });
    } else if (def.type === 'records') {
      const fields = Object.keys(def.fields ?? {});
      if ((value as RecordRow[]).some((row) => fields.some((f) => row[f] === undefined || row[f] === '')))
        problems.set(name, { kind: 'record' });
    }
  }
  return problems;
}
