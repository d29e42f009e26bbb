import type { Schemas } from '../shared/api/client.ts';

type Draft = Schemas['Draft'];
export type DraftFile = Schemas['DraftFile'];

/** Where the published law keeps its files; a change set's files are named relative to it. */
const LAW_ROOT = 'rules/';

/** A path relative to rules/ (`cis-benefit/2027-01-01.yaml`), from either form. */
export function relativePath(path: string): string {
  return path.startsWith(LAW_ROOT) ? path.slice(LAW_ROOT.length) : path;
}

/** A path as the core and the server's problems name it (`rules/cis-benefit/2027-01-01.yaml`). */
export function storedPath(path: string): string {
  return `${LAW_ROOT}${relativePath(path)}`;
}

/** The file of the change set at `path` (either form). */
export function fileOf(draft: Draft | undefined, path: string): DraftFile | undefined {
  const want = relativePath(path);
  return draft?.files.find((f) => f.path === want);
}

/** The file to open first: the one asked for when the change set holds it, else its first (a one-file draft's file). */
export function openingPath(draft: Draft, wanted: string): string {
  if (wanted && fileOf(draft, wanted)) return relativePath(wanted);
  return relativePath(draft.path);
}

/**
 * Where the saved file is now: where it was, or, when saving moved it (a version whose valid_from changed lies at
 * the path of its new date), the one file that is new in `after`.
 */
export function pathAfterSave(before: Draft, after: Draft, path: string): string {
  if (fileOf(after, path)) return relativePath(path);
  const old = new Set(before.files.map((f) => f.path));
  return after.files.find((f) => !old.has(f.path))?.path ?? relativePath(after.path);
}

/** The question a file of the law belongs to, by where it lies (`cis-benefit/tests/cases.yaml` → cis-benefit). */
export function questionOfPath(path: string): string | undefined {
  const [first, second] = relativePath(path).split('/');
  return second && first !== 'parameters' ? first : undefined;
}
