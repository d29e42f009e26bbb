import { describe, expect, it } from 'vitest';
import { compareHeadlines, compareTransitions } from './compare.ts';
import type { TrialResult } from './types.ts';

const run = (changed: number, delta: number, transitions: Record<string, number>) =>
  ({
    persons: 10,
    changed,
    transitions,
    money: { amount: { total_delta: delta } },
    yearly_cost_difference: { amount: delta * 12 },
  }) as unknown as TrialResult;

describe('comparing two runs', () => {
  it('gives each headline figure of both runs and B − A, money to the grosz', () => {
    const rows = compareHeadlines(run(2, 10.1, {}), run(5, 30.3, {}));
    expect(rows.find((r) => r.measure === 'changed')).toEqual({ measure: 'changed', a: 2, b: 5, diff: 3 });
    expect(rows.find((r) => r.measure === 'monthly')?.diff).toBe(20.2);
    expect(rows.find((r) => r.measure === 'yearly')?.diff).toBe(242.4);
  });

  it('sets the change matrices side by side, a change missing from one run counting 0', () => {
    const rows = compareTransitions(run(0, 0, { 'a → a': 8, 'a → b': 2 }), run(0, 0, { 'a → a': 5, 'b → a': 5 }));
    expect(rows).toEqual([
      { key: 'a → a', a: 8, b: 5, diff: -3 },
      { key: 'a → b', a: 2, b: 0, diff: -2 },
      { key: 'b → a', a: 0, b: 5, diff: 5 },
    ]);
  });
});
