import type { RuleFile } from '../load/load-library.ts';

/** Where the published law keeps its files: every path starts with it, as in the project's `rules/`. */
export const LAW_ROOT = 'rules/';

/** The project's copy of the contract's acceptance cases, stored beside the law but not part of its folder. */
export const SHARED_CASES_ROOT = 'rules/shared-cases/';

/** The published files with a change set's files in their place (added where new). */
export function overlay(published: readonly RuleFile[], changes: readonly RuleFile[]): RuleFile[] {
  const changed = new Map(changes.map((f) => [f.path, f]));
  return [...published.filter((f) => !changed.has(f.path)), ...changes].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The published law as a folder in the layout of `rules/`: paths relative to it, sorted, texts as stored, so the
 * same law always gives the same bytes. The shared acceptance cases stay out: they belong to the contract.
 */
export function exportLayout(files: readonly RuleFile[]): RuleFile[] {
  return files
    .filter((f) => f.path.startsWith(LAW_ROOT) && !f.path.startsWith(SHARED_CASES_ROOT))
    .map((f) => ({ path: f.path.slice(LAW_ROOT.length), text: f.text }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Why a path cannot hold a file of the law, or undefined when it can (relative to `rules/`, YAML, no `..`). */
export function lawPathProblem(path: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*\.yaml$/.test(path))
    return 'a path of the law is lower-case folders and a .yaml file, relative to rules/ (e.g. cis-benefit/2027-01-01.yaml)';
  if (path.split('/').some((part) => part === '..' || part.startsWith('.'))) return 'a path may not climb out of rules/';
  return undefined;
}
