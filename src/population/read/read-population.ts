import { createCsvReader } from './csv-reader.ts';
import { createJsonlReader } from './jsonl-reader.ts';
import type { PopulationRow, ReadPopulationOptions } from './types.ts';

/**
 * Reads a population, one person a line, as a stream: each line is read, checked and yielded before
 * the next is asked for, so memory does not grow with the population. Lines are the file's lines
 * (without their line breaks; a trailing `\r` and a leading byte-order mark are dropped), numbered from 1.
 * Blank lines are skipped. Every other line yields its facts or an error naming the column or fact
 * and the bad value; values are checked with the fact's `factValueSchema`, as an API request is.
 * In CSV a bad header yields one error (at the header's line) and no rows.
 */
export async function* readPopulation(
  lines: AsyncIterable<string> | Iterable<string>,
  options: ReadPopulationOptions,
): AsyncGenerator<PopulationRow> {
  const read = options.format === 'csv' ? createCsvReader(options.catalogue) : createJsonlReader(options.catalogue);
  let line = 0;
  for await (const raw of lines) {
    line++;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    if (text.trim() === '') continue;
    const { row, stop } = read(text, line);
    if (row) yield row;
    if (stop) return;
  }
}
