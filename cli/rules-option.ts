import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../server/db/open.ts';
import { currentFiles, toRuleFile } from '../server/store/rule-files.ts';
import { BUNDLED_RULES_DIR, readFiles, yamlFilesUnder } from '../src/adapters/fs/read-rules.ts';
import type { Library } from '../src/library.ts';
import { classify, loadLibrary, type RuleFile } from '../src/load/load-library.ts';
import { CliError, printProblems } from './io.ts';

/** Where the law is read from: a rules folder, or the published law of a server's database. */
export type LawSource = { kind: 'dir'; dir: string } | { kind: 'database'; path: string };

type LawOptions = { rules?: string; database?: string };

/**
 * `--rules` wins; then `--database` (or DATABASE_PATH), so that the command answers by the law the server
 * publishes; then REINTEGRA_RULES; then the bundled rules/.
 */
export function lawSource(program: Command): LawSource {
  const o = program.opts<LawOptions>();
  if (o.rules) return { kind: 'dir', dir: o.rules };
  const database = o.database ?? process.env.DATABASE_PATH;
  if (database) return { kind: 'database', path: database };
  return { kind: 'dir', dir: process.env.REINTEGRA_RULES ?? BUNDLED_RULES_DIR };
}

/** The rules folder chosen with --rules (or REINTEGRA_RULES), else the bundled one. */
export function rulesDir(program: Command): string {
  return program.opts<LawOptions>().rules ?? process.env.REINTEGRA_RULES ?? BUNDLED_RULES_DIR;
}

/** Opens a server's database for the command line; a missing file is an error, not a new empty database. */
export function openExistingDatabase(path: string) {
  if (path !== ':memory:' && !existsSync(path)) throw new CliError(`no database at ${path}: give the server's DATABASE_PATH`);
  return openDatabase(path);
}

/** Every file of the law from the chosen source: a folder's YAML files, or the database's published files. */
export function lawFiles(program: Command): RuleFile[] {
  const source = lawSource(program);
  if (source.kind === 'dir') return readFiles(yamlFilesUnder(source.dir));
  const db = openExistingDatabase(source.path);
  try {
    return currentFiles(db).map(toRuleFile);
  } finally {
    db.$client.close();
  }
}

/** Loads the law from the chosen source, or stops with every problem on stderr. */
export function loadLibraryFor(program: Command): Library {
  const { library, problems } = loadLibrary(lawFiles(program));
  if (!library) {
    printProblems(problems);
    const source = lawSource(program);
    const where = source.kind === 'dir' ? source.dir : `the database ${source.path}`;
    throw new CliError(`the rules in ${where} do not load: run "reintegra validate" for details`);
  }
  return library;
}

/** The test cases files of the law from the chosen source. */
export function lawTestFiles(program: Command): RuleFile[] {
  return lawFiles(program).filter((f) => classify(f.path) === 'tests');
}
