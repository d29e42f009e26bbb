import type { Library } from '../../src/library.ts';
import type { Db } from '../db/open.ts';
import { ApiError } from '../http/errors.ts';
import { validateChangeSet } from '../store/draft-checks.ts';
import { getChangeSet } from '../store/drafts.ts';

const cache = new Map<string, { revision: number; published: Library; library: Library }>();

/**
 * The law as a proposal change set would make it, named by its id (undefined when the id names no change set):
 * 409 for a change set that is not a proposal, 422 when it does not validate. Kept until either side changes.
 */
export async function proposalLibrary(db: Db, published: Library, id: string): Promise<Library | undefined> {
  const cs = await getChangeSet(db, id);
  if (!cs) return undefined;
  if (!cs.row.proposal)
    throw new ApiError(409, 'NOT_A_PROPOSAL', 'only a change set kept as a proposal can be evaluated by its id');
  const hit = cache.get(id);
  if (hit && hit.revision === cs.row.revision && hit.published === published) return hit.library;
  const { library, problems } = await validateChangeSet(db, cs, published);
  if (!library) throw new ApiError(422, 'INVALID_DRAFT', 'the proposal does not validate', problems);
  cache.set(id, { revision: cs.row.revision, published, library });
  return library;
}
