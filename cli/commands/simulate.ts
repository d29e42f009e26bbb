import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { CompiledLibrary } from '../../src/compile/compile.ts';
import { caseloadOf } from '../../src/population/caseloads/index.ts';
import { readPopulation } from '../../src/population/read/index.ts';
import { MAX_WINDOW_YEARS, type WindowOptions } from '../../src/simulate/budget-window.ts';
import { simulate } from '../../src/simulate/simulate.ts';
import { CliError } from '../io.ts';
import { loadLibraryFor } from '../rules-option.ts';
import { formatOf } from './population.ts';
import { formatSimulation } from './simulation-text.ts';

/** Lines of a file, counting bytes read so a terminal can show how far the run is. */
async function* fileLines(path: string, onBytes: (n: number) => void): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  stream.on('data', (chunk) => onBytes(Buffer.byteLength(chunk as string)));
  yield* createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
}

const csvCell = (v: unknown) => {
  const s = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Trial a proposal against the law over a population: changes, gains and losses, yearly cost')
    .requiredOption('-q, --question <id>', 'question, e.g. cis-benefit')
    .requiredOption('-d, --date <YYYY-MM-DD>', 'the day the population is assessed on')
    .option('--baseline <version>', 'version to compare with (default: the law in force on the date)')
    .requiredOption('--proposal <name>', 'proposal (file name under rules/<question>/proposals/) or version')
    .requiredOption('--population <file>', 'CSV or JSON Lines, one person a row, columns named as facts')
    .option('--by <facts>', 'comma-separated fact columns to break the results down by')
    .option('--months-per-year <n>', 'months a year each person is paid, for the yearly cost', '12')
    .option('--window <from-to>', 'a budget window, e.g. 2026-2030: each year on the date’s day and month (at most 10 years)')
    .option('--rate <percent>', 'yearly indexation of the years not yet announced (default 2.5, the NBP inflation target)', '2.5')
    .option('--json', 'print the result as JSON')
    .option('--lang <pl|en>', 'language of the summary', 'pl')
    .option('--csv <file>', 'write the persons whose answer changes to this CSV')
    .action(
      async (opts: {
        question: string;
        date: string;
        baseline?: string;
        proposal: string;
        population: string;
        by?: string;
        monthsPerYear: string;
        json?: boolean;
        lang: string;
        csv?: string;
        window?: string;
        rate: string;
      }) => {
        if (opts.lang !== 'pl' && opts.lang !== 'en') throw new CliError(`--lang must be pl or en, not ${opts.lang}`);
        const library = await loadLibraryFor(program);
        if (!library.version(opts.question, opts.proposal))
          throw new CliError(`${opts.question} has no proposal or version "${opts.proposal}"`);
        const months = Number(opts.monthsPerYear);
        if (!Number.isFinite(months) || months <= 0 || months > 12)
          throw new CliError('--months-per-year must be a number from 1 to 12');
        const window = opts.window === undefined ? undefined : parseWindow(opts.window, opts.rate);
        const format = formatOf(opts.population);
        const total = statSync(opts.population).size;
        let read = 0;
        const tty = process.stderr.isTTY;
        const progress = (persons: number) => {
          if (tty) process.stderr.write(`\r${((100 * read) / Math.max(total, 1)).toFixed(0).padStart(3)} %  ${persons} persons`);
        };
        const csv = opts.csv ? createWriteStream(opts.csv) : undefined;
        csv?.write('line,kind,baseline_outcome,proposal_outcome,baseline_amounts,proposal_amounts,facts\n');
        const result = await simulate({
          library,
          compiled: new CompiledLibrary(library),
          question: opts.question,
          date: opts.date,
          ...(opts.baseline ? { baseline: opts.baseline } : {}),
          proposal: opts.proposal,
          rows: readPopulation(
            fileLines(opts.population, (n) => {
              read += n;
            }),
            { format, catalogue: library.catalogue },
          ),
          by: opts.by ? opts.by.split(',').map((s) => s.trim()) : [],
          monthsPerYear: months,
          caseload: caseloadOf(opts.question),
          window,
          onProgress: progress,
          onChange: (row, before, after, kind) => {
            csv?.write(
              `${[row.line, kind, before.outcome, after.outcome, before.amounts, after.amounts, row.facts].map(csvCell).join(',')}\n`,
            );
          },
        });
        if (tty) process.stderr.write('\n');
        await new Promise<void>((resolve) => (csv ? csv.end(resolve) : resolve()));
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${formatSimulation(result, library.catalogue, opts.lang, (v) => library.version(opts.question, v)?.title)}\n`,
        );
        if (result.errors.count > 0) {
          for (const e of result.errors.first.slice(0, 20)) process.stderr.write(`${opts.population}:${e.line}: ${e.reason}\n`);
          process.exitCode = 1;
        }
      },
    );
}

/** `2026-2030` and a rate as a window, or a CliError naming the option. */
export function parseWindow(text: string, rate: string): WindowOptions {
  const m = /^(\d{4})-(\d{4})$/.exec(text.trim());
  const [from, to] = m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN];
  if (!(from <= to) || to - from + 1 > MAX_WINDOW_YEARS)
    throw new CliError(
      `--window must be two years, the first not after the second, at most ${MAX_WINDOW_YEARS} years apart: 2026-2030, not "${text}"`,
    );
  const ratePercent = Number(rate);
  if (!Number.isFinite(ratePercent) || ratePercent < -10 || ratePercent > 20)
    throw new CliError(`--rate must be a percent from -10 to 20, not "${rate}"`);
  return { from, to, ratePercent };
}
