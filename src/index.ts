/**
 * Reintegra: rules as code for Polish social-employment law.
 *
 * The core knows nothing of HTTP, databases or (outside adapters/fs) the file system:
 * load rule files into a Library, then ask it questions.
 */
export { BUNDLED_RULES_DIR, loadRulesDir, loadRulesDirOrThrow } from './adapters/fs/read-rules.ts';
export { coverage, formatCoverage, type VersionCoverage } from './cases/coverage.ts';
export { type CaseResult, compareAnswer, type LocatedCase, parseCaseFiles, runCases } from './cases/run-cases.ts';
export type { Catalogue } from './catalogue/catalogue.ts';
export { type CheckReport, checkLibrary, checkLibraryReport } from './check/check-library.ts';
export { checkVersion, type VersionCheck } from './check/check-version.ts';
export { DecisionError, type DecisionErrorCode } from './decide/decision-error.ts';
export { diffParameterFiles, diffRuleSets, formatDiff } from './diff/index.ts';
export { explainAnswer, formatMoney } from './explain/explain-answer.ts';
export type { IrRuleSet } from './ir/types.ts';
export { Library, type QuestionSummary } from './library.ts';
export { classify, loadLibrary, type RuleFile } from './load/load-library.ts';
export {
  CHECK_CODES,
  formatProblem,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  type ProblemExample,
  RuleSetError,
} from './load/problem.ts';
export { Rational } from './money/rational.ts';
export { ActCatalogue, ActDefinition } from './schema/acts.ts';
export { type Answer, DecisionRequest, type Reason } from './schema/answer.ts';
export { jsonSchemas } from './schema/json-schemas.ts';
export { RuleSetDocument } from './schema/ruleset.ts';
export { TestCase } from './schema/test-case.ts';
