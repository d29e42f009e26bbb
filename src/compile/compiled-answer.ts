/** What a compiled rule set answers: the outcome, amounts and values of decide(), and the ids of its reasons. */
export interface CompiledAnswer {
  readonly outcome: string;
  readonly amounts: Record<string, number>;
  readonly values: Record<string, unknown>;
  readonly missing: string[];
  /** Ids of the rules among the reasons (their texts come from the interpreter, on demand). */
  readonly rules: string[];
}

/** One rule-set version bound to a day: a plain function over a facts object (facts already checked). */
export type BoundRuleSet = (facts: Record<string, unknown>) => CompiledAnswer;
