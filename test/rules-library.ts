import { loadRulesDir, readFiles, yamlFilesUnder } from '../src/adapters/fs/read-rules.ts';
import { type CaseResult, parseCaseFiles, runCases } from '../src/cases/run-cases.ts';
import type { Library } from '../src/library.ts';
import { classify } from '../src/load/load-library.ts';
import { formatProblem } from '../src/load/problem.ts';

/** The bundled rules, loaded once per test file; a load failure fails loudly with every problem. */
export function bundledLibrary(): Library {
  const { library, problems } = loadRulesDir();
  if (!library) throw new Error(problems.map(formatProblem).join('\n'));
  return library;
}

/** Every case of every rule set's own tests/ folder. */
export function ruleSetCaseFiles() {
  return readFiles(yamlFilesUnder(new URL('../rules', import.meta.url).pathname).filter((f) => classify(f) === 'tests'));
}

/** The project's unchanged copy of the shared acceptance cases. */
export function sharedCaseFiles() {
  return readFiles(yamlFilesUnder(new URL('./shared-cases', import.meta.url).pathname));
}

/** Runs the cases of some files, failing on a malformed case file. */
export async function runFiles(library: Library, files: ReturnType<typeof readFiles>): Promise<CaseResult[]> {
  const { cases, problems } = parseCaseFiles(files);
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  return runCases(library, cases);
}
