import type { Catalogue } from '../catalogue/catalogue.ts';
import { evaluate, type Scope } from '../expr/evaluate.ts';
import { toValue, type Value } from '../expr/value.ts';
import type { IrRuleSet } from '../ir/types.ts';
import { DATE_NAME } from '../load/expression-context.ts';

/**
 * A parameter the evaluation needs has no value in force on the day: the answer is `undetermined`,
 * naming the parameter, never an exception to the caller (thrown inside one evaluation only).
 */
export class ParameterNotInForce extends Error {
  constructor(
    readonly parameter: string,
    readonly date: string,
  ) {
    super(`parameter ${parameter} has no value in force on ${date}`);
    this.name = 'ParameterNotInForce';
  }
}

/** A scope for one decision: facts with defaults, parameters in force on the date, definitions on demand. */
export interface DecisionScope extends Scope {
  /** The day the question is asked about. */
  readonly date: string;
  /** Every parameter the evaluation actually read (if() and definitions are lazy). */
  readonly parametersRead: ReadonlySet<string>;
}

export function makeScope(ir: IrRuleSet, catalogue: Catalogue, date: string, facts: Record<string, unknown>): DecisionScope {
  const values = new Map<string, Value>();
  const given = new Set<string>();
  for (const name of ir.facts) {
    const def = catalogue.facts.get(name);
    if (name in facts) {
      values.set(name, toValue(facts[name]));
      given.add(name);
    } else if (def?.default !== undefined) {
      values.set(name, toValue(def.default));
      given.add(name);
    }
  }
  const defines = new Map(ir.defines.map((d) => [d.name, d.expr]));
  const computing = new Set<string>();
  const parametersRead = new Set<string>();

  const scope: DecisionScope = {
    date,
    parametersRead,
    has: (name) => given.has(name),
    get(name) {
      if (values.has(name)) return values.get(name);
      if (name === DATE_NAME) return date;
      if (name.includes('.')) {
        const found = catalogue.parameters.lookup(name, date);
        if (!found) throw new ParameterNotInForce(name, date);
        parametersRead.add(name);
        values.set(name, found.value);
        return found.value;
      }
      const expr = defines.get(name);
      if (expr) {
        if (computing.has(name)) throw new Error(`definition ${name} refers to itself`);
        computing.add(name);
        const v = evaluate(expr, scope);
        computing.delete(name);
        values.set(name, v);
        return v;
      }
      return undefined;
    },
  };
  return scope;
}
