import type { Catalogue } from '../../catalogue/catalogue.ts';
import type { FactDefinition } from '../../schema/facts.ts';
import { cellValue } from './cell-value.ts';
import { createFactChecker, type FactChecker } from './fact-checker.ts';
import { isNonFactColumn, type NonFactColumn, type NonFacts, readNonFact } from './row-attributes.ts';
import { splitCsvLine } from './split-csv-line.ts';
import type { LineReader, PopulationRow } from './types.ts';

type Column = { name: string; def: FactDefinition } | { name: NonFactColumn; def?: undefined };

/**
 * Reads CSV lines: the first is the header, naming a fact of the catalogue in every column;
 * each later line is one person. An empty cell leaves the fact out (its default applies later).
 */
export function createCsvReader(catalogue: Catalogue): LineReader {
  const checker = createFactChecker(catalogue);
  let columns: Column[] | undefined;
  return (text, line) => {
    if (!columns) {
      const header = readHeader(text, checker);
      if ('reason' in header) return { row: { line, error: header }, stop: true };
      columns = header;
      return {};
    }
    return { row: readRow(text, line, columns, checker) };
  };
}

function readHeader(text: string, checker: FactChecker): Column[] | { reason: string; column?: string } {
  const split = splitCsvLine(text);
  if ('problem' in split) return { reason: `header: ${split.problem}; no row is read` };
  const unknown: string[] = [];
  const seen = new Set<string>();
  const columns: Column[] = [];
  for (const [i, name] of split.cells.entries()) {
    if (name === '') return { reason: `header: column ${i + 1} has no name; no row is read` };
    if (seen.has(name)) return { reason: `header: column "${name}" appears twice; no row is read`, column: name };
    seen.add(name);
    const def = checker.definition(name);
    if (def) columns.push({ name, def });
    else if (isNonFactColumn(name)) columns.push({ name });
    else unknown.push(name);
  }
  if (unknown.length > 0) {
    return {
      reason: `header: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => checker.unknownName(n)).join(', ')}; every column must name a fact (or be weight, voivodeship or powiat), so no row is read`,
      column: unknown[0],
    };
  }
  return columns;
}

function readRow(text: string, line: number, columns: Column[], checker: FactChecker): PopulationRow {
  const split = splitCsvLine(text);
  if ('problem' in split) return { line, error: { reason: split.problem } };
  const { cells } = split;
  if (cells.length !== columns.length) {
    return { line, error: { reason: `the row has ${cells.length} cells but the header has ${columns.length} columns` } };
  }
  const facts: Record<string, unknown> = {};
  const other: NonFacts = {};
  for (const [i, { name, def }] of columns.entries()) {
    const cell = cells[i] as string;
    if (cell === '') continue;
    if (!def) {
      const problem = readNonFact(name as NonFactColumn, cell, other);
      if (problem)
        return {
          line,
          error: { reason: `column "${name}" has a wrong value ${JSON.stringify(cell)}: ${problem}`, column: name },
        };
      continue;
    }
    const converted = cellValue(def, cell);
    const problem = 'problem' in converted ? converted.problem : checker.valueProblem(name, def, converted.value);
    if (problem !== undefined) {
      return { line, error: { reason: `column "${name}" has a wrong value ${JSON.stringify(cell)}: ${problem}`, column: name } };
    }
    facts[name] = (converted as { value: unknown }).value;
  }
  return { line, facts, ...other };
}
