import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateLong, formatMoney, formatNumber, pluralForm } from './format.ts';

const nb = (s: string) => s.replaceAll('\u00a0', ' ');

describe('numbers, money and days as a person reads them', () => {
  it('writes złoty the Polish way and PLN the English way', () => {
    expect(nb(formatMoney(1704.68, 'pl'))).toBe('1 704,68 zł');
    expect(nb(formatMoney(630154810.73, 'pl'))).toBe('630 154 810,73 zł');
    expect(formatMoney(1704.68, 'en')).toBe('PLN 1,704.68');
  });

  it('writes days as 15.10.2025, 15 października 2025 and 15 October 2025', () => {
    expect(formatDate('2025-10-15', 'pl')).toBe('15.10.2025');
    expect(formatDateLong('2025-10-15', 'pl')).toBe('15 października 2025');
    expect(formatDate('2025-10-15', 'en')).toBe('15 October 2025');
    expect(formatDate('not a day', 'pl')).toBe('not a day');
  });

  it('writes decimals with a comma in Polish', () => {
    expect(formatNumber(19.99, 'pl')).toBe('19,99');
    expect(formatNumber(19.99, 'en')).toBe('19.99');
  });

  it('makes numbers agree with their nouns through Intl.PluralRules', () => {
    const osoba = ['osoba', 'osoby', 'osób'];
    expect([1, 2, 4, 5, 12, 22, 25, 112].map((n) => nb(formatCount(n, osoba, 'pl')))).toEqual([
      '1 osoba',
      '2 osoby',
      '4 osoby',
      '5 osób',
      '12 osób',
      '22 osoby',
      '25 osób',
      '112 osób',
    ]);
    expect(pluralForm(1.5, ['miesiąc', 'miesiące', 'miesięcy', 'miesiąca'], 'pl')).toBe('miesiąca');
    expect(pluralForm(1.5, ['miesiąc', 'miesiące', 'miesięcy'], 'pl')).toBe('miesięcy');
    expect([1, 2].map((n) => formatCount(n, ['person', 'persons'], 'en').replace('\u00a0', ' '))).toEqual([
      '1 person',
      '2 persons',
    ]);
  });
});
