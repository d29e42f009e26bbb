/** Stable codes of a request that cannot be answered. */
export type DecisionErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_DATE'
  | 'UNKNOWN_QUESTION'
  | 'UNKNOWN_VERSION'
  | 'UNKNOWN_FACT'
  | 'INVALID_FACT'
  | 'PARAMETER_NOT_IN_FORCE'
  | 'EVALUATION_FAILED';

/** A request that cannot be answered, naming the field at fault (`facts.help_profile`, `date`…). */
export class DecisionError extends Error {
  constructor(
    readonly code: DecisionErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DecisionError';
  }
}
