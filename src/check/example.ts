import type { Arith, Bool, Context, Model } from 'z3-solver';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { factValueSchema } from '../catalogue/fact-types.ts';
import { decideWith } from '../decide/decide.ts';
import { makeScope } from '../decide/scope.ts';
import { evaluatorFor } from '../engine/json-rules-engine.ts';
import type { IrRuleSet } from '../ir/types.ts';
import { dayKey, keyDay } from './calendar.ts';
import type { N } from './terms.ts';
import { recordKinds, type Translator } from './translate.ts';

/** A person and a day read back from a model: facts as a caller gives them. */
export interface ExampleFacts {
  date: string;
  facts: Record<string, unknown>;
}

/** Constraints that make the solver prefer values a person would write: two decimals at most, a few items of a list. */
export function plainValues(t: Translator): Bool<N>[] {
  const { z } = t;
  const out: Bool<N>[] = [];
  for (const f of t.facts.values()) {
    for (const v of f.vars) {
      if (v.k === 'real') out.push(z.IsInt((v.v as Arith<N>).mul(100)));
      if (v.k === 'int' && (f.def.type === 'list' || f.def.type === 'records')) out.push((v.v as Arith<N>).le(3));
    }
  }
  return out;
}

/** The facts and day of a model; a fact left out by the model gets a value inside its bounds. */
export function readExample(t: Translator, m: Model<N>): ExampleFacts {
  const { z } = t;
  const facts: Record<string, unknown> = {};
  for (const f of t.facts.values()) {
    if (!z.isTrue(f.given) && valueOf(z, m, f.given) !== true) continue;
    const [first] = f.vars;
    switch (f.def.type) {
      case 'boolean':
        facts[f.name] = valueOf(z, m, first?.v) === true;
        break;
      case 'number':
      case 'integer': {
        const v = valueOf(z, m, first?.v);
        facts[f.name] = typeof v === 'number' ? v : (f.def.min ?? (f.def.max !== undefined ? Math.min(0, f.def.max) : 0));
        break;
      }
      case 'enum': {
        const v = valueOf(z, m, first?.v);
        facts[f.name] = (typeof v === 'number' ? t.textOf(v) : undefined) ?? f.def.values?.[0];
        break;
      }
      case 'date': {
        const v = valueOf(z, m, first?.v);
        facts[f.name] = keyDay(typeof v === 'number' ? v : dayKey(t.span.from));
        break;
      }
      case 'list':
        facts[f.name] = (f.def.values ?? []).flatMap((value, i) => repeat(value, valueOf(z, m, f.vars[i]?.v)));
        break;
      case 'records': {
        const kinds = recordKinds(f.def);
        facts[f.name] = kinds.flatMap((kind, i) => repeat(kind, valueOf(z, m, f.vars[i]?.v)));
        break;
      }
    }
  }
  const day = valueOf(z, m, t.date);
  return { date: keyDay(typeof day === 'number' ? day : dayKey(t.span.from)), facts };
}

function repeat<T>(value: T, times: unknown): T[] {
  return typeof times === 'number' && times > 0 ? Array.from({ length: Math.min(times, 20) }, () => value) : [];
}

/** A constant's value in a model as a JS value: boolean, or a number when it is exactly a decimal. */
function valueOf(z: Context<N>, m: Model<N>, v: Arith<N> | Bool<N> | undefined): boolean | number | undefined {
  if (!v) return undefined;
  let r: unknown;
  try {
    r = m.get(v);
  } catch {
    return undefined; // no interpretation: the model leaves it free
  }
  if (z.isTrue(r)) return true;
  if (z.isFalse(r)) return false;
  if (z.isIntVal(r)) return Number(r.value());
  if (z.isRealVal(r)) {
    const { numerator, denominator } = r.value();
    return exactDecimal(numerator, denominator);
  }
  return undefined;
}

/** n/d as a JS number when it has a finite decimal form that a number holds exactly as written. */
function exactDecimal(n: bigint, d: bigint): number | undefined {
  let rest = d;
  let places = 0;
  while (rest % 10n === 0n) {
    rest /= 10n;
    places++;
  }
  for (const p of [2n, 5n]) {
    while (rest % p === 0n) {
      rest /= p;
      places++;
    }
  }
  if (rest !== 1n || places > 12) return undefined;
  const scaled = (n * 10n ** BigInt(places)) / d;
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  const value = Number(`${neg ? '-' : ''}${text}`);
  return Number.isFinite(value) ? value : undefined;
}

/** What the evaluator does with an example: which sides of which rules applied, and the answer's outcome. */
export interface Observed {
  outcome: string;
  /** `<rule id>:then` for a rule that fired, `<rule id>:else` for one that failed with an else. */
  applied: Set<string>;
}

/**
 * Runs an example through the library's own evaluation (json-rules-engine and decide), so that a finding is
 * shown with facts the library really answers so; undefined when the facts are refused or the answer fails.
 */
export async function observe(ir: IrRuleSet, catalogue: Catalogue, ex: ExampleFacts): Promise<Observed | undefined> {
  for (const [name, value] of Object.entries(ex.facts)) {
    const def = catalogue.facts.get(name);
    if (!def || !factValueSchema(def).safeParse(value).success) return undefined;
  }
  try {
    const answer = await decideWith(ir, catalogue, ex.date, ex.facts);
    const run = await evaluatorFor(ir).run(makeScope(ir, catalogue, ex.date, ex.facts));
    const applied = new Set<string>();
    for (const r of ir.rules) {
      if (run.fired.has(r.id)) applied.add(`${r.id}:then`);
      else if (run.failed.has(r.id) && r.ifFailed) applied.add(`${r.id}:else`);
    }
    return { outcome: answer.outcome, applied };
  } catch {
    return undefined;
  }
}
