import { closest, distance } from 'fastest-levenshtein';

/** A problem found in one expression, at offsets of that expression. */
export interface ExprProblem {
  code: string;
  message: string;
  pos: number;
  end: number;
  hint?: string;
}

/** `; did you mean "x"?` when a candidate is close enough to be a likely typo, else ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  if (list.length === 0) return '';
  const best = closest(word, list);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return distance(word, best) <= limit ? `; did you mean "${best}"?` : '';
}
