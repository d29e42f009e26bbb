/** Weights are kept to 6 decimals as whole millionths, so money × weight stays exact in BigInt. */
export const MICRO = 1_000_000n;

// A population has few distinct weights (one per region when generated): each is turned into a BigInt once.
const seen = new Map<number, bigint>();

/** A weight as whole millionths (a row without one weighs 1). */
export function micro(weight: number | undefined): bigint {
  const w = weight ?? 1;
  let m = seen.get(w);
  if (m === undefined) {
    m = BigInt(Math.round(w * 1e6));
    if (seen.size < 10_000) seen.set(w, m);
  }
  return m;
}

/** n / d rounded half away from zero (half-up on the amount), once, at the end. */
export function divRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return neg ? -q : q;
}

/** Grosze × millionths of a weight, as złoty rounded to the grosz. */
export function weightedPln(groszeMicro: bigint): number {
  return Number(divRound(groszeMicro, MICRO)) / 100;
}

/** Millionths of persons as persons, to 2 decimals (a weighted count is rarely whole). */
export function weightedCount(m: bigint): number {
  return Number(divRound(m, 10_000n)) / 100;
}
