import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate, yearOf } from './iso-date.ts';

describe('iso dates', () => {
  it('accepts only real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2023-08-15', 6)).toBe('2024-02-15');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2023-11-30', 14)).toBe('2025-01-30');
  });

  it('adds days across months and years, and counts days between', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(yearOf('2025-06-01')).toBe(2025);
  });
});
