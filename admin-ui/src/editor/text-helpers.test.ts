import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { minimalChange } from './minimal-change.ts';
import { ruleAt, rulesIn } from './rules-in-text.ts';
import { parseFailure } from './test-failure.ts';
import { spanOf } from './validation.ts';

describe('the editor text helpers', () => {
  it('replaces only what differs between two texts', () => {
    expect(minimalChange('valid_from: 2019-06-15', 'valid_from: 2026-01-01')).toEqual({ from: 14, to: 22, insert: '26-01-01' });
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(minimalChange('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
  });

  it('finds each rule and the one under the cursor', () => {
    const text = 'question: q\nrules:\n  - id: first\n    when: a\n  - id: second\n    when: b\n';
    const rules = rulesIn(text);
    expect(rules.map((r) => r.id)).toEqual(['first', 'second']);
    expect(ruleAt(rules, text.indexOf('when: b'))).toBe('second');
    expect(ruleAt(rules, 0)).toBeUndefined();
    expect(rulesIn('rules: [: broken')).toEqual([]);
  });

  it('splits a failed expectation into what was expected and what came out', () => {
    expect(parseFailure('outcome: expected eligible, got not_eligible')).toMatchObject({
      field: 'outcome',
      expected: 'eligible',
      actual: 'not_eligible',
    });
    expect(parseFailure('basis: expected "X" among [A; B]')).toMatchObject({ field: 'basis', expected: '"X"', actual: '[A; B]' });
    expect(parseFailure('the case could not run')).toEqual({ field: '', text: 'the case could not run' });
  });

  it('marks the word at a line and column, or one character at the end of a line', () => {
    const doc = Text.of(['    when: receives_social_asistance', 'x: ']);
    const word = spanOf(doc, 1, 11);
    expect(doc.sliceString(word.from, word.to)).toBe('receives_social_asistance');
    const end = spanOf(doc, 2, 4);
    expect(doc.sliceString(end.from, end.to)).toBe(' ');
    expect(spanOf(doc, 99, 1).from).toBe(doc.line(2).from);
  });
});
