import { isIsoDate } from '../../src/dates/iso-date.ts';
import type { IrRuleSet } from '../../src/ir/types.ts';
import type { Library } from '../../src/library.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import { ApiError } from '../http/errors.ts';

/** The draft's own valid_from, or undefined when its text does not parse or the date is not a real day. */
export function draftValidFrom(yaml: string): string | undefined {
  const { value, problems } = parseSource('draft.yaml', yaml);
  if (problems.length) return undefined;
  const date = (value as { valid_from?: unknown } | null)?.valid_from;
  return isIsoDate(date) ? date : undefined;
}

/**
 * The published version of the draft's question in force on the draft's own valid_from: the one it would follow
 * or replace. Throws 422 (NO_VALID_FROM, NO_VERSION_IN_FORCE) when there is none to name.
 */
export function versionInForceFor(draft: { question: string | null; yaml: string }, library: Library): IrRuleSet {
  const date = draftValidFrom(draft.yaml);
  if (!date)
    throw new ApiError(
      422,
      'NO_VALID_FROM',
      "the draft's valid_from cannot be read: write it as YYYY-MM-DD, save the draft, or compare with against=base",
    );
  const question = draft.question ?? '';
  const found = library.versionOn(question, date);
  if (!found) {
    const first = library.versions(question)[0];
    throw new ApiError(
      422,
      'NO_VERSION_IN_FORCE',
      first
        ? `no version of ${question} is in force on ${date}, the draft's valid_from (the first applies from ${first.validFrom}): set a later valid_from, or compare with against=base`
        : `${question} has no published version to compare with: compare with against=base`,
      { valid_from: date, first: first ? { version: first.name, valid_from: first.validFrom } : null },
    );
  }
  return found;
}
