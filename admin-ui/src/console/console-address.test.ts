import { describe, expect, it } from 'vitest';
import { choiceFromSearch, searchForChoice } from './console-address.ts';

describe('the console’s address', () => {
  it('reads the question and day, the day defaulting to today when missing or not a real day', () => {
    expect(choiceFromSearch('?question=cis-benefit&date=2025-10-15', '2026-01-01')).toEqual({
      question: 'cis-benefit',
      date: '2025-10-15',
    });
    expect(choiceFromSearch('?question=cis-benefit', '2026-01-01')).toEqual({ question: 'cis-benefit', date: '2026-01-01' });
    expect(choiceFromSearch('?date=2025-02-30', '2026-01-01')).toEqual({ question: '', date: '2026-01-01' });
    expect(choiceFromSearch('', '2026-01-01')).toEqual({ question: '', date: '2026-01-01' });
  });

  it('writes the choice back, and nothing while no question is chosen', () => {
    expect(searchForChoice({ question: 'cis-benefit', date: '2025-10-15' })).toBe('?question=cis-benefit&date=2025-10-15');
    expect(searchForChoice({ question: '', date: '2025-10-15' })).toBe('');
  });

  it('round-trips', () => {
    const choice = { question: 'ces-founding', date: '2024-03-01' };
    expect(choiceFromSearch(searchForChoice(choice), '2026-01-01')).toEqual(choice);
  });
});
