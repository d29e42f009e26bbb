import type { RuleFile } from '../../src/load/load-library.ts';
import type { Db } from '../db/open.ts';
import { targetPath } from './draft-checks.ts';
import { type ChangeSet, openChangeSet } from './drafts.ts';
import { differingFiles } from './rule-files.ts';

/**
 * Opens a change set holding every file of `files` (paths as stored, under rules/) that is new or differs from
 * the published law, for review as usual: an import never publishes. Undefined when nothing differs.
 */
export async function openImport(
  db: Db,
  files: readonly RuleFile[],
  authorId: string,
  title: string,
): Promise<ChangeSet | undefined> {
  const differing = await differingFiles(db, files);
  if (differing.length === 0) return undefined;
  const owner = { id: '', proposal: false };
  return openChangeSet(db, {
    title,
    proposal: false,
    authorId,
    action: 'draft.import',
    files: differing.map(({ file, base }) => ({
      path: targetPath(file.path, file.text, owner),
      yaml: file.text,
      basePath: base?.path ?? null,
      baseRevision: base?.revision ?? null,
    })),
  });
}
