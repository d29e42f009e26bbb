import { describe, expect, it } from 'vitest';
import { parseDay, showDay } from './day-text.ts';

describe('days as dd.mm.rrrr', () => {
  it('shows an ISO day the Polish way and reads it back', () => {
    expect(showDay('2025-10-15')).toBe('15.10.2025');
    expect(parseDay('15.10.2025')).toBe('2025-10-15');
    expect(parseDay(' 1.2.2024 ')).toBe('2024-02-01');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses what is no real day', () => {
    expect(parseDay('31.02.2025')).toBeUndefined();
    expect(parseDay('29.02.2025')).toBeUndefined();
    expect(parseDay('15/13/2025')).toBeUndefined();
    expect(parseDay('jutro')).toBeUndefined();
    expect(parseDay('')).toBeUndefined();
  });
});
