import { describe, expect, it } from 'vitest';
import { freedmanDiaconis, MAX_BINS } from './freedman-diaconis.ts';

const counts = (values: number[]) => {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};

describe('Freedman–Diaconis bins', () => {
  it('uses 2·IQR·n^(−1/3) as the width and counts every value once', () => {
    // 1..1000 grosze: IQR = 750 − 250 = 500 (lower ranks), width = 2·500/1000^(1/3) = 100 grosze.
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const { width, bins } = freedmanDiaconis(counts(values));
    expect(width).toBe(1);
    // Edges on whole złoty: [0, 1), [1, 2) … [10, 11), the last holding 1000 grosze alone.
    expect(bins).toHaveLength(11);
    expect(bins[0]).toEqual({ from: 0, to: 1, persons: 99 });
    expect(bins.at(-1)).toEqual({ from: 10, to: 11, persons: 1 });
    expect(bins.reduce((s, b) => s + b.persons, 0)).toBe(1000);
  });

  it('widens the bins of a long tail so that at most MAX_BINS cover the range', () => {
    const values = [...Array.from({ length: 100 }, () => 500), ...Array.from({ length: 100 }, () => 510), 1_000_000];
    const { bins } = freedmanDiaconis(counts(values));
    expect(bins.length).toBeLessThanOrEqual(MAX_BINS);
    expect(bins.reduce((s, b) => s + b.persons, 0)).toBe(201);
    expect(bins.at(-1)?.persons).toBe(1);
  });

  it('falls back to Sturges when the IQR is 0, and gives one bin for one value, none for none', () => {
    const fallback = freedmanDiaconis(counts([...Array.from({ length: 50 }, () => 100), 200, 300]));
    expect(fallback.bins.length).toBeGreaterThan(1);
    expect(freedmanDiaconis(counts([7, 7, 7])).bins).toEqual([{ from: 0.07, to: 0.07, persons: 3 }]);
    expect(freedmanDiaconis(new Map()).bins).toEqual([]);
  });
});
