import { readFileSync } from 'node:fs';
import { formatProblem, type Problem } from '../src/load/problem.ts';

/** Reads a JSON object from a file, or from standard input when the path is "-" or absent. */
export function readJsonInput(path: string | undefined, what: string): unknown {
  const text = path && path !== '-' ? readFileSync(path, 'utf8') : readFileSync(0, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path ?? 'stdin'}: ${what} is not valid JSON (${(e as Error).message})`);
  }
}

/** An error to show on stderr with a non-zero exit, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Prints problems to stderr, one per line, and a count. */
export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
}
