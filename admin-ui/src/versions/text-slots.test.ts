import { describe, expect, it } from 'vitest';
import { type Catalogue, lexicon } from '../shared/law/lexicon.ts';
import { plain } from '../shared/law/parts.ts';
import { textSlots } from './text-slots.ts';

const catalogue = {
  facts: { unexcused_absence_days: { type: 'integer', label: { pl: 'Dni nieobecności', en: 'Absence days' } } },
  parameters: {
    'zasilek.first_90_days': { unit: 'PLN', values: [], label: { pl: 'Zasiłek podstawowy', en: 'Basic allowance' } },
  },
  outcomes: {},
} as unknown as Catalogue;
const lex = lexicon(catalogue, ['rate']);

describe('a rule text with its placeholders shown readably', () => {
  it('names a fact by its label in the text’s own language, in brackets', () => {
    expect(plain(textSlots('trwała {unexcused_absence_days} dni.', 'pl', lex))).toBe('trwała [Dni nieobecności] dni.');
    expect(plain(textSlots('lasted {unexcused_absence_days} days.', 'en', lex))).toBe('lasted [Absence days] days.');
  });

  it('keeps what each name is, so a parameter can link to its values', () => {
    const s = textSlots('{zasilek.first_90_days:money} i {rate}, {unknown}', 'pl', lex);
    expect(s).toEqual([
      '[',
      { ref: 'parameter', name: 'zasilek.first_90_days', label: 'Zasiłek podstawowy' },
      '] i [',
      { ref: 'define', name: 'rate', label: 'rate' },
      '], [',
      { ref: 'field', name: 'unknown', label: 'unknown' },
      ']',
    ]);
  });

  it('leaves a text without placeholders as it is', () => {
    expect(textSlots('Bez zmiennych.', 'pl', lex)).toEqual(['Bez zmiennych.']);
  });
});
