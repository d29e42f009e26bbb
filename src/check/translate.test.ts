import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { addDays, daysBetween } from '../dates/iso-date.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { FactDefinition } from '../schema/facts.ts';
import { dayBefore, LAST_DAY } from './calendar.ts';
import { observe, pinExample } from './example.ts';
import { branchesOf, outcomeIs } from './outcomes.ts';
import { quickAnswer } from './quick-answer.ts';
import { samplePeople } from './sample-people.ts';
import { Translator } from './translate.ts';
import { solverContext } from './z3-context.ts';

const library = loadRulesDirOrThrow();

/** Every version and proposal with the last day it answers for. */
const versions = library.questions().flatMap((q) => {
  const law = library.versions(q.id).map((ir, i, all) => {
    const next = all[i + 1];
    return { ir, until: next ? dayBefore(next.validFrom) : LAST_DAY };
  });
  const proposals = q.proposals.map((p) => ({ ir: library.version(q.id, p) as IrRuleSet, until: LAST_DAY }));
  return [...law, ...proposals].filter((v) => !v.ir.repealed);
});

/** Numbers around the version's own: its literals and its parameters' values, a hundredth either side. */
function edges(ir: IrRuleSet, from: string): number[] {
  const values = ir.parameters.map((p) => library.catalogue.parameters.lookup(p, from)?.value.toNumber() ?? 0);
  return [0, 1, 3, ...values].flatMap((v) => [v - 0.01, v, v + 0.01, v * 2, v * 3]);
}

function arbitraryValue(def: FactDefinition, near: number[]): fc.Arbitrary<unknown> {
  const inRange = (x: number) => (def.min === undefined || x >= def.min) && (def.max === undefined || x <= def.max);
  switch (def.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const ints = near.map(Math.round).filter(inRange);
      const range = fc.integer({ min: def.min ?? -5, max: def.max ?? 40 });
      return ints.length ? fc.oneof(range, fc.constantFrom(...ints)) : range;
    }
    case 'number': {
      const nums = near.filter(inRange);
      const range = fc.integer({ min: (def.min ?? -5) * 100, max: (def.max ?? 40) * 100 }).map((x) => x / 100);
      return nums.length ? fc.oneof(range, fc.constantFrom(...nums)) : range;
    }
    case 'enum':
      return fc.constantFrom(...(def.values ?? []));
    case 'list':
      return fc.array(fc.constantFrom(...(def.values ?? [])), { maxLength: 4 });
    case 'date':
      return fc.integer({ min: 0, max: 365 * 30 }).map((d) => addDays('2000-01-01', d));
    case 'records':
      return fc.array(fc.record({ kind: fc.constantFrom('natural', 'legal'), at_risk: fc.boolean() }), { maxLength: 6 });
  }
}

describe('the translation says what the evaluator does', () => {
  it('agrees with json-rules-engine on every rule and on the outcome, for random people of every bundled version', {
    timeout: 180_000,
  }, async () => {
    const z = await solverContext();
    for (const { ir, until } of versions) {
      const t = new Translator(z, ir, library.catalogue, { from: ir.validFrom, until });
      const branches = branchesOf(t);
      const solver = new z.Solver();
      solver.add(...t.hard, ...t.bounds.map((b) => b.lit));
      const last = until === LAST_DAY ? '2030-12-31' : until;
      const span = daysBetween(ir.validFrom, last);
      const person = fc.record(
        Object.fromEntries(
          ir.facts.map((f) => {
            const def = library.catalogue.facts.get(f) as FactDefinition;
            const value = arbitraryValue(def, edges(ir, ir.validFrom));
            return [f, def.optional ? fc.option(value, { nil: undefined }) : value];
          }),
        ),
      );
      const samples = fc.sample(fc.tuple(fc.integer({ min: 0, max: span }), person), { numRuns: 8, seed: 16 });
      for (const [offset, raw] of samples) {
        const facts = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
        const ex = { date: addDays(ir.validFrom, offset), facts };
        const seen = await observe(ir, library.catalogue, ex);
        if (!seen) continue; // refused or failed (a parameter not in force): nothing to compare
        const expected = branches.map((b) => (seen.applied.has(`${b.rule.id}:${b.side}`) ? b.applies : z.Not(b.applies)));
        solver.push();
        solver.add(...pinExample(t, ex), ...expected, outcomeIs(z, ir, branches, seen.outcome));
        const verdict = await solver.check();
        solver.pop();
        expect(verdict, `${ir.question} ${ir.name} ${JSON.stringify(ex)} → ${seen.outcome}`).toBe('sat');
      }
      solver.release();
    }
  });

  it('tries people in plain JavaScript with the answers json-rules-engine gives them', { timeout: 120_000 }, async () => {
    let compared = 0;
    for (const { ir, until } of versions) {
      for (const person of samplePeople(ir, library.catalogue, { from: ir.validFrom, until }, 24)) {
        const slow = await observe(ir, library.catalogue, person);
        const quick = quickAnswer(ir, library.catalogue, person);
        expect(quick && { outcome: quick.outcome, applied: [...quick.applied].sort() }, JSON.stringify(person)).toEqual(
          slow && { outcome: slow.outcome, applied: [...slow.applied].sort() },
        );
        if (slow) compared++;
      }
    }
    expect(compared).toBeGreaterThan(versions.length * 12);
  });
});
