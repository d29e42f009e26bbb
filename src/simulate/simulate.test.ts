import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { CompiledLibrary } from '../compile/compile.ts';
import { type PopulationRow, plainEqual, simulate } from './simulate.ts';

const library = loadRulesDirOrThrow();
const compiled = new CompiledLibrary(library);

const rows: PopulationRow[] = [
  { line: 2, facts: { cis_period: 'participation', unexcused_absence_days: 5 } },
  { line: 3, facts: { cis_period: 'participation', unexcused_absence_days: 2 } },
  { line: 4, error: { reason: 'unexcused_absence_days: "two" is not a whole number' } },
  { line: 5, facts: { cis_period: 'participation', unexcused_absence_days: 4 } },
  { line: 6, facts: { cis_period: 'trial' } },
];

describe('simulate', () => {
  it('counts changes, gains, the yearly cost and breakdowns, exactly, and explains examples', async () => {
    const seen: string[] = [];
    const r = await simulate({
      library,
      compiled,
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      rows,
      by: ['cis_period'],
      onChange: (row, before, after, kind) => {
        seen.push(`${row.line} ${kind} ${before.amounts.benefit} ${after.amounts.benefit}`);
      },
    });
    expect(seen).toEqual(['2 not_payable → payable 0 1549.71', '5 not_payable → payable 0 1653.02']);
    expect(r.baseline.version).toBe('2022-02-15');
    expect(r.proposal.version).toBe('flexible-absence');
    expect(r.persons).toBe(4);
    expect(r.errors).toEqual({ count: 1, first: [{ line: 4, reason: 'unexcused_absence_days: "two" is not a whole number' }] });
    expect(r.changed).toBe(2);
    expect(r.transitions).toEqual({ 'not_payable → payable': 2, 'payable → payable': 2 });
    // 2066.28 × 15/20 = 1549.71 and 2066.28 × 16/20 = 1653.024 → 1653.02.
    expect(r.money.benefit).toMatchObject({ gainers: 2, losers: 0, total_delta: 3202.73, gain_sum: 3202.73, mean_gain: 1601.37 });
    expect(r.money.benefit?.histogram.find((b) => b.from === 1000)?.persons).toBe(2);
    expect(r.yearly_cost_difference.benefit).toBe(38432.76);
    expect(r.assumptions.months_per_year).toBe(12);
    expect(r.breakdowns.cis_period).toEqual({
      participation: { persons: 3, changed: 2, total_delta: 3202.73 },
      trial: { persons: 1, changed: 0, total_delta: 0 },
    });
    const examples = r.examples['not_payable → payable'] ?? [];
    expect(examples.map((e) => e.line)).toEqual([2, 5]);
    expect(examples[0]?.baseline.reasons.map((x) => x.rule)).toContain('cis-benefit.unexcused-absence-over-limit');
    expect(examples[0]?.proposal.amounts.benefit).toBe(1549.71);
  });

  it('keeps memory bounded: examples are capped however many persons change', async () => {
    function* many(): Generator<PopulationRow> {
      for (let i = 0; i < 5000; i++)
        yield { line: i + 2, facts: { cis_period: 'participation', unexcused_absence_days: 4 + (i % 3) } };
    }
    const r = await simulate({
      library,
      compiled,
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      rows: many(),
      examplesPerKind: 3,
    });
    expect(r.persons).toBe(5000);
    expect(r.changed).toBe(5000);
    expect(r.examples['not_payable → payable']).toHaveLength(3);
  });
});

describe('plainEqual', () => {
  it('compares values by content, key order aside', () => {
    expect(plainEqual({ a: 1, flags: ['x', 'y'] }, { flags: ['x', 'y'], a: 1 })).toBe(true);
    expect(plainEqual({ flags: ['x'] }, { flags: ['x', 'y'] })).toBe(false);
    expect(plainEqual({ a: undefined, b: 1 }, { b: 1, c: undefined })).toBe(false);
    expect(plainEqual({ a: 0 }, { a: '0' })).toBe(false);
    expect(plainEqual([1], { 0: 1 })).toBe(false);
  });
});
