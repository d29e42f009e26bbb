import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_CODES, PROBLEM_CODES } from '../../../src/load/problem.ts';
import { setLanguage } from '../shared/i18n/language.ts';
import { isMessageKey } from '../shared/i18n/translate.ts';
import { describeProblem, quotedNames } from './problem-text.ts';

afterEach(() => setLanguage('pl'));

describe('a problem as the author reads it', () => {
  it("has a Polish sentence for every stable code of the core, the static checks' too", () => {
    for (const code of [...PROBLEM_CODES, ...CHECK_CODES]) expect(isMessageKey(`editor.problem.${code}`), code).toBe(true);
  });

  it('words a finding of the static checks in Polish, with no English', () => {
    const said = describeProblem({
      code: 'UNREACHABLE_OUTCOME',
      message: 'outcome "not_payable" is in the precedence, but no rule decides it',
    });
    expect(said.text).toMatch(/^Żadne fakty nie prowadzą do tego wyniku/);
    expect(said.text).not.toMatch(/\bno rule\b/);
    setLanguage('en');
    expect(describeProblem({ code: 'DEAD_RULE', message: 'rule "x" can never apply' }).text).toBe('Rule "x" can never apply');
  });

  it('says it in Polish with the quoted names and the suggestion, and no English beside', () => {
    const said = describeProblem({
      code: 'UNKNOWN_FACT',
      message: '"receives_social_asistance" is not a fact; did you mean "receives_social_assistance"?',
    });
    expect(said.text).toBe(
      'Nie ma takiego faktu w katalogu faktów (rules/facts.yaml). Dotyczy: „receives_social_asistance”. Czy chodziło o „receives_social_assistance”?',
    );
    expect(said).toEqual({ text: said.text });
  });

  it("gives the server's English words, capitalised, with its hint, in English", () => {
    setLanguage('en');
    expect(describeProblem({ code: 'UNKNOWN_FACT', message: '"x" is not a fact', hint: 'Add it to rules/facts.yaml.' })).toEqual({
      text: '"x" is not a fact',
      hint: 'Add it to rules/facts.yaml.',
    });
  });

  it('names an unknown code rather than failing', () => {
    expect(describeProblem({ code: 'SOMETHING_NEW', message: 'new' }).text).toBe('Problem SOMETHING_NEW.');
  });

  it('tells the names a message quotes from the one it suggests', () => {
    expect(quotedNames('"a" and "b" are unknown; did you mean "c"')).toEqual({ names: ['a', 'b'], suggestion: 'c' });
    expect(quotedNames('no names')).toEqual({ names: [] });
  });
});
