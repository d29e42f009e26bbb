import type { Command } from 'commander';
import { BUNDLED_RULES_DIR, loadRulesDir } from '../src/adapters/fs/read-rules.ts';
import type { Library } from '../src/library.ts';
import { CliError, printProblems } from './io.ts';

/** The rules folder chosen with --rules (or REINTEGRA_RULES), else the bundled one. */
export function rulesDir(program: Command): string {
  return program.opts<{ rules?: string }>().rules ?? process.env.REINTEGRA_RULES ?? BUNDLED_RULES_DIR;
}

/** Loads the chosen rules folder, or stops with every problem on stderr. */
export function loadLibraryFor(program: Command): Library {
  const { library, problems } = loadRulesDir(rulesDir(program));
  if (!library) {
    printProblems(problems);
    throw new CliError(`the rules in ${rulesDir(program)} do not load: run "reintegra validate" for details`);
  }
  return library;
}
