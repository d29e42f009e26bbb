import { ApiError } from '../shared/api/api-error.ts';

/** The fact an API refusal names (`details.field` = `facts.sick_days`, or the first of a validation's list). */
export function refusedFact(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const d = error.details;
  const first = Array.isArray(d) ? d[0] : d;
  const field = typeof first === 'object' && first !== null && 'field' in first ? String(first.field) : '';
  return /^facts\.([a-z][a-z0-9_]*)/.exec(field)?.[1];
}
