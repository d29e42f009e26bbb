import type { Schemas } from '../shared/api/client.ts';
import { local } from './local-text.ts';

/** A question's title in the UI's language; its id while the list is loading or does not know it. */
export function questionTitle(questions: readonly Schemas['QuestionSummary'][] | undefined, id: string): string {
  return local(questions?.find((q) => q.id === id)?.title) || id;
}
