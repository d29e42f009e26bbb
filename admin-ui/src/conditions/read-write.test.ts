import { describe, expect, it } from 'vitest';
import { conditionToTree, expressionToTree } from './read.ts';
import { asRootGroup, type ConditionNode, moveItem, toggleNot } from './tree.ts';
import { isCompact, simplify, toCondition } from './write.ts';

const cmp = (left: string, op: '==' | '>' | '<=' | 'in', right: string): ConditionNode => ({
  kind: 'comparison',
  left,
  op,
  right,
});
const test = (expr: string): ConditionNode => ({ kind: 'test', expr });

describe('reading a condition', () => {
  it('reads an and-chain as all, or as any, not as not, and splits comparisons', () => {
    expect(expressionToTree('registered_unemployed and months_registered_last_24 > 12 and not zasilek_entitled')).toEqual({
      kind: 'all',
      items: [
        test('registered_unemployed'),
        cmp('months_registered_last_24', '>', '12'),
        { kind: 'not', item: test('zasilek_entitled') },
      ],
    });
    expect(expressionToTree("help_profile == 'III' or social_contract in [\"active\", 'completed']")).toEqual({
      kind: 'any',
      items: [cmp('help_profile', '==', '"III"'), cmp('social_contract', 'in', '["active", "completed"]')],
    });
    expect(expressionToTree('a and (b or c)')).toEqual({
      kind: 'all',
      items: [test('a'), { kind: 'any', items: [test('b'), test('c')] }],
    });
    expect(expressionToTree('given(days_in_programme)')).toEqual(test('given(days_in_programme)'));
    expect(expressionToTree('count(x, item != "a") == 0')).toEqual({
      kind: 'comparison',
      left: 'count(x, item != "a")',
      op: '==',
      right: '0',
    });
  });

  it('keeps text that does not parse as one test, to be shown with its error', () => {
    expect(expressionToTree('a >')).toEqual(test('a >'));
  });

  it("reads json-rules-engine's mappings, with compact leaves and fact / operator / value leaves", () => {
    expect(
      conditionToTree({
        all: [
          'registered_unemployed',
          { any: ['receives_social_assistance', { fact: 'zasilek_entitled', operator: 'equal', value: false }] },
          { not: 'pai_months_completed >= 6' },
          { fact: 'other_benefits', operator: 'contains', value: 'incapacity_pension' },
          { fact: 'help_profile', operator: 'in', value: ['I', 'II'] },
          { fact: 'a', operator: 'lessThan', value: { fact: 'b' } },
        ],
      }),
    ).toEqual({
      kind: 'all',
      items: [
        test('registered_unemployed'),
        {
          kind: 'any',
          items: [test('receives_social_assistance'), { kind: 'comparison', left: 'zasilek_entitled', op: '==', right: 'false' }],
        },
        { kind: 'not', item: { kind: 'comparison', left: 'pai_months_completed', op: '>=', right: '6' } },
        cmp('"incapacity_pension"', 'in', 'other_benefits'),
        cmp('help_profile', 'in', '["I", "II"]'),
        { kind: 'comparison', left: 'a', op: '<', right: 'b' },
      ],
    });
    expect(conditionToTree(undefined)).toBeUndefined();
  });
});

describe('writing a condition', () => {
  it('writes a simple and / or chain as one compact line', () => {
    const tree = expressionToTree('not in_reintegration and not in_pai and date < "2016-01-01"');
    expect(isCompact(tree)).toBe(true);
    expect(toCondition(tree)).toBe('not in_reintegration and not in_pai and date < "2016-01-01"');
    expect(toCondition(cmp('help_profile', 'in', '["I"]'))).toBe('help_profile in ["I"]');
  });

  it('writes nested groups as all / any / not mappings with compact leaves', () => {
    const tree = expressionToTree('a and (b or c > 1) and not (d and e)');
    expect(isCompact(tree)).toBe(false);
    expect(toCondition(tree)).toEqual({ all: ['a', 'b or c > 1', { not: 'd and e' }] });
    expect(
      toCondition({ kind: 'not', item: { kind: 'all', items: [test('a'), { kind: 'any', items: [test('b'), test('c')] }] } }),
    ).toEqual({
      not: { all: ['a', 'b or c'] },
    });
  });

  it('drops empty groups, writes a group of one as its item, and nothing for an empty root', () => {
    expect(toCondition({ kind: 'all', items: [] })).toBeUndefined();
    expect(toCondition(asRootGroup(test('a')))).toBe('a');
    expect(
      simplify({
        kind: 'any',
        items: [
          { kind: 'all', items: [] },
          { kind: 'not', item: { kind: 'any', items: [] } },
        ],
      }),
    ).toBeUndefined();
    expect(toCondition({ kind: 'all', items: [test('a'), { kind: 'any', items: [test('b')] }] })).toBe('a and b');
  });

  it('reads back what it writes', () => {
    for (const text of ['a and (b or c)', 'not (a or b) or c == 1', 'x > 1 and (y or not (z and w))']) {
      const tree = expressionToTree(text);
      expect(conditionToTree(toCondition(tree))).toEqual(tree);
    }
  });

  it('moves items and toggles not', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(toggleNot(toggleNot(test('a')))).toEqual(test('a'));
  });
});
