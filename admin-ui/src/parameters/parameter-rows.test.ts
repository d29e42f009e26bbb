import { afterEach, describe, expect, it } from 'vitest';
import { Confidence } from '../../../src/schema/common.ts';
import { setLanguage } from '../shared/i18n/language.ts';
import { CONFIDENCES } from '../shared/law/confidence.ts';
import { checkRow, parseNumber, type RowInput, toInput } from './parameter-rows.ts';
import { formatValue, valueOn } from './parameter-values.ts';

const good: RowInput = { from: '2027-06-01', value: '1 850,50', basis: 'URP art. 224', confidence: 'secondary', note: ' ' };
/** Non-breaking spaces, as Intl writes them, read as plain ones. */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => setLanguage('pl'));

describe('checking a dated row', () => {
  it('accepts a good row, reading a Polish number and dropping an empty note', () => {
    expect(checkRow(good, { previous: '2026-06-01' })).toEqual({
      ok: true,
      row: { from: '2027-06-01', value: 1850.5, basis: 'URP art. 224', confidence: 'secondary' },
    });
  });

  it('names each wrong field with a message in the UI’s language', () => {
    const r = checkRow({ from: '2027-02-30', value: 'dużo', basis: '  ', confidence: 'sure', note: '' });
    expect(r).toEqual({
      ok: false,
      errors: {
        from: 'Podaj dzień w postaci RRRR-MM-DD, np. 2026-06-01.',
        value: 'Podaj liczbę, np. 1783,90.',
        basis: 'Podaj podstawę prawną: akt i przepis albo obwieszczenie.',
        confidence: 'Wybierz pewność.',
      },
    });
    setLanguage('en');
    expect(checkRow({ ...good, from: '1.6.2027' })).toMatchObject({
      errors: { from: 'Write the day as YYYY-MM-DD, e.g. 2026-06-01.' },
    });
  });

  it('keeps the days increasing: after the row before, before the row after', () => {
    expect(checkRow(good, { previous: '2027-06-01' })).toMatchObject({
      errors: { from: 'Daty muszą rosnąć: ta musi być po 1 czerwca 2027.' },
    });
    expect(checkRow(good, { next: '2027-01-01' })).toMatchObject({
      errors: { from: 'Daty muszą rosnąć: ta musi być przed 1 stycznia 2027.' },
    });
    expect(checkRow(good, { previous: '2025-06-01', next: '2026-06-01' })).toMatchObject({
      errors: { from: 'Daty muszą rosnąć: ta musi być po 1 czerwca 2025 i przed 1 czerwca 2026.' },
    });
    expect(checkRow(good, { previous: '2026-06-01', next: '2028-06-01' }).ok).toBe(true);
  });

  it('reads numbers as people type them, and nothing else', () => {
    expect(parseNumber('1783.90')).toBe(1783.9);
    expect(parseNumber('1\u00a0783,90')).toBe(1783.9);
    expect(parseNumber('-2')).toBe(-2);
    for (const bad of ['', '1,2,3', '12 zł', '1e3', 'NaN']) expect(parseNumber(bad), bad).toBeUndefined();
  });

  it('shows a stored row in the fields as it was', () => {
    expect(toInput({ from: '2020-01-01', value: 831.1, basis: 'b', confidence: 'read' })).toEqual({
      from: '2020-01-01',
      value: '831.1',
      basis: 'b',
      confidence: 'read',
      note: '',
    });
  });

  it('offers exactly the schema’s confidences', () => {
    expect([...CONFIDENCES]).toEqual(Confidence.options);
  });
});

describe('dated values', () => {
  const values = [
    { from: '2021-06-01', value: 1240.8, basis: 'b', confidence: 'secondary' as const },
    { from: '2022-06-01', value: 1304.1, basis: 'b', confidence: 'recalled' as const },
  ];

  it('finds the value in force on a day', () => {
    expect(valueOn(values, '2022-02-15')?.value).toBe(1240.8);
    expect(valueOn(values, '2022-06-01')?.value).toBe(1304.1);
    expect(valueOn(values, '2020-01-01')).toBeUndefined();
  });

  it('formats a value with its unit, with Polish plurals', () => {
    expect(spaces(formatValue(1859.65, 'PLN'))).toBe('1 859,65 zł');
    expect(formatValue(120, 'percent')).toBe('120%');
    expect(formatValue(1, 'days')).toBe('1 dzień');
    expect(formatValue(21, 'days')).toBe('21 dni');
    expect(formatValue(6, 'months')).toBe('6 miesięcy');
    expect(formatValue(3, 'months')).toBe('3 miesiące');
    expect(formatValue(1.5, 'hours')).toBe('1,5 godziny');
    setLanguage('en');
    expect(formatValue(1, 'months')).toBe('1 month');
    expect(spaces(formatValue(1859.65, 'PLN'))).toBe('PLN 1,859.65');
  });
});
