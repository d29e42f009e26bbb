import type { Catalogue } from '../../catalogue/catalogue.ts';

/** Why one row (or the header) of a population cannot be read. */
export interface RowError {
  /** What is wrong, naming the column or fact and the bad value. */
  reason: string;
  /** The column (CSV) or fact name (JSONL) at fault, when one is. */
  column?: string;
}

/** Where a person lives: attributes for regional tables, never legal facts (the rules never see them). */
export interface RowAttributes {
  voivodeship?: string;
  powiat?: string;
}

/**
 * One person of a population, read from line `line` of the file: their facts (with how many persons of the
 * caseload the row stands for, 1 when not given, and where they live), or why they could not be read.
 */
export type PopulationRow =
  | { line: number; facts: Record<string, unknown>; weight?: number; attributes?: RowAttributes }
  | { line: number; error: RowError };

/** How to read a population: the file's format and the catalogue its facts belong to. */
export interface ReadPopulationOptions {
  format: 'csv' | 'jsonl';
  catalogue: Catalogue;
}

/**
 * Reads one non-blank line of a population. `row` is what to yield (nothing for a good header);
 * `stop` ends the reading (a bad header poisons every row after it).
 */
export type LineReader = (text: string, line: number) => { row?: PopulationRow; stop?: boolean };
