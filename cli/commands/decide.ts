import type { Command } from 'commander';
import { DecisionError } from '../../src/decide/decision-error.ts';
import { explainAnswer } from '../../src/explain/explain-answer.ts';
import { CliError, readJsonInput } from '../io.ts';
import { loadLibraryFor } from '../rules-option.ts';

export function registerDecide(program: Command): void {
  program
    .command('decide')
    .description('Answer a question for a person on a date (JSON answer of contract.md §3 on stdout)')
    .requiredOption('-q, --question <id>', 'question id, e.g. pai-referral')
    .requiredOption('-d, --date <YYYY-MM-DD>', 'the day the question is asked about')
    .option('-f, --facts <file>', 'JSON file of facts; "-" or absent reads standard input')
    .option('--version <name>', 'a proposal (or a version by its valid_from) instead of the law in force')
    .option(
      '--known-on <YYYY-MM-DD>',
      'answer as the law was known on this day (versions and values published later are ignored); default: today',
    )
    .option('--explain', 'print the reasons as readable text instead of JSON')
    .option('--lang <pl|en>', 'language of --explain', 'pl')
    .action(
      async (opts: {
        question: string;
        date: string;
        facts?: string;
        version?: string;
        knownOn?: string;
        explain?: boolean;
        lang: string;
      }) => {
        if (opts.lang !== 'pl' && opts.lang !== 'en') throw new CliError(`--lang must be pl or en, not ${opts.lang}`);
        const library = await loadLibraryFor(program);
        const facts = readJsonInput(opts.facts, 'the facts');
        if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) {
          throw new CliError('the facts must be a JSON object such as {"registered_unemployed": true}');
        }
        try {
          const answer = await library.decide({
            question: opts.question,
            date: opts.date,
            facts: facts as Record<string, unknown>,
            ...(opts.version ? { version: opts.version } : {}),
            ...(opts.knownOn ? { known_on: opts.knownOn } : {}),
          });
          process.stdout.write(
            opts.explain ? `${explainAnswer(answer, library.catalogue, opts.lang)}\n` : `${JSON.stringify(answer, null, 2)}\n`,
          );
        } catch (e) {
          if (e instanceof DecisionError) throw new CliError(`${e.code}${e.field ? ` (${e.field})` : ''}: ${e.message}`);
          throw e;
        }
      },
    );
}
