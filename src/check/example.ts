import type { Arith, Bool, Context, Model } from 'z3-solver';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { factValueSchema } from '../catalogue/fact-types.ts';
import { decideWith } from '../decide/decide.ts';
import { makeScope } from '../decide/scope.ts';
import { evaluatorFor } from '../engine/json-rules-engine.ts';
import type { IrRuleSet } from '../ir/types.ts';
import { rat } from '../money/rational.ts';
import { dayKey, keyDay } from './calendar.ts';
import type { N } from './terms.ts';
import { type FactSymbol, recordKinds, type Translator } from './translate.ts';

/** A person and a day read back from a model: facts as a caller gives them. */
export interface ExampleFacts {
  date: string;
  facts: Record<string, unknown>;
}

/** Constraints that make the solver prefer values a person would write: two decimals at most, a few items of a list. */
export function plainValues(t: Translator): Bool<N>[] {
  const { z } = t;
  const out: Bool<N>[] = [];
  // Days of facts within twenty years of the version's first day.
  const year = Number(t.span.from.slice(0, 4));
  for (const f of t.facts.values()) {
    for (const v of f.vars) {
      if (v.k === 'real') out.push(z.IsInt((v.v as Arith<N>).mul(100)));
      if (v.k === 'int' && (f.def.type === 'list' || f.def.type === 'records')) out.push((v.v as Arith<N>).le(3));
    }
    if (f.def.type === 'date') {
      const month = f.vars[0]?.v as Arith<N>;
      out.push(month.ge((year - 20) * 12), month.le((year + 20) * 12));
    }
  }
  return out;
}

/** The facts and day of a model; a fact left out by the model gets a value inside its bounds. */
export function readExample(t: Translator, m: Model<N>): ExampleFacts {
  const { z } = t;
  const facts: Record<string, unknown> = {};
  for (const f of t.facts.values()) {
    if (!z.isTrue(f.given) && readValue(z, m, f.given) !== true) continue;
    const [first] = f.vars;
    switch (f.def.type) {
      case 'boolean':
        facts[f.name] = readValue(z, m, first?.v) === true;
        break;
      case 'number':
      case 'integer': {
        const v = readValue(z, m, first?.v);
        facts[f.name] = typeof v === 'number' ? v : (f.def.min ?? (f.def.max !== undefined ? Math.min(0, f.def.max) : 0));
        break;
      }
      case 'enum': {
        const v = readValue(z, m, first?.v);
        facts[f.name] = (typeof v === 'number' ? t.textOf(v) : undefined) ?? f.def.values?.[0];
        break;
      }
      case 'date':
        facts[f.name] = dayOf(z, m, f.vars[0]?.v as Arith<N>, f.vars[1]?.v as Arith<N>) ?? t.span.from;
        break;
      case 'list':
        facts[f.name] = (f.def.values ?? []).flatMap((value, i) => repeat(value, readValue(z, m, f.vars[i]?.v)));
        break;
      case 'records': {
        const kinds = recordKinds(f.def);
        facts[f.name] = kinds.flatMap((kind, i) => repeat(kind, readValue(z, m, f.vars[i]?.v)));
        break;
      }
    }
  }
  return { date: dayOf(z, m, t.day.month as Arith<N>, t.day.day as Arith<N>) ?? t.span.from, facts };
}

/** A day from the values of its month index and day of the month. */
function dayOf(z: Context<N>, m: Model<N>, month: Arith<N>, day: Arith<N>): string | undefined {
  const [mi, d] = [readValue(z, m, month), readValue(z, m, day)];
  return typeof mi === 'number' && typeof d === 'number' ? keyDay(mi * 100 + d) : undefined;
}

function repeat<T>(value: T, times: unknown): T[] {
  return typeof times === 'number' && times > 0 ? Array.from({ length: Math.min(times, 20) }, () => value) : [];
}

/** A constant's value in a model as a JS value: boolean, or a number when it is exactly a decimal. */
function readValue(z: Context<N>, m: Model<N>, v: Arith<N> | Bool<N> | undefined): boolean | number | undefined {
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

/**
 * The constraints that fix every fact and the day to those of an example: the inverse of readExample, so that
 * a test can ask the solver what the evaluator answers for the same person.
 */
export function pinExample(t: Translator, ex: ExampleFacts): Bool<N>[] {
  const { z } = t;
  const key = (iso: string) => dayKey(iso);
  const day = (month: Arith<N>, d: Arith<N>, iso: string) => [month.eq(Math.floor(key(iso) / 100)), d.eq(key(iso) % 100)];
  const out: Bool<N>[] = day(t.day.month as Arith<N>, t.day.day as Arith<N>, ex.date);
  for (const f of t.facts.values()) {
    const given = f.name in ex.facts || f.def.default !== undefined;
    const value = f.name in ex.facts ? ex.facts[f.name] : f.def.default;
    if (!given) {
      out.push(z.Not(f.given));
      continue;
    }
    if (!z.isTrue(f.given)) out.push(f.given);
    switch (f.def.type) {
      case 'boolean':
        out.push((variable(f, 0) as Bool<N>).eq(z.Bool.val(value === true)));
        break;
      case 'number':
      case 'integer': {
        const r = rat(value as number);
        out.push(
          (variable(f, 0) as Arith<N>).eq(
            f.def.type === 'integer' ? z.Int.val(r.n) : z.Real.val({ numerator: r.n, denominator: r.d }),
          ),
        );
        break;
      }
      case 'enum':
        out.push((variable(f, 0) as Arith<N>).eq(t.code(String(value))));
        break;
      case 'date':
        out.push(...day(variable(f, 0) as Arith<N>, variable(f, 1) as Arith<N>, String(value)));
        break;
      case 'list': {
        const items = value as string[];
        (f.def.values ?? []).forEach((v, i) => {
          out.push((variable(f, i) as Arith<N>).eq(items.filter((x) => x === v).length));
        });
        break;
      }
      case 'records': {
        const items = value as Record<string, unknown>[];
        recordKinds(f.def).forEach((kind, i) => {
          const n = items.filter((x) => Object.entries(kind).every(([k, v]) => x[k] === v)).length;
          out.push((variable(f, i) as Arith<N>).eq(n));
        });
        break;
      }
    }
  }
  return out;
}

function variable(f: FactSymbol, i: number): Arith<N> | Bool<N> {
  const v = f.vars[i];
  if (!v) throw new Error(`fact ${f.name} has no variable ${i}`);
  return v.v;
}
