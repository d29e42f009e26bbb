/** A syntax error inside one expression, at character offsets of that expression. */
export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'ExprSyntaxError';
  }
}

/** A failure while evaluating a checked expression (such as a division by zero). */
export class ExprEvalError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
    this.name = 'ExprEvalError';
  }
}
