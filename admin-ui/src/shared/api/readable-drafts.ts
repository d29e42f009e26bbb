import { api, call, type Schemas } from './client.ts';
import { session } from './session.ts';

/** True when the signed-in user may read drafts: editors write them, reviewers review them. */
export function mayReadDrafts(): boolean {
  return session.can('draft') || session.can('review');
}

/** The drafts the signed-in user may read: every one for editors and reviewers, none for others (the server refuses them). */
export async function readableDrafts(): Promise<Schemas['Draft'][]> {
  return mayReadDrafts() ? (await call(api.GET('/api/v1/drafts'))).drafts : [];
}
