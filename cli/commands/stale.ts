import type { Command } from 'commander';
import { isIsoDate } from '../../src/dates/iso-date.ts';
import { formatParameterValue } from '../../src/decide/parameter-texts.ts';
import { staleParameters } from '../../src/known/stale.ts';
import { todayIso } from '../../src/library.ts';
import type { ParameterDefinition } from '../../src/schema/parameters.ts';
import { formatDate } from '../../src/text/format.ts';
import { CliError } from '../io.ts';
import { loadLibraryFor } from '../rules-option.ts';

/** `reintegra stale [--on DAY]`: the dated values whose next one the law made due by the day and nobody has entered. */
export function registerStale(program: Command): void {
  program
    .command('stale')
    .description(
      'List the dated values past their next expected update (the zasiłek each 1 June, the minimum wage each 1 January)',
    )
    .option('--on <YYYY-MM-DD>', 'the day to look from; default: today')
    .option('--json', 'print as JSON')
    .option('--lang <pl|en>', 'language of the list', 'pl')
    .action(async (opts: { on?: string; json?: boolean; lang: string }) => {
      if (opts.lang !== 'pl' && opts.lang !== 'en') throw new CliError(`--lang must be pl or en, not ${opts.lang}`);
      const lang = opts.lang;
      const day = opts.on ?? todayIso();
      if (!isIsoDate(day)) throw new CliError(`--on must be a real day written YYYY-MM-DD, not ${day}`);
      const stale = staleParameters((await loadLibraryFor(program)).catalogue.parameters, day);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ on: day, stale }, null, 2)}\n`);
        return;
      }
      if (stale.length === 0) {
        process.stdout.write(
          lang === 'pl'
            ? `Na dzień ${formatDate(day, 'pl')} wszystkie wartości są aktualne.\n`
            : `On ${formatDate(day, 'en')} every value is up to date.\n`,
        );
        return;
      }
      for (const s of stale) {
        const value = formatParameterValue(s.value, s.unit as ParameterDefinition['unit'], lang);
        process.stdout.write(
          lang === 'pl'
            ? `${s.label.pl}: ${value} od ${formatDate(s.from, 'pl')}; nowa wartość należała się od ${formatDate(s.due, 'pl')}\n`
            : `${s.label.en}: ${value} from ${formatDate(s.from, 'en')}; a new value was due from ${formatDate(s.due, 'en')}\n`,
        );
      }
    });
}
