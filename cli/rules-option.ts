import type { Command } from 'commander';
import { currentFiles, toRuleFile } from '../server/store/rule-files.ts';
import { BUNDLED_RULES_DIR, readFiles, yamlFilesUnder } from '../src/adapters/fs/read-rules.ts';
import type { Library } from '../src/library.ts';
import { classify, loadLibrary, type RuleFile } from '../src/load/load-library.ts';
import { CliError, printProblems } from './io.ts';
import { namedDatabase, openServerDatabase, shownLocation } from './server-database.ts';

/** Where the law is read from: a rules folder, or the published law of a server's database (a file or a postgres:// URL). */
export type LawSource = { kind: 'dir'; dir: string } | { kind: 'database'; location: string };

type LawOptions = { rules?: string; database?: string };

/**
 * `--rules` wins; then `--database` (or DATABASE_URL, or DATABASE_PATH), so that the command answers by the law
 * the server publishes; then REINTEGRA_RULES; then the bundled rules/.
 */
export function lawSource(program: Command): LawSource {
  const o = program.opts<LawOptions>();
  if (o.rules) return { kind: 'dir', dir: o.rules };
  const database = namedDatabase(program);
  if (database) return { kind: 'database', location: database };
  return { kind: 'dir', dir: process.env.REINTEGRA_RULES ?? BUNDLED_RULES_DIR };
}

/** The law source named for messages: the folder, or the database (a URL without its password). */
export function describeSource(source: LawSource): string {
  return source.kind === 'dir' ? source.dir : `the database ${shownLocation(source.location)}`;
}

/** The rules folder chosen with --rules (or REINTEGRA_RULES), else the bundled one. */
export function rulesDir(program: Command): string {
  return program.opts<LawOptions>().rules ?? process.env.REINTEGRA_RULES ?? BUNDLED_RULES_DIR;
}

/** Every file of the law from the chosen source: a folder's YAML files, or the database's published files. */
export async function lawFiles(program: Command): Promise<RuleFile[]> {
  const source = lawSource(program);
  if (source.kind === 'dir') return readFiles(yamlFilesUnder(source.dir));
  const database = await openServerDatabase(source.location);
  try {
    return (await currentFiles(database.db)).map(toRuleFile);
  } finally {
    await database.close();
  }
}

/** Loads the law from the chosen source, or stops with every problem on stderr. */
export async function loadLibraryFor(program: Command): Promise<Library> {
  const { library, problems } = loadLibrary(await lawFiles(program));
  if (!library) {
    printProblems(problems);
    throw new CliError(`the rules in ${describeSource(lawSource(program))} do not load: run "reintegra validate" for details`);
  }
  return library;
}

/** The test cases files of the law from the chosen source. */
export async function lawTestFiles(program: Command): Promise<RuleFile[]> {
  return (await lawFiles(program)).filter((f) => classify(f.path) === 'tests');
}
