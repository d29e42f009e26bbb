import type { Arith, Bool } from 'z3-solver';

/** The solver's context name for every term of the checks. */
export type N = 'check';

/**
 * A value of the expression language as the solver sees it. Numbers are exact reals; days, texts (as codes
 * of the version's texts, in the evaluator's order) and counts are whole numbers; a list is a multiset:
 * each slot an item and how many times the list holds it.
 */
export type Term =
  | { k: 'bool'; v: Bool<N> }
  | { k: 'num'; v: Arith<N> }
  /** `v` is the day's key (see calendar.ts dayKey); month index and day of the month when known. */
  | { k: 'date'; v: Arith<N>; month?: Arith<N>; day?: Arith<N> }
  | { k: 'str'; v: Arith<N>; lit?: string }
  | { k: 'list'; slots: Slot[] }
  | { k: 'record'; fields: Record<string, Term> };

export interface Slot {
  item: Term;
  /** How many times the list holds the item: a whole number, 0 when it does not. */
  count: Arith<N>;
}

/** An expression the translation could not express exactly; it became an unconstrained value. */
export interface Approximation {
  /** Where it stands: `rule <id>`, `define <name>`, … */
  at: string;
  expression: string;
  reason: string;
}
