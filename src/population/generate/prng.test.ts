import { describe, expect, it } from 'vitest';
import { createRng, sfc32, splitmix32, type Weighted, weightedPicker } from './prng.ts';

const M32 = (1n << 32n) - 1n;

/** The reference algorithms written again with BigInt arithmetic modulo 2^32, as in the C originals. */
function referenceSfc32(a: bigint, b: bigint, c: bigint, d: bigint): () => bigint {
  return () => {
    const t = (a + b + d) & M32;
    d = (d + 1n) & M32;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M32;
    c = (((c << 21n) | (c >> 11n)) + t) & M32;
    return t;
  };
}

function referenceSplitmix32(seed: bigint): () => bigint {
  let state = seed & M32;
  return () => {
    state = (state + 0x9e3779b9n) & M32;
    let z = state;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M32;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M32;
    return z ^ (z >> 16n);
  };
}

describe('sfc32 and splitmix32', () => {
  it('match the reference algorithms output for output', () => {
    for (const seed of [0, 1, 7, 0xdeadbeef, 0xffffffff]) {
      const mix = splitmix32(seed);
      const ref = referenceSplitmix32(BigInt(seed));
      const state = Array.from({ length: 4 }, () => {
        const v = mix();
        expect(BigInt(v)).toBe(ref());
        return v;
      });
      const [a, b, c, d] = state as [number, number, number, number];
      const fast = sfc32(a, b, c, d);
      const slow = referenceSfc32(BigInt(a), BigInt(b), BigInt(c), BigInt(d));
      for (let i = 0; i < 2000; i++) expect(BigInt(fast())).toBe(slow());
    }
  });
});

describe('createRng', () => {
  it('gives the same numbers for the same seed and different ones for another', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 100 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(1));
  });

  it('draws uniformly in [0, 1)', () => {
    const rng = createRng(5);
    const buckets = new Array<number>(20).fill(0);
    const n = 200_000;
    let sum = 0;
    let [min, max] = [1, 0];
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
      buckets[Math.floor(x * 20)] = (buckets[Math.floor(x * 20)] ?? 0) + 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    // Chi-square with 19 degrees of freedom: 43.8 is its 0.1 % upper point.
    const expected = n / 20;
    const chi2 = buckets.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(43.8);
  });

  it('draws integers within the bounds, both included', () => {
    const rng = createRng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const k = rng.int(3, 8);
      expect(Number.isInteger(k) && k >= 3 && k <= 8).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
    expect(rng.int(4, 4)).toBe(4);
  });

  it('draws true with the chance asked, never for 0 and always for 1', () => {
    const rng = createRng(11);
    let hits = 0;
    for (let i = 0; i < 50_000; i++) if (rng.chance(0.3)) hits++;
    expect(hits / 50_000).toBeCloseTo(0.3, 2);
    for (let i = 0; i < 1000; i++) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
    }
  });

  it('picks by weight, and a prepared picker picks the same outcomes from the same stream', () => {
    const table: Weighted<string> = [
      ['a', 1],
      ['b', 3],
      ['c', 0],
      ['d', 6],
    ];
    const rng = createRng(13);
    const twin = createRng(13);
    const picker = weightedPicker(table);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) {
      const v = rng.pick(table);
      expect(picker(twin)).toBe(v);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    expect(counts.c).toBeUndefined();
    expect((counts.a ?? 0) / 50_000).toBeCloseTo(0.1, 2);
    expect((counts.b ?? 0) / 50_000).toBeCloseTo(0.3, 2);
    expect((counts.d ?? 0) / 50_000).toBeCloseTo(0.6, 2);
  });

  it('refuses a seed that is not a 32-bit unsigned integer, and an empty or negative table', () => {
    expect(() => createRng(-1)).toThrow(RangeError);
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(2 ** 32)).toThrow(RangeError);
    expect(() => createRng(0)).not.toThrow();
    expect(() => createRng(2 ** 32 - 1)).not.toThrow();
    expect(() => createRng(1).pick([])).toThrow(RangeError);
    expect(() => weightedPicker([])).toThrow(RangeError);
    expect(() => weightedPicker([['a', -1]])).toThrow(RangeError);
  });
});
