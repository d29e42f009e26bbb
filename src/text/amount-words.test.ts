import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './amount-words.ts';

describe('amounts in words', () => {
  it('writes the CIS benefit of March 2022 as a decision does', () => {
    expect(amountInWords(1488.96, 'pl')).toBe('tysiąc czterysta osiemdziesiąt osiem złotych 96/100');
    expect(amountInWords(1488.96, 'en')).toBe('one thousand four hundred and eighty-eight zlotys 96/100');
  });

  it('makes the noun agree with the number, teens and compounds included', () => {
    expect(amountInWords(1, 'pl')).toBe('jeden złoty 00/100');
    expect(amountInWords(2, 'pl')).toBe('dwa złote 00/100');
    expect(amountInWords(5, 'pl')).toBe('pięć złotych 00/100');
    expect(amountInWords(12, 'pl')).toBe('dwanaście złotych 00/100');
    expect(amountInWords(22.5, 'pl')).toBe('dwadzieścia dwa złote 50/100');
    expect(amountInWords(0.07, 'pl')).toBe('zero złotych 07/100');
    expect(amountInWords(1, 'en')).toBe('one zloty 00/100');
  });

  it('writes thousands and millions in the form the number needs', () => {
    expect(numberInWords(1000, 'pl')).toBe('tysiąc');
    expect(numberInWords(2000, 'pl')).toBe('dwa tysiące');
    expect(numberInWords(5000, 'pl')).toBe('pięć tysięcy');
    expect(numberInWords(12_000, 'pl')).toBe('dwanaście tysięcy');
    expect(numberInWords(22_000, 'pl')).toBe('dwadzieścia dwa tysiące');
    expect(numberInWords(101_000, 'pl')).toBe('sto jeden tysięcy');
    expect(numberInWords(1_859, 'pl')).toBe('tysiąc osiemset pięćdziesiąt dziewięć');
    expect(numberInWords(1_000_001, 'pl')).toBe('milion jeden');
    expect(numberInWords(3_200_215, 'pl')).toBe('trzy miliony dwieście tysięcy dwieście piętnaście');
    expect(numberInWords(1005, 'en')).toBe('one thousand and five');
    expect(numberInWords(2_300_040, 'en')).toBe('two million three hundred thousand and forty');
    expect(numberInWords(115, 'en')).toBe('one hundred and fifteen');
  });

  it('refuses what is not an amount', () => {
    expect(() => amountInWords(-1, 'pl')).toThrow(RangeError);
    expect(() => numberInWords(1.5, 'pl')).toThrow(RangeError);
  });
});
