/**
 * A small seeded pseudo-random generator, so a population is the same for the same seed on every machine.
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 32-bit, from PractRand) seeded through
 * splitmix32; both use only 32-bit integer arithmetic, which JavaScript computes exactly.
 */

/** A table of outcomes and their relative weights (they need not sum to 1). */
export type Weighted<T> = readonly (readonly [T, number])[];

/** splitmix32: a 32-bit output per call, used to spread a seed over sfc32's 128-bit state. */
export function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32 over the state (a, b, c, counter); each call returns an unsigned 32-bit integer. */
export function sfc32(a: number, b: number, c: number, counter: number): () => number {
  let [x, y, z, n] = [a | 0, b | 0, c | 0, counter | 0];
  return () => {
    const t = (((x + y) | 0) + n) | 0;
    n = (n + 1) | 0;
    x = y ^ (y >>> 9);
    y = (z + (z << 3)) | 0;
    z = (z << 21) | (z >>> 11);
    z = (z + t) | 0;
    return t >>> 0;
  };
}

/**
 * A table made ready for many draws: cumulative weights computed once, so a draw is one uniform number and a
 * short scan. Draws the same outcome for the same uniform number as `Rng.pick` does.
 */
export function weightedPicker<T>(table: Weighted<T>): (rng: Rng) => T {
  if (table.length === 0) throw new RangeError('cannot pick from an empty table');
  const values = table.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of table) {
    if (!(w >= 0)) throw new RangeError(`a weight must be a number ≥ 0, not ${w}`);
    total += w;
    cumulative.push(total);
  }
  const last = values.length - 1;
  return (rng) => {
    const r = rng.next() * total;
    for (let i = 0; i < last; i++) if (r < (cumulative[i] as number)) return values[i] as T;
    return values[last] as T;
  };
}

/** Draws built on a uniform source. */
export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One outcome of the table, with probability weight / total weight. */
  pick<T>(table: Weighted<T>): T;
}

const TWO_TO_32 = 4_294_967_296;
/** Outputs thrown away after seeding, so that nearby seeds have left their common start behind. */
const WARM_UP = 15;

/** A generator for an integer seed from 0 to 2^32 − 1. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_TO_32)
    throw new RangeError(`seed must be an integer from 0 to ${TWO_TO_32 - 1}`);
  const mix = splitmix32(seed);
  const raw = sfc32(mix(), mix(), mix(), mix());
  for (let i = 0; i < WARM_UP; i++) raw();
  const next = () => raw() / TWO_TO_32;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(table: Weighted<T>): T {
      let total = 0;
      for (const [, w] of table) total += w;
      let r = next() * total;
      for (const [value, w] of table) {
        if (r < w) return value;
        r -= w;
      }
      const last = table[table.length - 1];
      if (!last) throw new RangeError('cannot pick from an empty table');
      return last[0];
    },
  };
}
