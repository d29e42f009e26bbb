import { CompiledLibrary } from '../../../src/compile/compile.ts';
import type { Library } from '../../../src/library.ts';
import { loadLibrary, type RuleFile } from '../../../src/load/load-library.ts';
import { formatProblem } from '../../../src/load/problem.ts';

/** The rule files of one library, and a key that changes whenever any of them does. */
export interface LibraryFiles {
  key: string;
  files: RuleFile[];
}

const cache = new Map<string, Library>();

/** The library of these files, loaded once per thread and key (the law, a proposal): a few at most are kept. */
export function libraryOf(input: LibraryFiles): Library {
  const hit = cache.get(input.key);
  if (hit) return hit;
  const { library, problems } = loadLibrary(input.files);
  if (!library) throw new Error(`the rules do not load:\n${problems.map(formatProblem).join('\n')}`);
  if (cache.size >= 4) cache.delete(cache.keys().next().value as string);
  cache.set(input.key, library);
  return library;
}

const compiled = new WeakMap<Library, CompiledLibrary>();

/** The compiled form of a cached library, compiled once per thread (each version on first use). */
export function compiledOf(library: Library): CompiledLibrary {
  let c = compiled.get(library);
  if (!c) {
    c = new CompiledLibrary(library);
    compiled.set(library, c);
  }
  return c;
}
