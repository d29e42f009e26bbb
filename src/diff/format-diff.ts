import type { CaseFileDiff, Lang, ParameterDiff, RuleSetDiff } from './types.ts';

/** A diff as plain text: one line per change, its summary in `lang`; no changes, no lines (''). */
export function formatDiff(diff: RuleSetDiff | ParameterDiff | CaseFileDiff, lang: Lang): string {
  return diff.changes.map((change) => change.summary[lang]).join('\n');
}
