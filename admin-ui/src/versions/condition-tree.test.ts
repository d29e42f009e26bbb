import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../shared/i18n/language.ts';
import { type Catalogue, lexicon } from '../shared/law/lexicon.ts';
import { plain } from '../shared/law/parts.ts';
import { type Condition, type ConditionNode, conditionTree } from './condition-tree.ts';

const label = (pl: string, en: string) => ({ label: { pl, en } });
const catalogue = {
  facts: {
    unexcused_absence_days: { type: 'integer', ...label('Dni nieusprawiedliwionej nieobecności', 'Unexcused absence days') },
    registered_unemployed: { type: 'boolean', ...label('Zarejestrowany jako bezrobotny', 'Registered as unemployed') },
    days_in_programme: { type: 'integer', ...label('Dni uczestnictwa w miesiącu', 'Days of participation in the month') },
    cis_period: { type: 'enum', values: ['trial', 'participation'], ...label('Okres w CIS', 'CIS period') },
    programme_end_date: { type: 'date', ...label('Koniec programu', 'End of the programme') },
    other_benefits: { type: 'list', values: ['a', 'b'], ...label('Inne świadczenia', 'Other benefits') },
    founders: {
      type: 'records',
      fields: { kind: { type: 'enum', values: ['natural', 'legal'] }, at_risk: { type: 'boolean' } },
      ...label('Założyciele', 'Founders'),
    },
  },
  parameters: {
    'pai.total_months': {
      unit: 'months',
      values: [{ from: '2014-05-27', value: 6, basis: 'x', confidence: 'read' }],
      ...label('Łączny limit udziału w PAI', 'Total PAI limit'),
    },
  },
  outcomes: {},
} as unknown as Catalogue;
const lex = lexicon(catalogue, ['months_after_edition', 'counts_sick_days']);

/** A tree as plain text lines, indented by depth, for readable expectations. */
function lines(node: ConditionNode, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  if (node.kind === 'leaf') return [pad + plain(node.sentence)];
  if (node.kind === 'not') return [`${pad}nie:`, ...lines(node.item, depth + 1)];
  return [`${pad}${node.kind}:`, ...node.items.flatMap((i) => lines(i, depth + 1))];
}
const read = (c: Condition) => lines(conditionTree(c, lex));

afterEach(() => setLanguage('pl'));

describe('a condition as a lawyer reads it', () => {
  it('names facts by their labels and says the comparison in words', () => {
    expect(read('unexcused_absence_days > 3')).toEqual(['Dni nieusprawiedliwionej nieobecności: więcej niż 3']);
    expect(read('unexcused_absence_days <= 3')).toEqual(['Dni nieusprawiedliwionej nieobecności: co najwyżej 3']);
    expect(read('0 < unexcused_absence_days')).toEqual(['Dni nieusprawiedliwionej nieobecności: więcej niż 0']);
    expect(read('cis_period == "trial"')).toEqual(['Okres w CIS: „trial”']);
    expect(read('cis_period != "trial"')).toEqual(['Okres w CIS: inne niż „trial”']);
  });

  it('reads and / or / not as groups, yes-no facts as "tak" / "nie", given() as "podano"', () => {
    expect(read('unexcused_absence_days > 0 and unexcused_absence_days <= 3 and registered_unemployed')).toEqual([
      'all:',
      '  Dni nieusprawiedliwionej nieobecności: więcej niż 0',
      '  Dni nieusprawiedliwionej nieobecności: co najwyżej 3',
      '  Zarejestrowany jako bezrobotny: tak',
    ]);
    expect(read('not registered_unemployed or given(days_in_programme)')).toEqual([
      'any:',
      '  Zarejestrowany jako bezrobotny: nie',
      '  podano: Dni uczestnictwa w miesiącu',
    ]);
    expect(read('not given(days_in_programme)')).toEqual(['nie podano: Dni uczestnictwa w miesiącu']);
    expect(read('not (registered_unemployed and unexcused_absence_days > 3)')).toEqual([
      'nie:',
      '  all:',
      '    Zarejestrowany jako bezrobotny: tak',
      '    Dni nieusprawiedliwionej nieobecności: więcej niż 3',
    ]);
  });

  it('reads json-rules-engine’s own form the same way', () => {
    expect(
      read({
        all: [
          'registered_unemployed',
          { any: ['given(days_in_programme)', { fact: 'unexcused_absence_days', operator: 'greaterThan', value: 3 }] },
          { not: 'unexcused_absence_days >= 6' },
        ],
      }),
    ).toEqual([
      'all:',
      '  Zarejestrowany jako bezrobotny: tak',
      '  any:',
      '    podano: Dni uczestnictwa w miesiącu',
      '    Dni nieusprawiedliwionej nieobecności: więcej niż 3',
      '  nie:',
      '    Dni nieusprawiedliwionej nieobecności: co najmniej 6',
    ]);
    expect(read({ fact: 'other_benefits', operator: 'contains', value: 'a' })).toEqual(['Inne świadczenia zawiera „a”']);
  });

  it('reads days as days, parameters and definitions by name, functions in words', () => {
    expect(read('date <= add_months(programme_end_date, 6)')).toEqual([
      'dzień, o który pytamy: najpóźniej Koniec programu + 6 mies.',
    ]);
    expect(read('date < "2022-02-15"')).toEqual(['dzień, o który pytamy: przed 15 lutego 2022']);
    expect(read('months_after_edition <= pai.total_months')).toEqual([
      'months_after_edition: co najwyżej Łączny limit udziału w PAI',
    ]);
    expect(read('counts_sick_days')).toEqual(['counts_sick_days: tak']);
    expect(read('cis_period in ["trial", "participation"]')).toEqual(['Okres w CIS: jedno z „trial”, „participation”']);
    expect(read('not overlaps(other_benefits, ["a", "b"])')).toEqual(['nie:', '  Inne świadczenia ma część wspólną z „a”, „b”']);
    expect(read('count(founders, kind == "natural" and not at_risk) >= 3')).toEqual([
      'liczba pozycji w Założyciele, dla których: kind: „natural” i at_risk: nie: co najmniej 3',
    ]);
    expect(read('unexcused_absence_days * 2 + 1 > 0.5')).toEqual([
      'Dni nieusprawiedliwionej nieobecności × 2 + 1: więcej niż 0,5',
    ]);
  });

  it('speaks English after the switch', () => {
    setLanguage('en');
    expect(read('unexcused_absence_days > 3 and not registered_unemployed')).toEqual([
      'all:',
      '  Unexcused absence days: more than 3',
      '  Registered as unemployed: no',
    ]);
    expect(read('date >= "2022-01-01"')).toEqual(['the day asked about: on or after 1 January 2022']);
  });

  it('quotes a condition it cannot read instead of failing', () => {
    expect(read('unexcused_absence_days >')).toEqual(['zapis, którego nie da się odczytać: unexcused_absence_days >']);
  });
});
