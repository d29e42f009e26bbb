/** One failed expectation of a test case, split for display. */
export interface Failure {
  /** What was compared: `outcome`, `values.months_left`, `basis`… */
  field: string;
  expected?: string;
  actual?: string;
  /** The server's sentence, whole, when it does not read as "expected …, got …". */
  text: string;
}

/**
 * Splits a failure as the case runner words it (`outcome: expected eligible, got not_eligible`,
 * `basis: expected "X" among [A; B]`) into what was expected and what came out.
 */
export function parseFailure(text: string): Failure {
  const m = /^([\w.]+): expected (.*?)(?:, got | among )(.*)$/s.exec(text);
  if (!m) return { field: '', text };
  return { field: m[1] ?? '', expected: m[2] ?? '', actual: m[3] ?? '', text };
}
