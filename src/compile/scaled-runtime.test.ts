import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../money/rational.ts';
import { BAIL, SCALED } from './scaled-runtime.ts';

const bails = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e === BAIL;
  }
  return false;
};

describe('scaled integers', () => {
  it('round an amount half away from zero exactly as the rationals do', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1_200_000 }), (x, s) => {
        expect(SCALED.money(x, s)).toBe(Rational.of(BigInt(x), BigInt(s)).roundHalfUp(2).toNumber());
      }),
      { numRuns: 2000 },
    );
    expect(SCALED.money(1033145, 1000)).toBe(1033.15); // the case a float rounds down
    expect(SCALED.money(-1033145, 1000)).toBe(-1033.15);
    expect(Object.is(SCALED.money(-1, 1000), 0)).toBe(true);
  });

  it('hold a two-decimal fact exactly, and bail on anything finer', () => {
    expect(SCALED.dec(12.5, 100, 0, 10_000)).toBe(1250);
    expect(SCALED.dec(0.29, 100, 0, 10_000)).toBe(29);
    expect(bails(() => SCALED.dec(0.285, 100, 0, 10_000))).toBe(true);
    expect(bails(() => SCALED.dec('3', 100, 0, 10_000))).toBe(true);
    expect(bails(() => SCALED.dec(120, 100, 0, 10_000))).toBe(true); // past its range
  });

  it('bail past 2^53, where a double stops being exact', () => {
    expect(SCALED.c(2 ** 53 - 1)).toBe(2 ** 53 - 1);
    expect(bails(() => SCALED.c(2 ** 53))).toBe(true);
    expect(bails(() => SCALED.c(Number.NaN))).toBe(true);
    expect(SCALED.floorDiv(-7, 2)).toBe(-4);
    expect(bails(() => SCALED.whole(7, 2))).toBe(true);
  });
});
