import type { Catalogue } from '../catalogue/catalogue.ts';
import { DecisionError } from '../decide/decision-error.ts';
import { ParameterNotInForce } from '../decide/scope.ts';
import { toPlain, type Value } from '../expr/value.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import { Rational } from '../money/rational.ts';
import { generate } from './codegen.ts';
import type { BoundRuleSet, CompiledAnswer } from './compiled-answer.ts';
import { MAX_SAFE } from './interval.ts';
import { RUNTIME, type Runtime } from './runtime.ts';
import { BAIL, SCALED, type ScaledRuntime } from './scaled-runtime.ts';
import { specialise, Unsupported } from './specialise.ts';

export type { BoundRuleSet, CompiledAnswer } from './compiled-answer.ts';

type Body = (
  R: Runtime,
  K: Value[],
  F: Record<string, unknown>,
  D: string,
  P: (Value | Error)[],
) => {
  outcome: string;
  values: Map<string, Value>;
  amounts: Map<string, Value>;
  reasons: string[];
};
type Factory = (R: ScaledRuntime, P: number[], D: string) => BoundRuleSet;
type ExplainedBody = (
  R: Runtime,
  K: Value[],
  F: Record<string, unknown>,
  D: string,
  P: (Value | Error)[],
  PR: Set<number>,
) => ReturnType<Body> & { held: boolean[]; caveats: number[]; ruleCaveats: string[] };

/**
 * What the explained form finds for one person (a version that runs its rules, every required fact given): the
 * answer's outcome, amounts and values, and what its explanation needs (see decide.ts explainAnswer).
 */
export interface ExplainedAnswer {
  outcome: string;
  amounts: Record<string, number>;
  values: Record<string, unknown>;
  /** Ids of the rules among the reasons, and for each whether its condition held. */
  rules: string[];
  held: boolean[];
  caveats: ReadonlySet<number>;
  ruleCaveats: ReadonlySet<string>;
  parametersRead: ReadonlySet<string>;
}

/** Plain amounts (rounded half-up once, at the end) and values of a compiled body's maps. */
function plainResults(r: ReturnType<Body>): { amounts: Record<string, number>; values: Record<string, unknown> } {
  const amounts: Record<string, number> = {};
  for (const [k, v] of r.amounts) {
    if (!(v instanceof Rational)) throw new Error(`amount ${k} is not a number`);
    amounts[k] = v.roundHalfUp(2).toNumber();
  }
  const values: Record<string, unknown> = {};
  for (const [k, v] of r.values) values[k] = toPlain(v);
  return { amounts, values };
}

/** One rule-set version as a plain function over a facts object (facts already checked against the catalogue). */
export type CompiledRuleSet = (date: string, facts: Record<string, unknown>) => CompiledAnswer;

/**
 * One validated version compiled once, in two forms from the same intermediate form: a general
 * function over exact rationals, and, where the rule set allows, a number-specialised one that
 * bails out to the general function whenever a value does not fit (see specialise.ts). This is
 * the one place where generated source becomes a function; the source never holds a file's text.
 */
export class CompiledVersion {
  private readonly body?: Body;
  private readonly constants: Value[] = [];
  private readonly parameters: string[] = [];
  private readonly factory?: Factory;
  private readonly scaled: { id: string; scale: bigint }[] = [];
  /** Why there is no specialised function, if there is none. */
  readonly unspecialised?: string;
  private readonly byDate = new Map<string, BoundRuleSet>();
  private explainedBody?: { body: ExplainedBody; constants: Value[]; parameters: string[] };
  private readonly explainedByDate = new Map<string, (facts: Record<string, unknown>) => ExplainedAnswer>();

  constructor(
    private readonly ir: IrRuleSet,
    private readonly catalogue: Catalogue,
  ) {
    if (ir.repealed) return;
    const g = generate(ir, catalogue);
    this.body = new Function('R', 'K', 'F', 'D', 'P', g.source) as Body;
    this.constants = g.constants;
    this.parameters = g.parameters;
    try {
      const s = specialise(ir, catalogue);
      this.factory = new Function('R', 'P', 'D', s.source) as Factory;
      this.scaled = s.parameters;
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      this.unspecialised = e.message;
    }
  }

  /** The answer function for one day: specialised where possible, general otherwise. Cached per day. */
  on(date: string): BoundRuleSet {
    let fn = this.byDate.get(date);
    if (!fn) {
      const general = this.general(date);
      const fast = this.specialisedOn(date);
      fn = fast
        ? (facts) => {
            try {
              return fast(facts);
            } catch (e) {
              if (e === BAIL) return general(facts);
              throw e;
            }
          }
        : general;
      // A handful of days is the usual case; bound the cache for callers that sweep through many.
      if (this.byDate.size >= 1024) this.byDate.clear();
      this.byDate.set(date, fn);
    }
    return fn;
  }

  /**
   * The specialised function alone for a day (it throws BAIL where the general one must answer),
   * or undefined when the rule set or a parameter on that day does not fit safe integers.
   */
  specialisedOn(date: string): BoundRuleSet | undefined {
    if (!this.factory) return undefined;
    const values: number[] = [];
    for (const { id, scale } of this.scaled) {
      const v = this.catalogue.parameters.lookup(id, date)?.value.mul(Rational.of(scale));
      // The scale is the lcm of every value's denominator, so d is 1 unless the catalogue changed.
      if (v === undefined || v.d !== 1n || v.n > MAX_SAFE || -v.n > MAX_SAFE) return undefined;
      values.push(Number(v.n));
    }
    return this.factory(SCALED, values, date);
  }

  /**
   * The explained function for a day (generated on first use): it throws ParameterNotInForce as the interpreter
   * does, and is called only where rules run (not repealed, every required fact given).
   */
  explainedOn(date: string): (facts: Record<string, unknown>) => ExplainedAnswer {
    let fn = this.explainedByDate.get(date);
    if (!fn) {
      fn = this.explainedFor(date);
      if (this.explainedByDate.size >= 1024) this.explainedByDate.clear();
      this.explainedByDate.set(date, fn);
    }
    return fn;
  }

  private explainedFor(date: string): (facts: Record<string, unknown>) => ExplainedAnswer {
    if (!this.explainedBody) {
      const g = generate(this.ir, this.catalogue, true);
      const body = new Function('R', 'K', 'F', 'D', 'P', 'PR', g.source) as ExplainedBody;
      this.explainedBody = { body, constants: g.constants, parameters: g.parameters };
    }
    const { body, constants, parameters } = this.explainedBody;
    const params = parameters.map((id) => this.catalogue.parameters.lookup(id, date)?.value ?? new ParameterNotInForce(id, date));
    return (facts) => {
      const read = new Set<number>();
      const r = body(RUNTIME, constants, facts, date, params, read);
      return {
        outcome: r.outcome,
        ...plainResults(r),
        rules: r.reasons,
        held: r.held,
        caveats: new Set(r.caveats),
        ruleCaveats: new Set(r.ruleCaveats),
        parametersRead: new Set([...read].map((i) => parameters[i] as string)),
      };
    };
  }

  private general(date: string): BoundRuleSet {
    const ir = this.ir;
    if (ir.repealed) {
      const values = ir.repealed.successor ? { successor: ir.repealed.successor } : {};
      return () => ({ outcome: 'not_in_force', amounts: {}, values, missing: [], rules: ['repealed'] });
    }
    const body = this.body as Body;
    const params = this.parameters.map(
      (id) => this.catalogue.parameters.lookup(id, date)?.value ?? new ParameterNotInForce(id, date),
    );
    return (facts) => {
      const missing = ir.requiredFacts.filter((f) => facts[f] === undefined);
      if (missing.length) return { outcome: 'undetermined', amounts: {}, values: {}, missing, rules: [] };
      let r: ReturnType<Body>;
      try {
        r = body(RUNTIME, this.constants, facts, date, params);
      } catch (e) {
        // As the interpreter: a value not known on the day makes the answer undetermined, never an exception.
        if (e instanceof ParameterNotInForce) {
          return { outcome: 'undetermined', amounts: {}, values: {}, missing: [], rules: ['parameter-not-in-force'] };
        }
        throw e;
      }
      return { outcome: r.outcome, ...plainResults(r), missing: [], rules: r.reasons };
    };
  }
}

/** Compiles a validated version once; answers for any day. */
export function compileRuleSet(ir: IrRuleSet, catalogue: Catalogue): CompiledRuleSet {
  const v = new CompiledVersion(ir, catalogue);
  return (date, facts) => v.on(date)(facts);
}

/** Every version of a library compiled once; answers like Library.decide (without reasons' texts and caveats). */
export class CompiledLibrary {
  private readonly compiled = new Map<IrRuleSet, CompiledVersion>();

  constructor(private readonly library: Library) {}

  /** The compiled form of a version (compiled on first use). */
  of(ir: IrRuleSet): CompiledVersion {
    let v = this.compiled.get(ir);
    if (!v) {
      v = new CompiledVersion(ir, this.library.catalogue);
      this.compiled.set(ir, v);
    }
    return v;
  }

  /**
   * The answer function of a question on a day: the version in force (or the one named), bound
   * once, so a population is evaluated without looking the version up again for each person.
   */
  bind(question: string, date: string, version?: string): BoundRuleSet {
    const ir = version === undefined ? this.library.versionOn(question, date) : this.library.version(question, version);
    if (!ir) {
      const first = this.library.versions(question)[0];
      if (!first || version !== undefined)
        throw new DecisionError('UNKNOWN_VERSION', `${question} has no version ${version ?? 'in force'}`, 'version');
      return () => ({
        outcome: 'not_in_force',
        amounts: {},
        values: { in_force_from: first.validFrom },
        missing: [],
        rules: ['not-yet-in-force'],
      });
    }
    return this.of(ir).on(date);
  }

  /** The answer for a question on a date: the version in force, or not_in_force before the first. */
  decide(question: string, date: string, facts: Record<string, unknown>, version?: string): CompiledAnswer {
    return this.bind(question, date, version)(facts);
  }
}
