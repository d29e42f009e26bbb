import type { Command } from 'commander';
import { coverage, formatCoverage, unreached } from '../../src/cases/coverage.ts';
import { parseCaseFiles, runCases } from '../../src/cases/run-cases.ts';
import { CliError, printProblems } from '../io.ts';
import { lawTestFiles, loadLibraryFor } from '../rules-option.ts';
import { caseFilesUnder } from './test.ts';

export function registerCoverage(program: Command): void {
  program
    .command('coverage')
    .description(
      'Per question and cited article, which rules the test cases reach (met / failed); exit 1 if a rule is reached by none',
    )
    .argument('[paths...]', 'case files or folders (default: every test file of the law read)')
    .option('--json', 'print the report as JSON')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const library = await loadLibraryFor(program);
      const { cases, problems } = parseCaseFiles(paths.length ? caseFilesUnder(paths) : await lawTestFiles(program));
      if (problems.length) {
        printProblems(problems);
        throw new CliError('some case files are not valid');
      }
      const report = coverage(library, await runCases(library, cases));
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatCoverage(report)}\n`);
      if (unreached(report).length > 0) process.exitCode = 1;
    });
}
