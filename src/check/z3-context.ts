import { type Context, init } from 'z3-solver';
import type { N } from './terms.ts';

let context: Promise<Context<N>> | undefined;

/** Z3 (its WebAssembly build) is started once per process, on first use, and shared by every check. */
export function solverContext(): Promise<Context<N>> {
  context ??= init().then(({ Context }) => Context('check'));
  return context;
}
