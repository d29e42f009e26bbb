import { afterEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../shared/api/client.ts';
import { setLanguage } from '../shared/i18n/language.ts';
import { questionTitle } from './question-title.ts';

const QUESTIONS = [
  { id: 'cis-benefit', title: { pl: 'Świadczenie integracyjne', en: 'Integration benefit' }, versions: [] },
] as unknown as Schemas['QuestionSummary'][];

afterEach(() => setLanguage('pl'));

describe('a question’s title', () => {
  it('is the title in the UI’s language', () => {
    expect(questionTitle(QUESTIONS, 'cis-benefit')).toBe('Świadczenie integracyjne');
    setLanguage('en');
    expect(questionTitle(QUESTIONS, 'cis-benefit')).toBe('Integration benefit');
  });

  it('falls back to the id for an unknown question or before the list loads', () => {
    expect(questionTitle(QUESTIONS, 'ces-founding')).toBe('ces-founding');
    expect(questionTitle(undefined, 'cis-benefit')).toBe('cis-benefit');
  });
});
