// The generated files are read back by the population reader that `reintegra simulate` uses.
import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../../adapters/fs/read-rules.ts';
import { readPopulation } from '../read/index.ts';
import { generatePopulation, POPULATION_FACTS } from './generate-population.ts';
import { toCsvLines, toJsonLines } from './writers.ts';

const catalogue = loadRulesDirOrThrow().catalogue;
const options = { size: 2000, seed: 21, date: '2025-10-15' };

/** What CSV can say: an empty list is an empty cell, which reads back as absent (its default, []). */
const withoutEmptyLists = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));

describe('generated populations read back through readPopulation', () => {
  for (const format of ['csv', 'jsonl'] as const) {
    it(`reads every ${format} row back, with the same facts`, async () => {
      const lines =
        format === 'csv' ? toCsvLines(generatePopulation(options), POPULATION_FACTS) : toJsonLines(generatePopulation(options));
      const read: Record<string, unknown>[] = [];
      for await (const row of readPopulation(lines, { format, catalogue })) {
        if ('error' in row) throw new Error(`line ${row.line}: ${row.error.reason}`);
        read.push(row.facts);
      }
      const expected = [...generatePopulation(options)];
      expect(read).toEqual(format === 'csv' ? expected.map(withoutEmptyLists) : expected);
    });
  }
});
