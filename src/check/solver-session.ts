import type { Bool, Model, Solver } from 'z3-solver';
import type { N } from './terms.ts';
import type { Bound, Translator } from './translate.ts';

/** A part of a query named for a person, so that an unsatisfiable core can say which parts clash. */
export interface Part {
  formula: Bool<N>;
  says: string;
}

/** What the solver proved of a query; `value` is what was read from a model, when one was asked for. */
export type Verdict<R> =
  | { k: 'sat'; value?: R }
  | {
      k: 'unsat';
      /** The bounds and parts that together make it impossible (a core, minimised by the solver). */
      bounds: Bound[];
      parts: string[];
      /** What would make it hold once the `broken` bounds are set aside, when anything would. */
      outside?: { value: R; broken: Bound[] };
    }
  | { k: 'unknown'; reason: string };

/** Milliseconds the solver may spend on one query before the answer counts as unknown (no finding). */
const TIMEOUT_MS = 10_000;
const MAX_RELAXATIONS = 8;

/** One solver per version, holding its types and bounds; each query is asked in its own scope. */
export class SolverSession {
  private readonly solver: Solver<N>;
  queries = 0;

  constructor(
    private readonly t: Translator,
    /** Constraints that pick plain values for examples (two decimals, few items), tried first. */
    private readonly plain: Bool<N>[],
  ) {
    this.solver = new t.z.Solver();
    this.solver.set('timeout', TIMEOUT_MS);
    this.solver.set('core.minimize', true);
    this.solver.add(...t.hard);
  }

  /**
   * Can `query` hold within every bound? `read` reads a model back: when it holds (`example: 'holds'`, or
   * `'witness'`, which asks for plain values first and so usually needs one query, not two), or, when it
   * cannot, once the bounds in the way are set aside (`example: 'outside'`).
   */
  async holds<R>(
    query: Bool<N>,
    options: { read?: (m: Model<N>) => R; example?: 'holds' | 'witness' | 'outside'; parts?: Part[] } = {},
  ): Promise<Verdict<R>> {
    const { read, parts = [] } = options;
    const { z } = this.t;
    const s = this.solver;
    if (read && options.example === 'witness') {
      const plain = await this.plainly(query, read);
      if (plain !== undefined) return { k: 'sat', value: plain };
    }
    s.push();
    try {
      s.add(query);
      const named = parts.map((p, i) => {
        const lit = z.Bool.const(`$part${i}`);
        s.add(z.Implies(lit, p.formula));
        return { lit, says: p.says };
      });
      const partLits = named.map((n) => n.lit);
      let active = this.t.bounds;
      const result = await this.check([...active.map((b) => b.lit), ...partLits]);
      if (result === 'unknown') return { k: 'unknown', reason: s.reasonUnknown() };
      if (result === 'sat') {
        const value =
          read && options.example === 'holds'
            ? await this.example(read, [...active.map((b) => b.lit), ...partLits])
            : read && options.example === 'witness'
              ? read(s.model())
              : undefined;
        return { k: 'sat', ...(value !== undefined ? { value } : {}) };
      }
      const core = coreOf(s);
      const bounds = active.filter((b) => core.has(b.lit.toString()));
      const clashing = named.filter((n) => core.has(n.lit.toString())).map((n) => n.says);
      const verdict: Verdict<R> & { k: 'unsat' } = { k: 'unsat', bounds, parts: clashing };
      // Set aside the bounds in the way, one core at a time, to find facts that would show the finding.
      const broken: Bound[] = [];
      let blocking = bounds;
      for (let round = 0; round < MAX_RELAXATIONS && blocking.length > 0 && read && options.example === 'outside'; round++) {
        broken.push(...blocking);
        active = active.filter((b) => !blocking.includes(b));
        const again = await this.check([...active.map((b) => b.lit), ...partLits]);
        if (again === 'sat') {
          const value = await this.example(read, [...active.map((b) => b.lit), ...partLits]);
          if (value !== undefined) verdict.outside = { value, broken: [...broken] };
          break;
        }
        if (again !== 'unsat') break;
        const next = coreOf(s);
        blocking = active.filter((b) => next.has(b.lit.toString()));
      }
      return verdict;
    } finally {
      s.pop();
    }
  }

  private async check(assumptions: Bool<N>[]) {
    this.queries++;
    return this.solver.check(...assumptions);
  }

  /** A model of `query` with plain values, read back; undefined when there is none (which proves nothing). */
  private async plainly<R>(query: Bool<N>, read: (m: Model<N>) => R): Promise<R | undefined> {
    const s = this.solver;
    s.push();
    try {
      s.add(query, ...this.plain);
      return (await this.check(this.t.bounds.map((b) => b.lit))) === 'sat' ? read(s.model()) : undefined;
    } finally {
      s.pop();
    }
  }

  /** Reads a model, preferring plain values; undefined when none can be had. */
  private async example<R>(read: (m: Model<N>) => R, assumptions: Bool<N>[]): Promise<R | undefined> {
    const s = this.solver;
    s.push();
    try {
      s.add(...this.plain);
      if ((await this.check(assumptions)) === 'sat') return read(s.model());
    } finally {
      s.pop();
    }
    if ((await this.check(assumptions)) === 'sat') return read(s.model());
    return undefined;
  }

  release(): void {
    this.solver.release();
  }
}

function coreOf(s: Solver<N>): Set<string> {
  const core = s.unsatCore();
  const out = new Set<string>();
  for (let i = 0; i < core.length(); i++) out.add(core.get(i).toString());
  return out;
}
