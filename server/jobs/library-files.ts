import { createHash } from 'node:crypto';
import type { RuleFile } from '../../src/load/load-library.ts';
import type { Db } from '../db/open.ts';
import { resultingFiles } from '../store/draft-checks.ts';
import { type ChangeSet, getChangeSet } from '../store/drafts.ts';
import { currentFiles, toRuleFile } from '../store/rule-files.ts';
import type { LibraryFiles } from './tasks/library-cache.ts';

function keyed(files: RuleFile[]): LibraryFiles {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.text).update('\0');
  return { key: hash.digest('hex'), files };
}

/** The published law's files, for a worker to load (it keeps the library while the files are the same). */
export async function lawFiles(db: Db): Promise<LibraryFiles> {
  return keyed((await currentFiles(db)).map(toRuleFile));
}

/** The law as a proposal change set would make it; undefined when there is no such proposal. */
export async function proposalFiles(db: Db, draftId: string): Promise<LibraryFiles | undefined> {
  const changeSet = await getChangeSet(db, draftId);
  if (!changeSet?.row.proposal) return undefined;
  return keyed(await resultingFiles(db, changeSet));
}

/** The law as any change set would make it (a proposal or not), for a worker to load. */
export async function changeSetFiles(db: Db, changeSet: ChangeSet): Promise<LibraryFiles> {
  return keyed(await resultingFiles(db, changeSet));
}
