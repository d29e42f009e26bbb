import type { Catalogue } from '../catalogue/catalogue.ts';
import { DecisionError } from '../decide/decision-error.ts';
import { toPlain, type Value } from '../expr/value.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import { Rational } from '../money/rational.ts';
import { generate } from './codegen.ts';
import { RUNTIME, type Runtime } from './runtime.ts';

/** What a compiled rule set answers: the outcome, amounts and values of decide(), and the ids of its reasons. */
export interface CompiledAnswer {
  outcome: string;
  amounts: Record<string, number>;
  values: Record<string, unknown>;
  missing: string[];
  /** Ids of the rules among the reasons (their texts come from the interpreter, on demand). */
  rules: string[];
}

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

/** One rule-set version as a plain function over a facts object (facts already checked against the catalogue). */
export type CompiledRuleSet = (date: string, facts: Record<string, unknown>) => CompiledAnswer;

/**
 * Compiles a validated version once. The code is generated from the intermediate form only
 * (see codegen.ts), so this is the one place where generated source becomes a function.
 */
export function compileRuleSet(ir: IrRuleSet, catalogue: Catalogue): CompiledRuleSet {
  if (ir.repealed) {
    const values = ir.repealed.successor ? { successor: ir.repealed.successor } : {};
    return () => ({ outcome: 'not_in_force', amounts: {}, values, missing: [], rules: ['repealed'] });
  }
  const { source, constants, parameters } = generate(ir, catalogue);
  // The only generated code: from the validated intermediate form, never from a file's text.
  const body = new Function('R', 'K', 'F', 'D', 'P', source) as Body;
  const byDate = new Map<string, (Value | Error)[]>();
  const paramsOn = (date: string) => {
    let p = byDate.get(date);
    if (!p) {
      p = parameters.map(
        (id) =>
          catalogue.parameters.lookup(id, date)?.value ??
          new DecisionError('PARAMETER_NOT_IN_FORCE', `parameter ${id} has no value in force on ${date}`, 'date'),
      );
      byDate.set(date, p);
    }
    return p;
  };
  return (date, facts) => {
    const missing = ir.requiredFacts.filter((f) => !(f in facts));
    if (missing.length) return { outcome: 'undetermined', amounts: {}, values: {}, missing, rules: [] };
    const r = body(RUNTIME, constants, facts, date, paramsOn(date));
    const amounts: Record<string, number> = {};
    for (const [k, v] of r.amounts) {
      if (!(v instanceof Rational)) throw new Error(`amount ${k} is not a number`);
      amounts[k] = v.roundHalfUp(2).toNumber();
    }
    const values: Record<string, unknown> = {};
    for (const [k, v] of r.values) values[k] = toPlain(v);
    return { outcome: r.outcome, amounts, values, missing: [], rules: r.reasons };
  };
}

/** Every version of a library compiled once; answers like Library.decide (without reasons' texts and caveats). */
export class CompiledLibrary {
  private readonly compiled = new Map<IrRuleSet, CompiledRuleSet>();

  constructor(private readonly library: Library) {}

  /** The compiled function of a version (compiled on first use). */
  of(ir: IrRuleSet): CompiledRuleSet {
    let fn = this.compiled.get(ir);
    if (!fn) {
      fn = compileRuleSet(ir, this.library.catalogue);
      this.compiled.set(ir, fn);
    }
    return fn;
  }

  /** The answer for a question on a date: the version in force, or not_in_force before the first. */
  decide(question: string, date: string, facts: Record<string, unknown>, version?: string): CompiledAnswer {
    const ir = version === undefined ? this.library.versionOn(question, date) : this.library.version(question, version);
    if (!ir) {
      const first = this.library.versions(question)[0];
      if (!first || version !== undefined)
        throw new DecisionError('UNKNOWN_VERSION', `${question} has no version ${version ?? 'in force'}`, 'version');
      return {
        outcome: 'not_in_force',
        amounts: {},
        values: { in_force_from: first.validFrom },
        missing: [],
        rules: ['not-yet-in-force'],
      };
    }
    return this.of(ir)(date, facts);
  }
}
