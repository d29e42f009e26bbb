import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompiledLibrary } from '../src/compile/compile.ts';
import { addDays, daysInMonthOf } from '../src/dates/iso-date.ts';
import { Answer } from '../src/schema/answer.ts';
import type { FactDefinition } from '../src/schema/facts.ts';
import { allVersions } from './every-text.ts';
import { bundledLibrary } from './rules-library.ts';

const library = bundledLibrary();
const compiled = new CompiledLibrary(library);

/** Any valid value of a fact, from its type in the catalogue (within its min and max). */
function anyValue(def: FactDefinition): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: def.min ?? 0, max: def.max ?? 60 });
    case 'number':
      return fc.integer({ min: (def.min ?? 0) * 100, max: (def.max ?? 60) * 100 }).map((x) => x / 100);
    case 'enum':
      return fc.constantFrom(...(def.values ?? []));
    case 'list':
      return fc.subarray(def.values ?? []);
    case 'date':
      return anyDay;
    case 'records':
      return fc.array(fc.record({ kind: fc.constantFrom('natural', 'legal'), at_risk: fc.boolean() }), { maxLength: 8 });
  }
}

/** Any day from 1990 to 2040. */
const anyDay = fc.integer({ min: 0, max: 365 * 51 }).map((d) => addDays('1990-01-01', d));

/** A day weighted toward the edges of every version and every parameter row, where answers change. */
function anyDayNear(question: string): fc.Arbitrary<string> {
  const edges = new Set<string>();
  for (const v of allVersions(library, question)) {
    edges.add(v.validFrom);
    for (const p of v.parameters) for (const row of library.catalogue.parameters.get(p)?.values ?? []) edges.add(row.from);
  }
  const near = fc.constantFrom(...edges).chain((d) => fc.integer({ min: -1, max: 0 }).map((n) => addDays(d, n)));
  return fc.oneof(anyDay, near);
}

/** Valid facts for a question: any subset of the facts its versions read, each a valid value for the day. */
function anyFacts(question: string, date: string): fc.Arbitrary<Record<string, unknown>> {
  const names = [...new Set(allVersions(library, question).flatMap((v) => v.facts))];
  const model = Object.fromEntries(names.map((n) => [n, anyValue(library.catalogue.facts.get(n) as FactDefinition)]));
  return fc
    .oneof({ weight: 4, arbitrary: fc.record(model) }, { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) })
    .map((facts) => {
      // A count of days of the month is valid up to that month's length (contract.md §2).
      const days = facts.days_in_programme;
      return typeof days === 'number' ? { ...facts, days_in_programme: Math.min(days, daysInMonthOf(date)) } : facts;
    });
}

describe('every day answers', () => {
  it.each(library.questionIds())(
    '%s: any day from 1990 to 2040 with any valid facts gets an answer of the contract, never an exception',
    async (question) => {
      const versions = [undefined, ...(library.questions().find((q) => q.id === question)?.proposals ?? [])];
      await fc.assert(
        fc.asyncProperty(
          anyDayNear(question).chain((date) =>
            fc.tuple(fc.constant(date), anyFacts(question, date), fc.constantFrom(...versions)),
          ),
          async ([date, facts, version]) => {
            const request = { question, date, facts, ...(version ? { version } : {}) };
            const answer = await library.decide(request);
            expect(Answer.safeParse(answer).success).toBe(true);
            // An answer that cannot be given names why: the missing facts, or a reason naming the unknown value.
            if (answer.outcome === 'undetermined') expect(answer.missing.length + answer.reasons.length).toBeGreaterThan(0);
            expect(() => compiled.decide(question, date, facts, version)).not.toThrow();
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
