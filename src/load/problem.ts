/** Stable codes of everything that can be wrong in a rule set; callers and tests rely on them. */
export const PROBLEM_CODES = [
  'YAML_SYNTAX',
  'UNKNOWN_KEY',
  'MISSING_KEY',
  'INVALID_VALUE',
  'MISSING_BASIS',
  'INVALID_BASIS',
  'UNKNOWN_QUESTION',
  'QUESTION_MISMATCH',
  'FILE_NAME_MISMATCH',
  'DUPLICATE_VERSION',
  'DUPLICATE_RULE',
  'UNKNOWN_FACT',
  'FACT_NOT_DECLARED',
  'UNKNOWN_PARAMETER',
  'PARAMETER_NOT_DECLARED',
  'UNKNOWN_NAME',
  'UNKNOWN_VALUE',
  'UNKNOWN_FUNCTION',
  'WRONG_ARGUMENTS',
  'TYPE_MISMATCH',
  'EXPRESSION_SYNTAX',
  'UNKNOWN_OUTCOME',
  'NO_OUTCOME',
  'MISSING_TEXT',
  'UNUSED_FACT',
  'OVERLAPPING_PARAMETER',
  'REVIVES_REPEALED',
  'INVALID_PATH',
  'CHECKS_UNFINISHED',
] as const;

/**
 * Codes of the static checks of `reintegra check` (src/check/), proven with a solver over the facts' types and ranges.
 * Kept apart from PROBLEM_CODES, which the editor translates code by code, until the editor shows them.
 */
export const CHECK_CODES = ['DEAD_RULE', 'SHADOWED_RULE', 'REDUNDANT_RULE', 'UNREACHABLE_OUTCOME'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export type ProblemCode = (typeof PROBLEM_CODES)[number] | CheckCode;

/** The codes only the validation of a change set against the published law emits (not the loader of a folder). */
export const CHANGE_SET_CODES: readonly ProblemCode[] = ['REVIVES_REPEALED', 'INVALID_PATH', 'CHECKS_UNFINISHED'];

/** One problem in one file: where, what, and how to fix it. Errors are data. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  code: ProblemCode;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
  /** Facts that show a finding of the static checks, found by the solver (see ProblemExample). */
  example?: ProblemExample;
}

/**
 * A person and a day that show a finding: `facts` are valid for the question and asked on `date` under `version`.
 * `outside` is set when no valid facts can show it: the facts then break the constraints it lists
 * (a range of rules/facts.yaml, the version's days), which is why the rule or outcome is never reached.
 */
export interface ProblemExample {
  question: string;
  version: string;
  date: string;
  facts: Record<string, unknown>;
  outside?: string[];
}

/** `file:line:col CODE: message`, the form editors and terminals link to. */
export function formatProblem(p: Problem): string {
  const head = `${p.file}:${p.line}:${p.col} ${p.severity === 'warning' ? 'warning ' : ''}${p.code}: ${p.message}`;
  const lines = [head];
  if (p.hint) lines.push(`    hint: ${p.hint}`);
  if (p.example) lines.push(`    example: ${formatExample(p.example)}`);
  return lines.join('\n');
}

/** `on 2025-10-15, facts {…}` with what the facts break, if anything. */
export function formatExample(e: ProblemExample): string {
  const outside = e.outside?.length ? ` (outside: ${e.outside.join('; ')})` : '';
  return `on ${e.date}, facts ${JSON.stringify(e.facts)}${outside}`;
}

/** True when any problem is an error (warnings alone do not fail a rule set). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Raised when rule sets cannot be loaded; carries every problem found. */
export class RuleSetError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n'),
    );
    this.name = 'RuleSetError';
  }
}
