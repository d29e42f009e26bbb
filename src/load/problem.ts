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
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The codes only the validation of a change set against the published law emits (not the loader of a folder). */
export const CHANGE_SET_CODES: readonly ProblemCode[] = ['REVIVES_REPEALED', 'INVALID_PATH'];

/** One problem in one file: where, what, and how to fix it. Errors are data. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  code: ProblemCode;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

/** `file:line:col CODE: message`, the form editors and terminals link to. */
export function formatProblem(p: Problem): string {
  const head = `${p.file}:${p.line}:${p.col} ${p.severity === 'warning' ? 'warning ' : ''}${p.code}: ${p.message}`;
  return p.hint ? `${head}\n    hint: ${p.hint}` : head;
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
