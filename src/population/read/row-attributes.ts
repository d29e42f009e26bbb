import { isVoivodeship } from '../caseloads/voivodeships.ts';
import type { RowAttributes } from './types.ts';

/** Columns (CSV) or keys (JSON Lines) a population may carry besides facts; never passed to the rules. */
export const NON_FACT_COLUMNS = ['weight', 'voivodeship', 'powiat'] as const;
export type NonFactColumn = (typeof NON_FACT_COLUMNS)[number];

export function isNonFactColumn(name: string): name is NonFactColumn {
  return (NON_FACT_COLUMNS as readonly string[]).includes(name);
}

/** What the non-fact values of one row add up to, or the problem with one of them. */
export interface NonFacts {
  weight?: number;
  attributes?: RowAttributes;
}

/**
 * Checks one non-fact value (a CSV cell is text, a JSON value may be a number) and records it in `into`;
 * returns why it is wrong, or undefined.
 */
export function readNonFact(name: NonFactColumn, value: unknown, into: NonFacts): string | undefined {
  if (name === 'weight') {
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(Number.isFinite(n) && n > 0 && n <= 1e9))
      return 'a weight is a number greater than 0 and at most 1 000 000 000, written with a dot (e.g. 2.5)';
    into.weight = n;
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') return `${name} must be a non-empty text`;
  if (name === 'voivodeship' && !isVoivodeship(value))
    return 'a voivodeship is one of the 16 TERYT names in lower case, e.g. "mazowieckie" or "warmińsko-mazurskie"';
  into.attributes = { ...into.attributes, [name]: value };
  return undefined;
}
