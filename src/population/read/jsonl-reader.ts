import type { Catalogue } from '../../catalogue/catalogue.ts';
import { createFactChecker, shown } from './fact-checker.ts';
import { isNonFactColumn, type NonFacts, readNonFact } from './row-attributes.ts';
import type { LineReader, PopulationRow } from './types.ts';

/** Reads JSON Lines: each line one JSON object of facts, named and valued as in an API request. */
export function createJsonlReader(catalogue: Catalogue): LineReader {
  const checker = createFactChecker(catalogue);
  return (text, line): { row: PopulationRow } => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return { row: { line, error: { reason: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` } } };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { row: { line, error: { reason: `a line must be a JSON object of facts, not ${shown(parsed)}` } } };
    }
    const facts: Record<string, unknown> = {};
    const other: NonFacts = {};
    for (const [name, value] of Object.entries(parsed)) {
      if (isNonFactColumn(name) && !checker.definition(name)) {
        const problem = readNonFact(name, value, other);
        if (problem)
          return { row: { line, error: { reason: `"${name}" has a wrong value ${shown(value)}: ${problem}`, column: name } } };
        continue;
      }
      facts[name] = value;
      const def = checker.definition(name);
      if (!def) return { row: { line, error: { reason: checker.unknownName(name), column: name } } };
      const problem = checker.valueProblem(name, def, value);
      if (problem !== undefined) {
        return { row: { line, error: { reason: `fact "${name}" has a wrong value ${shown(value)}: ${problem}`, column: name } } };
      }
    }
    return { row: { line, facts, ...other } };
  };
}
