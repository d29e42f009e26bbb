import { and, eq } from 'drizzle-orm';
import { stampPublished } from '../../src/known/stamp-published.ts';
import type { Db } from '../db/open.ts';
import { draftFiles } from '../db/schema.ts';
import { type ChangeSet, getChangeSet, setDraftStatus } from './drafts.ts';
import { announcePublication, currentFile, publishFile, textHash } from './rule-files.ts';

/** A file as published: its path in the store, its new revision and its hash. */
export interface PublishedFile {
  path: string;
  revision: number;
  hash: string;
}

/**
 * Publishes every file of a (checked) change set in one transaction with one audit entry that lists each file
 * with its hashes before and after: all or nothing. `validFrom`, when the reviewer set it, is recorded too; the
 * change set's files are kept as published (a version's path follows its date).
 */
export function publishChangeSet(
  db: Db,
  cs: ChangeSet,
  reviewerId: string,
  validFrom?: string,
): Promise<{ changeSet: ChangeSet; files: PublishedFile[] }> {
  return db.transaction(async (store) => {
    const files: PublishedFile[] = [];
    const listed: { path: string; revision: number; before: string | null; after: string }[] = [];
    const stored = (await getChangeSet(store, cs.row.id)) as ChangeSet;
    // What this publication makes known gets its day: values and versions without a publication day of their own.
    const today = new Date().toISOString().slice(0, 10);
    for (const [i, given] of cs.files.entries()) {
      const f = { ...given, yaml: stampPublished(given.path, given.yaml, today) };
      const was = stored.files[i];
      if (was && (was.path !== f.path || was.yaml !== f.yaml)) {
        // The reviewer's date moved a version: keep the change set as it was published.
        await store
          .update(draftFiles)
          .set({ path: f.path, yaml: f.yaml })
          .where(and(eq(draftFiles.draftId, cs.row.id), eq(draftFiles.path, was.path)));
      }
      const before = await currentFile(store, f.path);
      const hash = textHash(f.yaml);
      if (before?.hash === hash) continue;
      const row = await publishFile(store, { path: f.path, text: f.yaml }, reviewerId, 'publish', false);
      files.push({ path: row.path, revision: row.revision, hash: row.hash });
      listed.push({ path: row.path, revision: row.revision, before: before?.hash ?? null, after: row.hash });
    }
    await setDraftStatus(
      store,
      cs.row.id,
      'published',
      reviewerId,
      { reviewerId },
      { action: 'draft.published', detail: { files: listed, ...(validFrom ? { valid_from: validFrom } : {}) } },
    );
    await announcePublication(store);
    return { changeSet: (await getChangeSet(store, cs.row.id)) as ChangeSet, files };
  });
}
