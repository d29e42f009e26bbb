import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../shared/i18n/language.ts';
import { rangeText } from './fact-display.ts';

const label = { pl: 'x', en: 'x' };

afterEach(() => setLanguage('pl'));

describe('the range a number field accepts', () => {
  it('says both bounds, one, or none, and whether the number is whole', () => {
    expect(rangeText({ type: 'integer', min: 1, max: 31, label })).toBe('Od 1 do 31, liczba całkowita.');
    expect(rangeText({ type: 'number', min: 0, label })).toBe('Co najmniej 0.');
    expect(rangeText({ type: 'integer', max: 12, label })).toBe('Najwyżej 12, liczba całkowita.');
    expect(rangeText({ type: 'number', label })).toBe('');
    setLanguage('en');
    expect(rangeText({ type: 'integer', min: 0, label })).toBe('At least 0, a whole number.');
  });

  it('is the format for a day (dd.mm.rrrr whatever the browser), and empty for other fields', () => {
    expect(rangeText({ type: 'date', min: 0, label } as never)).toMatch(/dd\.mm\.(rrrr|yyyy), e\.g\.|dd\.mm\.rrrr, np\./);
    expect(rangeText({ type: 'boolean', label })).toBe('');
  });
});
