import { createHash } from 'node:crypto';
import type { RuleFile } from '../../src/load/load-library.ts';
import type { Db } from '../db/open.ts';
import { filesWithDraft } from '../store/draft-checks.ts';
import { getDraft } from '../store/drafts.ts';
import { currentFiles, toRuleFile } from '../store/rule-files.ts';
import type { LibraryFiles } from './tasks/library-cache.ts';

function keyed(files: RuleFile[]): LibraryFiles {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.text).update('\0');
  return { key: hash.digest('hex'), files };
}

/** The published law's files, for a worker to load (it keeps the library while the files are the same). */
export function lawFiles(db: Db): LibraryFiles {
  return keyed(currentFiles(db).map(toRuleFile));
}

/** The law with a proposal kept as a draft in its place; undefined when there is no such proposal or it no longer loads. */
export function proposalFiles(db: Db, draftId: string): LibraryFiles | undefined {
  const draft = getDraft(db, draftId);
  if (!draft?.proposal) return undefined;
  const { files, problems } = filesWithDraft(db, draft);
  return problems.length ? undefined : keyed(files);
}
