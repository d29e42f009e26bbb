import type { TrialResult } from './types.ts';

/** One figure of two runs side by side: its value in each (null where a run lacks it) and B − A. */
export interface ComparedFigure {
  measure: 'persons' | 'changed' | 'monthly' | 'yearly';
  /** The amount a money figure is about. */
  amount?: string;
  a: number | null;
  b: number | null;
  diff: number | null;
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) * 100) / 100);

/** The headline figures of two runs and their differences: persons, changed answers, and per amount the monthly and yearly change. */
export function compareHeadlines(a: TrialResult, b: TrialResult): ComparedFigure[] {
  const out: ComparedFigure[] = [
    { measure: 'persons', a: a.persons, b: b.persons, diff: diff(a.persons, b.persons) },
    { measure: 'changed', a: a.changed, b: b.changed, diff: diff(a.changed, b.changed) },
  ];
  const amounts = [...new Set([...Object.keys(a.money), ...Object.keys(b.money)])];
  for (const amount of amounts) {
    const ma = a.money[amount]?.total_delta ?? null;
    const mb = b.money[amount]?.total_delta ?? null;
    out.push({ measure: 'monthly', amount, a: ma, b: mb, diff: diff(ma, mb) });
    const ya = a.yearly_cost_difference[amount] ?? null;
    const yb = b.yearly_cost_difference[amount] ?? null;
    out.push({ measure: 'yearly', amount, a: ya, b: yb, diff: diff(ya, yb) });
  }
  return out;
}

/** Every `from → to` of either run's change matrix with its persons in each (0 where absent) and B − A. */
export function compareTransitions(a: TrialResult, b: TrialResult): { key: string; a: number; b: number; diff: number }[] {
  const keys = [...new Set([...Object.keys(a.transitions), ...Object.keys(b.transitions)])].sort();
  return keys.map((key) => {
    const x = a.transitions[key] ?? 0;
    const y = b.transitions[key] ?? 0;
    return { key, a: x, b: y, diff: y - x };
  });
}
