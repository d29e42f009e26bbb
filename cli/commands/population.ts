import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { isIsoDate } from '../../src/dates/iso-date.ts';
import { CASELOADS, type Caseload, caseloadOf, generateCaseload, weightedLine } from '../../src/population/caseloads/index.ts';
import {
  generatePopulation,
  POPULATION_FACTS,
  type PopulationOptions,
  populationAssumptions,
  toCsvLines,
  toJsonLines,
} from '../../src/population/generate/index.ts';
import { CliError } from '../io.ts';

export const MAX_POPULATION_SIZE = 10_000_000;
const MAX_SEED = 0xffffffff;
/** Lines are gathered into chunks of about this many characters before they are written. */
const CHUNK = 64 * 1024;

interface RawOptions {
  size: string;
  seed: string;
  date: string;
  format?: string;
  out: string;
}

/** The checked options of `reintegra population`; a CliError names the first wrong one. */
/** A population file's format from its name: JSON Lines for .jsonl or .json, CSV otherwise. */
export function formatOf(path: string): 'csv' | 'jsonl' {
  return /\.jsonl?$/i.test(path) ? 'jsonl' : 'csv';
}

export function parsePopulationOptions(raw: RawOptions): PopulationOptions & { format: 'csv' | 'jsonl'; out: string } {
  const whole = (text: string, name: string, min: number, max: number, shown: string) => {
    const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!(n >= min && n <= max)) throw new CliError(`--${name} must be a whole number from ${min} to ${shown}, not "${text}"`);
    return n;
  };
  const size = whole(raw.size, 'size', 1, MAX_POPULATION_SIZE, '10,000,000');
  const seed = whole(raw.seed, 'seed', 0, MAX_SEED, String(MAX_SEED));
  if (!isIsoDate(raw.date)) throw new CliError(`--date must be a real calendar day written YYYY-MM-DD, not "${raw.date}"`);
  if (raw.date < '1900-01-01') throw new CliError(`--date must be 1900-01-01 or later, not "${raw.date}"`);
  if (raw.format !== undefined && raw.format !== 'csv' && raw.format !== 'jsonl')
    throw new CliError(`--format must be csv or jsonl, not "${raw.format}"`);
  const format = raw.format ?? formatOf(raw.out);
  if (raw.out.trim() === '') throw new CliError('--out must name a file');
  return { size, seed, date: raw.date, format, out: raw.out };
}

/** Lines joined into chunks with their line breaks, so the stream is written in a few large pieces. */
function* chunks(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Counts persons as they pass, showing the count on a terminal. */
function* counted<T>(rows: Iterable<T>, total: number): Generator<T> {
  const tty = process.stderr.isTTY;
  let n = 0;
  for (const row of rows) {
    yield row;
    n++;
    if (tty && n % 100_000 === 0) process.stderr.write(`\r${((100 * n) / total).toFixed(0).padStart(3)} %  ${n} persons`);
  }
  if (tty && n >= 100_000) process.stderr.write('\n');
}

function plainLines(opts: PopulationOptions & { format: 'csv' | 'jsonl' }): Iterable<string> {
  const rows = counted(generatePopulation(opts), opts.size);
  return opts.format === 'csv' ? toCsvLines(rows, POPULATION_FACTS) : toJsonLines(rows);
}

/** Weighted rows: the facts, then `weight` and `voivodeship` (columns a population reader keeps apart from facts). */
function* weightedLines(opts: PopulationOptions & { format: 'csv' | 'jsonl' }, caseload: Caseload): Generator<string> {
  const rows = counted(generateCaseload(opts, caseload), opts.size);
  if (opts.format === 'jsonl') {
    for (const p of rows) yield weightedLine(p);
    return;
  }
  yield* toCsvLines(
    (function* () {
      for (const p of rows) yield { ...p.facts, weight: p.weight, voivodeship: p.voivodeship };
    })(),
    [...POPULATION_FACTS, 'weight', 'voivodeship'],
  );
}

export function registerPopulation(program: Command): void {
  program
    .command('population')
    .description('Write a synthetic population, one person a line, and beside it the assumptions it was drawn from')
    .requiredOption('--size <n>', 'number of persons, 1 to 10,000,000')
    .requiredOption('--seed <n>', 'whole number 0 to 4294967295; the same seed gives the same persons')
    .requiredOption('-d, --date <YYYY-MM-DD>', 'the day the population is assessed on; every date in it is earlier')
    .option('--format <csv|jsonl>', 'file format (default: jsonl for a .jsonl or .json file, csv otherwise)')
    .requiredOption('-o, --out <file>', 'file to write; the assumptions go to <file>.assumptions.md')
    .option('--lang <pl|en>', 'language of the assumptions file', 'pl')
    .option('--question <id>', 'weight the rows to this question’s national caseload and give each a voivodeship')
    .action(async (raw: RawOptions & { lang: string; question?: string }) => {
      if (raw.lang !== 'pl' && raw.lang !== 'en') throw new CliError(`--lang must be pl or en, not ${raw.lang}`);
      const lang = raw.lang;
      const opts = parsePopulationOptions(raw);
      const caseload = raw.question === undefined ? undefined : caseloadOf(raw.question);
      if (raw.question !== undefined && !caseload)
        throw new CliError(`--question ${raw.question} has no stated caseload; one of: ${[...CASELOADS.keys()].join(', ')}`);
      const lines = caseload ? weightedLines(opts, caseload) : plainLines(opts);
      const assumptionsFile = `${opts.out}.assumptions.md`;
      try {
        // pipeline pulls the next chunk only when the file stream has room: backpressure, constant memory.
        await pipeline(Readable.from(chunks(lines)), createWriteStream(opts.out));
        await writeFile(assumptionsFile, populationAssumptions(opts, lang));
      } catch (e) {
        throw new CliError(`cannot write the population: ${(e as Error).message}`);
      }
      process.stdout.write(`${opts.size} persons written to ${opts.out} (${opts.format}); assumptions in ${assumptionsFile}\n`);
    });
}
