import { describe, expect, it } from 'vitest';
import { type Catalogue, conditionNames, nameLabel, valueKind } from './names.ts';
import { expressionProblem, isWritable } from './validate.ts';
import { readValue, writeValue } from './values.ts';

const CATALOGUE: Catalogue = {
  acts: {},
  facts: {
    registered_unemployed: { type: 'boolean', label: { pl: 'Zarejestrowany jako bezrobotny', en: 'Registered as unemployed' } },
    help_profile: { type: 'enum', values: ['I', 'II', 'III', 'none'], label: { pl: 'Profil pomocy', en: 'Help profile' } },
    months: { type: 'number', label: { pl: 'Miesiące', en: 'Months' } },
    end_date: { type: 'date', label: { pl: 'Koniec', en: 'End' } },
    other_benefits: { type: 'list', values: ['a'], label: { pl: 'Inne', en: 'Other' } },
  },
  parameters: { 'pai.total_months': { label: { pl: 'Łącznie', en: 'In total' }, unit: 'months', values: [] } },
  outcomes: {},
};
const names = conditionNames(
  {
    facts: ['registered_unemployed', 'help_profile', 'months', 'end_date', 'other_benefits'],
    parameters: ['pai.total_months'],
    defines: ['ok'],
  },
  CATALOGUE,
);
const byName = (n: string) => names.find((x) => x.name === n);
const named = (n: string) => byName(n) ?? { name: n, group: 'define' as const };

describe('the names a condition reads', () => {
  it("lists the rule set's facts, definitions, parameters and date, labelled in the UI's language", () => {
    expect(names.map((n) => `${n.group}:${n.name}`)).toEqual([
      'fact:registered_unemployed',
      'fact:help_profile',
      'fact:months',
      'fact:end_date',
      'fact:other_benefits',
      'define:ok',
      'parameter:pai.total_months',
      'date:date',
    ]);
    expect(nameLabel(named('help_profile'), 'pl')).toBe('Profil pomocy (help_profile)');
    expect(nameLabel(named('pai.total_months'), 'en')).toBe('In total (pai.total_months)');
    expect(conditionNames({ facts: [], parameters: [], defines: [] }, CATALOGUE)).toHaveLength(6);
    expect(conditionNames({ facts: ['x'], parameters: [], defines: [] }, undefined)[0]).toEqual({ name: 'x', group: 'fact' });
  });

  it('picks the value field by the type of the left side and the operator', () => {
    expect(valueKind(byName('help_profile'), '==')).toBe('enum');
    expect(valueKind(byName('help_profile'), 'not in')).toBe('enum-list');
    expect(valueKind(byName('help_profile'), '<')).toBe('free');
    expect(valueKind(byName('registered_unemployed'), '!=')).toBe('boolean');
    expect(valueKind(byName('months'), '>=')).toBe('number');
    expect(valueKind(byName('end_date'), '<')).toBe('date');
    expect(valueKind(byName('date'), '<')).toBe('date');
    expect(valueKind(byName('pai.total_months'), '<=')).toBe('number');
    expect(valueKind(byName('ok'), '==')).toBe('free');
    expect(valueKind(byName('other_benefits'), '==')).toBe('free');
    expect(valueKind(undefined, '==')).toBe('free');
  });
});

describe('typed values', () => {
  it('reads literals of the kind and nothing else', () => {
    expect(readValue('enum', "'III'")).toBe('III');
    expect(readValue('enum', 'pai.total_months')).toBeUndefined();
    expect(readValue('enum-list', '["I", "II"]')).toEqual(['I', 'II']);
    expect(readValue('enum-list', '')).toEqual([]);
    expect(readValue('date', '"2022-02-15"')).toBe('2022-02-15');
    expect(readValue('date', '"III"')).toBeUndefined();
    expect(readValue('number', '-3.5')).toBe('-3.5');
    expect(readValue('number', 'a + 1')).toBeUndefined();
    expect(readValue('boolean', 'false')).toBe('false');
    expect(readValue('number', '')).toBe('');
    expect(readValue('number', '1 +')).toBeUndefined();
  });

  it('writes them as the language spells them', () => {
    expect(writeValue('enum', 'III')).toBe('"III"');
    expect(writeValue('enum-list', ['I', 'II'])).toBe('["I", "II"]');
    expect(writeValue('enum-list', [])).toBe('');
    expect(writeValue('date', '2022-02-15')).toBe('"2022-02-15"');
    expect(writeValue('number', '1e3')).toBe('1000');
    expect(writeValue('number', '12')).toBe('12');
    expect(writeValue('boolean', 'true')).toBe('true');
  });
});

describe('checking expressions', () => {
  const known = new Set(['a', 'founders', 'pai.total_months']);

  it('reports an empty field, a syntax error with its column, and an unknown name', () => {
    expect(expressionProblem(' ')).toEqual({ key: 'conditions.error.empty', severity: 'error' });
    expect(expressionProblem('a >')).toMatchObject({ key: 'conditions.error.syntax', column: 4 });
    expect(expressionProblem('a + pai.totl_months', known)).toEqual({
      key: 'conditions.error.unknownName',
      severity: 'warning',
      name: 'pai.totl_months',
    });
    expect(expressionProblem('count(founders, kind == "natural") > a', known)).toBeUndefined();
    expect(expressionProblem('zzz')).toBeUndefined();
  });

  it('writes a tree only when every leaf parses', () => {
    expect(
      isWritable({
        kind: 'all',
        items: [
          { kind: 'test', expr: 'a' },
          { kind: 'not', item: { kind: 'test', expr: 'b' } },
        ],
      }),
    ).toBe(true);
    expect(isWritable({ kind: 'any', items: [{ kind: 'comparison', left: 'a', op: '==', right: '' }] })).toBe(false);
    expect(isWritable({ kind: 'all', items: [{ kind: 'test', expr: 'a ==' }] })).toBe(false);
  });
});
