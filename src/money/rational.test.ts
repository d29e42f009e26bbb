import { describe, expect, it } from 'vitest';
import { Rational, rat } from './rational.ts';

describe('Rational', () => {
  it('reads a JS number through its decimal form, not its binary one', () => {
    expect(rat(1721.9).toString()).toBe('17219/10');
    expect(rat(0.1).add(rat(0.2)).cmp(rat(0.3))).toBe(0);
  });

  it('keeps ÷ 30 × days exact where a 34-digit decimal would round the wrong way', () => {
    // 2066.29 / 30 * 15 = 1033.145 exactly: half-up gives 1033.15.
    const v = rat(2066.29).div(rat(30)).mul(rat(15));
    expect(v.cmp(rat('1033.145'))).toBe(0);
    expect(v.roundHalfUp(2).toFixed(2)).toBe('1033.15');
  });

  it('rounds half away from zero', () => {
    expect(rat('2.345').roundHalfUp(2).toFixed(2)).toBe('2.35');
    expect(rat('2.344999').roundHalfUp(2).toFixed(2)).toBe('2.34');
    expect(rat('-2.345').roundHalfUp(2).toFixed(2)).toBe('-2.35');
    expect(rat(7).roundHalfUp(2).toNumber()).toBe(7);
  });

  it('compares, floors and refuses division by zero', () => {
    expect(rat(2).cmp(rat(3))).toBe(-1);
    expect(rat('-1.5').floor().toNumber()).toBe(-2);
    expect(rat('1.5').floor().toNumber()).toBe(1);
    expect(() => rat(1).div(rat(0))).toThrow(RangeError);
    expect(() => Rational.of(1n, 0n)).toThrow(RangeError);
  });

  it('parses exponents and rejects junk', () => {
    expect(rat('1e-3').toString()).toBe('1/1000');
    expect(rat('12E2').toNumber()).toBe(1200);
    expect(() => rat('12,5')).toThrow(SyntaxError);
  });

  it('converts back to the nearest number, on the fast path and beyond it', () => {
    expect(rat('1859.65').toNumber()).toBe(1859.65);
    expect(rat('0.1').toNumber()).toBe(0.1);
    expect(rat(2).div(rat(3)).toNumber()).toBe(2 / 3);
    // 10 + 1e-29 is beyond a double's precision: the nearest number is 10.
    expect(Rational.of(10n ** 30n + 1n, 10n ** 29n).toNumber()).toBe(10);
    expect(rat('-1033.145').toNumber()).toBe(-1033.145);
    expect(rat(1).div(rat(3)).toNumber()).toBeCloseTo(1 / 3, 15);
    expect(rat(1859.65).toNumber()).toBe(1859.65);
  });
});
