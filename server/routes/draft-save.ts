import { LAW_ROOT, lawPathProblem } from '../../src/law/law-files.ts';
import type { Db } from '../db/open.ts';
import { ApiError } from '../http/errors.ts';
import { targetPath } from '../store/draft-checks.ts';
import { type ChangeSet, saveFile } from '../store/drafts.ts';
import { currentFile } from '../store/rule-files.ts';
import { apiPath, view } from './draft-schemas.ts';

/**
 * Saves one file of a change set at `path` (stored form, under rules/): a new file starts from the published one
 * at that path, if any; a rule-set version moves to the path its valid_from gives. 409 when the change set moved
 * on since `expected` (nothing is saved) or when the file would land on another file of the change set.
 */
export async function saveOne(
  db: Db,
  cs: ChangeSet,
  path: string,
  yaml: string,
  expected: number,
  actor: string,
): Promise<ChangeSet> {
  if (cs.row.status === 'published')
    throw new ApiError(409, 'ALREADY_PUBLISHED', 'a published change set never changes: open a new one');
  const wrong = path.startsWith(LAW_ROOT) ? lawPathProblem(apiPath(path)) : 'a file of the law lies under rules/';
  if (wrong) throw new ApiError(400, 'INVALID_PATH', `path: ${wrong}`, [{ field: 'path', message: wrong }]);
  const target = targetPath(path, yaml, cs.row);
  const existing = cs.files.find((f) => f.path === path);
  if (target !== path && cs.files.some((f) => f.path === target))
    throw new ApiError(409, 'PATH_TAKEN', `the change set already holds ${apiPath(target)}: edit that file instead`, {
      path: apiPath(target),
    });
  const base = existing ? undefined : await currentFile(db, path);
  const r = await saveFile(
    db,
    cs.row.id,
    {
      path: target,
      yaml,
      ...(existing && target !== path ? { moveFrom: path } : {}),
      basePath: base?.path ?? null,
      baseRevision: base?.revision ?? null,
    },
    expected,
    actor,
  );
  if (!r.ok)
    throw new ApiError(
      409,
      'STALE_DRAFT',
      `the change set was saved by someone else (revision ${r.current.row.revision}); your text was not saved: merge it with theirs`,
      view(r.current),
    );
  return r.changeSet;
}
