/** One bin of a histogram: [from, to) in złoty (the last bin closed), and how many persons fall in it. */
export interface Bin {
  from: number;
  to: number;
  persons: number;
}

/** The most bins a histogram gets, however spread the data: more would not read as a chart. */
export const MAX_BINS = 40;

/** The value at quantile q of values given as sorted [value, count] pairs (the lower of the two middle values). */
function quantile(sorted: readonly (readonly [number, number])[], n: number, q: number): number {
  const rank = Math.floor(q * (n - 1));
  let seen = 0;
  for (const [v, c] of sorted) {
    seen += c;
    if (seen > rank) return v;
  }
  return sorted.at(-1)?.[0] ?? 0;
}

/**
 * Bins chosen from the data by the Freedman–Diaconis rule: width 2·IQR·n^(−1/3), widened to a whole grosz (a whole złoty
 * from a złoty up, edges on its multiples) and so that at most MAX_BINS cover the range; Sturges' rule (⌈log2 n⌉ + 1 bins) when the IQR is 0. Values and edges in
 * grosze; counts are exact. Empty data gives no bins.
 */
export function freedmanDiaconis(counts: ReadonlyMap<number, number>): { width: number; bins: Bin[] } {
  const sorted = [...counts].filter(([, c]) => c > 0).sort(([a], [b]) => a - b);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return { width: 0, bins: [] };
  const min = sorted[0]?.[0] as number;
  const max = sorted.at(-1)?.[0] as number;
  if (min === max) return { width: 0, bins: [{ from: min / 100, to: max / 100, persons: n }] };
  const iqr = quantile(sorted, n, 0.75) - quantile(sorted, n, 0.25);
  const range = max - min;
  const rule = iqr > 0 ? 2 * iqr * n ** (-1 / 3) : range / (Math.ceil(Math.log2(n)) + 1);
  // One bin is kept spare for the edges moved down to a multiple of the width.
  const raw = Math.max(1, Math.ceil(rule), Math.ceil(range / (MAX_BINS - 1)));
  // A width of a złoty or more is made whole złoty, and edges fall on its multiples, so labels need no grosze.
  const width = raw >= 100 ? Math.ceil(raw / 100) * 100 : raw;
  const start = Math.floor(min / width) * width;
  const count = Math.floor((max - start) / width) + 1;
  const persons = new Array<number>(count).fill(0);
  for (const [v, c] of sorted) {
    const i = Math.floor((v - start) / width);
    persons[i] = (persons[i] ?? 0) + c;
  }
  return {
    width: width / 100,
    bins: persons.map((p, i) => ({ from: (start + i * width) / 100, to: (start + (i + 1) * width) / 100, persons: p })),
  };
}
