import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format.ts';

/** Intl separates groups and the unit with NBSP or narrow NBSP, depending on its data; compare with plain spaces. */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting for pl-PL and en', () => {
  it('writes money as 1 859,65 zł in Polish, grouping four-digit amounts too', () => {
    expect(spaces(formatMoney(1859.65, 'pl'))).toBe('1 859,65 zł');
    expect(spaces(formatMoney(2066.28, 'pl'))).toBe('2 066,28 zł');
    expect(spaces(formatMoney(206.63, 'pl'))).toBe('206,63 zł');
    expect(spaces(formatMoney(1234567.8, 'pl'))).toBe('1 234 567,80 zł');
    expect(formatMoney(1859.65, 'pl')).toMatch(/^1[\u00a0\u202f]859,65[\u00a0\u202f]zł$/);
  });

  it('writes money the English way in English', () => {
    expect(spaces(formatMoney(1859.65, 'en'))).toBe('PLN 1,859.65');
    expect(spaces(formatNumber(1859, 'pl'))).toBe('1 859');
  });

  it('writes a legal date as its calendar day, whatever the time zone', () => {
    expect(formatDate('2025-10-15', 'pl')).toBe('15 października 2025');
    expect(formatDate('2025-10-15', 'en')).toBe('15 October 2025');
    expect(formatDate('2025-01-01', 'pl')).toBe('1 stycznia 2025');
  });

  it('writes a moment with date and time', () => {
    expect(spaces(formatDateTime('2025-10-15T12:05:09.000Z', 'pl', 'Europe/Warsaw'))).toBe('15.10.2025, 14:05:09');
    expect(spaces(formatDateTime('2025-10-15T12:05:09.000Z', 'en', 'Europe/Warsaw'))).toBe('15/10/2025, 14:05:09');
  });
});
