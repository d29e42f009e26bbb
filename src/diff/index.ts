/**
 * Semantic diffs of rule-set versions and of parameter-file revisions, each change summarised in
 * Polish and English, for review before a change of the law is published. Pure: no I/O.
 */

export { diffCaseFiles } from './case-diff.ts';
export { conditionText } from './condition-text.ts';
export { expressionText } from './expression-text.ts';
export { formatDiff } from './format-diff.ts';
export { diffParameterFiles } from './parameter-diff.ts';
export { diffRuleSets } from './ruleset-diff.ts';
export type { CaseFileDiff, Change, ChangeKind, Lang, ParameterDiff, RuleSetDiff, RuleSetVersionRef } from './types.ts';
