// The one adapter that touches the file system: it reads rules/ (and case files) into memory for the core.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../../library.ts';
import { loadLibrary, type RuleFile } from '../../load/load-library.ts';
import { type Problem, RuleSetError } from '../../load/problem.ts';

/** The rules/ folder shipped with the project. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../../rules', import.meta.url));

/** Every .yaml file under `path` (or `path` itself), sorted, as paths relative to the working folder. */
export function yamlFilesUnder(path: string): string[] {
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : yamlFilesUnder(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });
}

/** Reads files into memory with their display paths (relative to the working folder when inside it). */
export function readFiles(paths: readonly string[]): RuleFile[] {
  return paths.map((p) => {
    const shown = relative(process.cwd(), p);
    return { path: shown.startsWith('..') ? p : shown, text: readFileSync(p, 'utf8') };
  });
}

/** Loads a rules folder; problems come back as data, the library only when there is no error. */
export function loadRulesDir(dir: string = BUNDLED_RULES_DIR): { library?: Library; problems: Problem[] } {
  return loadLibrary(readFiles(yamlFilesUnder(dir)));
}

/** Loads a rules folder or throws a RuleSetError listing every problem. */
export function loadRulesDirOrThrow(dir: string = BUNDLED_RULES_DIR): Library {
  const { library, problems } = loadRulesDir(dir);
  if (!library) throw new RuleSetError(problems);
  return library;
}
