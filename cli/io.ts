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

/**
 * What went wrong, in one line: the error's message, else (a refused connection to PostgreSQL, say, which Node
 * reports as an AggregateError without one) its inner errors' messages or its code.
 */
export function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.message) return e.message;
  const inner = e instanceof AggregateError ? e.errors.map(errorText).filter(Boolean) : [];
  return inner.length ? [...new Set(inner)].join('; ') : ((e as { code?: string }).code ?? e.name);
}
