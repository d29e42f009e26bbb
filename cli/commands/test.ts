import type { Command } from 'commander';
import { readFiles, yamlFilesUnder } from '../../src/adapters/fs/read-rules.ts';
import { parseCaseFiles, runCases } from '../../src/cases/run-cases.ts';
import { classify } from '../../src/load/load-library.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import { CliError, printProblems } from '../io.ts';
import { lawTestFiles, loadLibraryFor } from '../rules-option.ts';

/** The case files among `paths`: files named outright, and lists of cases found in folders. */
export function caseFilesUnder(paths: readonly string[]) {
  return paths.flatMap((p) => {
    const files = yamlFilesUnder(p);
    if (files.length === 1 && files[0] === p) return readFiles(files);
    return readFiles(files).filter((f) => {
      const kind = classify(f.path);
      if (kind === 'tests') return true;
      if (kind !== 'ruleset') return false;
      return Array.isArray(parseSource(f.path, f.text).value);
    });
  });
}

export function registerTest(program: Command): void {
  program
    .command('test')
    .description('Run test cases (contract.md §4) from files or folders; exit 0 only when all pass and at least one ran')
    .argument('[paths...]', 'case files or folders holding them (default: every test file of the law read)')
    .option('--json', 'print every result as JSON')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const library = await loadLibraryFor(program);
      const { cases, problems } = parseCaseFiles(paths.length ? caseFilesUnder(paths) : await lawTestFiles(program));
      if (problems.length) {
        printProblems(problems);
        throw new CliError('some case files are not valid: nothing was run');
      }
      const results = await runCases(library, cases);
      const failed = results.filter((r) => r.failures.length > 0);
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify(
            results.map(({ answer: _a, ...r }) => r),
            null,
            2,
          )}\n`,
        );
      for (const r of failed) {
        process.stdout.write(`FAIL ${r.file}:${r.line} ${r.case.name} [${r.case.question} ${r.case.date}]\n`);
        for (const f of r.failures) process.stdout.write(`     ${f}\n`);
      }
      process.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed\n`);
      if (failed.length > 0 || results.length === 0) process.exitCode = 1;
    });
}
