import type { Catalogue } from '../catalogue/catalogue.ts';
import { addDays } from '../dates/iso-date.ts';
import type { Expr } from '../expr/ast.ts';
import { isDateLiteral } from '../expr/types.ts';
import type { IrRuleSet } from '../ir/types.ts';
import { createRng, type Rng } from '../population/generate/prng.ts';
import type { FactDefinition } from '../schema/facts.ts';
import { LAST_DAY } from './calendar.ts';
import type { ExampleFacts } from './example.ts';
import { expressionsOf } from './literals.ts';
import type { Span } from './translate.ts';

/**
 * People and days to try before asking the solver: valid facts near the version's own numbers and days
 * (its literals, its parameters' values, a hundredth or a day either side) and at random. What they show
 * when the library answers them needs no proof; the solver is asked only about the rest. Seeded: the
 * same version gives the same people.
 */
export function samplePeople(ir: IrRuleSet, catalogue: Catalogue, span: Span, count: number): ExampleFacts[] {
  const rng = createRng(7);
  const numbers = edgeNumbers(ir, catalogue, span);
  const days = edgeDays(ir, span);
  const last = span.until === LAST_DAY ? addDays(span.from, 3650) : span.until;
  const inSpan = days.filter((d) => d >= span.from && d <= last);
  const people: ExampleFacts[] = [];
  for (let i = 0; i < count; i++) {
    const date =
      inSpan.length && rng.chance(0.5) ? pick(rng, inSpan) : addDays(span.from, rng.int(0, daysApart(span.from, last)));
    const facts: Record<string, unknown> = {};
    for (const name of ir.facts) {
      const def = catalogue.facts.get(name);
      if (!def || (def.optional && rng.chance(0.3))) continue;
      facts[name] = factValue(def, rng, numbers, days, date);
    }
    people.push({ date, facts });
  }
  return people;
}

function factValue(def: FactDefinition, rng: Rng, numbers: number[], days: string[], date: string): unknown {
  const fits = (x: number) => (def.min === undefined || x >= def.min) && (def.max === undefined || x <= def.max);
  switch (def.type) {
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
    case 'number': {
      const whole = def.type === 'integer';
      const near = numbers.map((x) => (whole ? Math.round(x) : x)).filter(fits);
      if (near.length && rng.chance(0.6)) return pick(rng, near);
      const low = def.min ?? 0;
      const high = def.max ?? low + 40;
      return whole ? rng.int(Math.ceil(low), Math.floor(high)) : rng.int(low * 100, high * 100) / 100;
    }
    case 'enum':
      return pick(rng, def.values ?? []);
    case 'list':
      return (def.values ?? []).filter(() => rng.chance(0.3));
    case 'date':
      return rng.chance(0.5) && days.length ? pick(rng, days) : addDays(date, rng.int(-3650, 365));
    case 'records': {
      const fields = Object.entries(def.fields ?? {});
      return Array.from({ length: rng.int(0, 6) }, () =>
        Object.fromEntries(fields.map(([name, f]) => [name, f.type === 'boolean' ? rng.chance(0.5) : pick(rng, f.values ?? [])])),
      );
    }
  }
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)] as T;
}

function daysApart(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The version's numbers and its parameters' values in its span, with their neighbours. */
function edgeNumbers(ir: IrRuleSet, catalogue: Catalogue, span: Span): number[] {
  const found = new Set<number>([0, 1]);
  walk(ir, (e) => {
    if (e.k === 'num') found.add(e.value.toNumber());
  });
  for (const id of ir.parameters) {
    for (const row of catalogue.parameters.get(id)?.values ?? []) if (row.from <= span.until) found.add(row.value);
  }
  return [...found].flatMap((v) => [v - 1, v - 0.01, v, v + 0.01, v + 1, v * 2, v * 3]);
}

/** The days the version names (literals, its start and end, its parameters' dates), with the day either side. */
function edgeDays(ir: IrRuleSet, span: Span): string[] {
  const found = new Set<string>([span.from]);
  if (span.until !== LAST_DAY) found.add(span.until);
  walk(ir, (e) => {
    if (e.k === 'str' && isDateLiteral(e.value)) found.add(e.value);
  });
  return [...found].flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]);
}

function walk(ir: IrRuleSet, visit: (e: Expr) => void): void {
  const go = (e: Expr): void => {
    visit(e);
    if (e.k === 'list') e.items.forEach(go);
    else if (e.k === 'unary') go(e.arg);
    else if (e.k === 'binary') {
      go(e.left);
      go(e.right);
    } else if (e.k === 'call') e.args.forEach(go);
  };
  expressionsOf(ir).forEach(go);
}
