import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answer } from '../schema/answer.ts';
import { expectationChanges, expectationFor, withCase, withExpectation } from './test-file-edit.ts';

const answer: Answer = {
  question: 'cis-benefit',
  date: '2026-06-15',
  outcome: 'payable',
  amounts: { benefit: 2136 },
  values: { rate_percent: 120 },
  reasons: [{ rule: 'cis-benefit.rate', basis: 'UZS art. 15 ust. 4', text: { pl: '', en: '' }, met: true }],
  missing: [],
  caveats: [],
  ruleset: { id: 'cis-benefit', version: '2022-02-15', hash: 'sha256:x' },
};

const FILE = `# Cases of the zasiłek, kept with their comments.
- name: June 2026
  question: cis-benefit
  date: 2026-06-15
  facts: { cis_period: participation }
  expect:
    outcome: payable
    amounts: { benefit: 2140.68 } # the old amount
    basis: ["UZS art. 15 ust. 4"]

- name: Untouched
  question: cis-benefit
  date: 2025-10-15
  facts: { cis_period: participation }
  expect: { outcome: payable }
`;

describe('editing test files', () => {
  it('rewrites only the failing parts of an expectation', () => {
    const before = { outcome: 'payable', amounts: { benefit: 2140.68 }, basis: ['UZS art. 15 ust. 4'] };
    const after = expectationFor(before, answer);
    expect(after).toEqual({ outcome: 'payable', amounts: { benefit: 2136 }, basis: ['UZS art. 15 ust. 4'] });
    expect(expectationChanges(before, after)).toEqual([{ part: 'amounts.benefit', before: 2140.68, after: 2136 }]);
    expect(expectationFor({ outcome: 'not_payable', basis: ['UZS art. 99'] }, answer)).toEqual({
      outcome: 'payable',
      basis: ['UZS art. 15 ust. 4'],
    });
  });

  it('writes the new expectation into the file, keeping its comments and the other cases', () => {
    const text = withExpectation(FILE, 0, { outcome: 'payable', amounts: { benefit: 2136 }, basis: ['UZS art. 15 ust. 4'] });
    expect(text).toBe(FILE.replace('2140.68', '2136'));
    expect(parse(text)[1]).toEqual(parse(FILE)[1]);
    expect(() => withExpectation(FILE, 5, {})).toThrow(RangeError);
  });

  it('appends a case, or starts a file with it', () => {
    const c = {
      name: 'New',
      question: 'cis-benefit',
      date: '2027-03-15',
      facts: { unexcused_absence_days: 5 },
      expect: { outcome: 'payable' },
    };
    const appended = withCase(FILE, c);
    expect(parse(appended)).toHaveLength(3);
    expect(parse(appended)[2]).toEqual(c);
    expect(appended.startsWith(FILE.trimEnd())).toBe(true);
    expect(parse(withCase(undefined, c))).toEqual([c]);
  });
});
