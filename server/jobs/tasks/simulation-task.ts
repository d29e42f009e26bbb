import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { MessagePort } from 'node:worker_threads';
import { CompiledLibrary } from '../../../src/compile/compile.ts';
import { type Caseload, caseloadOf, generateCaseload, weightedLine } from '../../../src/population/caseloads/index.ts';
import { generatePopulation } from '../../../src/population/generate/index.ts';
import { type PopulationRow, readPopulation } from '../../../src/population/read/index.ts';
import type { WindowOptions } from '../../../src/simulate/budget-window.ts';
import { type SimulationResult, simulate } from '../../../src/simulate/simulate.ts';
import { type LibraryFiles, libraryOf } from './library-cache.ts';

/** A population trial as a worker runs it: the library's files, what to compare, and where the persons come from. */
export interface SimulationTask {
  kind: 'simulation';
  library: LibraryFiles;
  /** The law as published, for the baseline of a proposal change set (which may change parameters the baseline reads). */
  baselineLibrary?: LibraryFiles | undefined;
  question: string;
  date: string;
  baseline?: string | undefined;
  proposal: string;
  population:
    | { generate: { size: number; seed: number; date: string; weighted?: boolean } }
    | { file: string; format: 'csv' | 'jsonl' };
  by: string[];
  monthsPerYear: number;
  window?: WindowOptions;
  /** Where the worker reports how many rows it has read. */
  progress: MessagePort;
}

export interface SimulationOutcome {
  result: SimulationResult;
  /** The sha256 of a generated population's JSON Lines, as the command writes it (null for an upload, hashed when received). */
  generatedHash: string | null;
}

/** Reports progress every 10,000 rows or 200 ms, whichever comes first: a million rows must not mean a million messages. */
function reporter(port: MessagePort) {
  let lastAt = 0;
  let lastRead = 0;
  return (read: number, force = false) => {
    const t = Date.now();
    if (force || t - lastAt >= 200 || read - lastRead >= 10_000) {
      lastAt = t;
      lastRead = read;
      port.postMessage({ read });
    }
  };
}

async function* counted(
  rows: AsyncIterable<PopulationRow> | Iterable<PopulationRow>,
  report: (n: number) => void,
): AsyncGenerator<PopulationRow> {
  let read = 0;
  for await (const row of rows) {
    read++;
    if ((read & 1023) === 0) report(read);
    yield row;
  }
}

/**
 * A generated population as rows, hashed line by line as `reintegra population --format jsonl` writes it. The
 * generator's persons are valid facts by construction (its round-trip test reads every one back unchanged), so
 * they are not parsed back from their text: that parse and check was most of a run's time.
 */
function* generatedRows(
  options: { size: number; seed: number; date: string },
  hash: Hash,
  caseload: Caseload | undefined,
): Generator<PopulationRow> {
  let line = 0;
  if (caseload) {
    for (const person of generateCaseload(options, caseload)) {
      line++;
      hash.update(`${weightedLine(person)}\n`);
      const facts: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(person.facts)) if (v !== undefined) facts[k] = v;
      yield { line, facts, weight: person.weight, attributes: { voivodeship: person.voivodeship } };
    }
    return;
  }
  for (const person of generatePopulation(options)) {
    line++;
    const text = JSON.stringify(person);
    hash.update(`${text}\n`);
    const facts: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(person)) if (v !== undefined) facts[k] = v;
    yield { line, facts };
  }
}

/** Runs a trial on this thread, streaming the population from its generator or its file: memory never holds it. */
export async function runSimulation(task: SimulationTask): Promise<SimulationOutcome> {
  const library = libraryOf(task.library);
  const report = reporter(task.progress);
  const generatedHash = 'generate' in task.population ? createHash('sha256') : undefined;
  const caseload = caseloadOf(task.question);
  const source: AsyncIterable<PopulationRow> | Iterable<PopulationRow> =
    'generate' in task.population
      ? generatedRows(task.population.generate, generatedHash as Hash, task.population.generate.weighted ? caseload : undefined)
      : readPopulation(createInterface({ input: createReadStream(task.population.file), crlfDelay: Infinity }), {
          format: task.population.format,
          catalogue: library.catalogue,
        });
  let read = 0;
  const rows = counted(source, (n) => {
    read = n;
    report(n);
  });
  const baseline = task.baselineLibrary ? libraryOf(task.baselineLibrary) : undefined;
  const result = await simulate({
    library,
    ...(baseline ? { baselineLibrary: { library: baseline, compiled: new CompiledLibrary(baseline) } } : {}),
    compiled: new CompiledLibrary(library),
    question: task.question,
    date: task.date,
    ...(task.baseline ? { baseline: task.baseline } : {}),
    proposal: task.proposal,
    rows,
    by: task.by,
    monthsPerYear: task.monthsPerYear,
    // A plain generated population stands for no caseload: its rows weigh 1 and are not compared with targets.
    caseload: 'generate' in task.population && !task.population.generate.weighted ? undefined : caseload,
    window: task.window,
  });
  report(Math.max(read, result.persons + result.errors.count), true);
  return { result, generatedHash: generatedHash ? `sha256:${generatedHash.digest('hex')}` : null };
}
