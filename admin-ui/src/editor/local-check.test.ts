import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLocally, isParametersPath } from './local-check.ts';

const published = readFileSync(new URL('../../../rules/pai-referral/2019-06-15.yaml', import.meta.url), 'utf8');

describe("the browser's own check of a draft", () => {
  it('finds nothing wrong with a published rule set', () => {
    expect(checkLocally('rules/pai-referral/2019-06-15.yaml', published)).toEqual([]);
  });

  it('locates a syntax error and a key the schema does not know on their lines', () => {
    const broken = published.replace('  - id: social-assistance', '  - id: social-assistance\n    wehn: x');
    const [problem] = checkLocally('rules/pai-referral/2019-06-15.yaml', broken);
    expect(problem).toMatchObject({ code: 'UNKNOWN_KEY', line: 41 });
    const unparsable = checkLocally('rules/pai-referral/x.yaml', 'question: [a\n');
    expect(unparsable[0]?.code).toBe('YAML_SYNTAX');
  });

  it('tells a parameters file from a rule set by its path', () => {
    expect(isParametersPath('rules/parameters/pai.yaml')).toBe(true);
    expect(isParametersPath('rules/pai-referral/2019-06-15.yaml')).toBe(false);
  });

  it('checks a file of test cases and the catalogue with their own schemas', () => {
    const cases = readFileSync(new URL('../../../rules/pai-referral/tests/pai-referral.yaml', import.meta.url), 'utf8');
    expect(checkLocally('rules/pai-referral/tests/pai-referral.yaml', cases)).toEqual([]);
    const facts = readFileSync(new URL('../../../rules/facts.yaml', import.meta.url), 'utf8');
    expect(checkLocally('rules/facts.yaml', facts)).toEqual([]);
    const [wrong] = checkLocally(
      'rules/pai-referral/tests/pai-referral.yaml',
      '- name: x\n  question: pai-referral\n  date: 2020-01-01\n  expect: {}\n  facs: {}\n',
    );
    expect(wrong).toMatchObject({ code: 'UNKNOWN_KEY', line: 5 });
  });
});
