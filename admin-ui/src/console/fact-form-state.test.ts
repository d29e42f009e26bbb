import { describe, expect, it } from 'vitest';
import {
  choiceValue,
  type FactDefinition,
  type FactDefinitions,
  factsFromState,
  fieldValueOf,
  formStateFor,
  isGiven,
  newRow,
  parseNumber,
} from './fact-form-state.ts';

const label = { pl: 'x', en: 'x' };
const FOUNDERS: FactDefinition = {
  type: 'records',
  fields: { kind: { type: 'enum', values: ['natural', 'legal'] }, at_risk: { type: 'boolean' } },
  label,
};
const DAYS: FactDefinition = { type: 'integer', min: 1, max: 31, optional: true, label };
const REGISTERED: FactDefinition = { type: 'boolean', label };
const LIST: FactDefinition = { type: 'list', values: ['disabled', 'long_term_unemployed'], default: [], label };
const DEFS: FactDefinitions = {
  cis_period: { type: 'enum', values: ['trial', 'participation'], label },
  days_in_programme: DAYS,
  unexcused_absence_days: { type: 'integer', min: 0, default: 0, label },
  zasilek_entitled: { type: 'boolean', default: false, label },
  registered_unemployed: REGISTERED,
  exclusion_groups: LIST,
  programme_end_date: { type: 'date', label },
  founders: FOUNDERS,
};
const NAMES = Object.keys(DEFS);

describe('the fact form’s values', () => {
  it('starts from the catalogue’s defaults, leaving the rest not given', () => {
    expect(formStateFor(DEFS, NAMES)).toEqual({
      cis_period: undefined,
      days_in_programme: '',
      unexcused_absence_days: '0',
      zasilek_entitled: false,
      registered_unemployed: undefined,
      exclusion_groups: [],
      programme_end_date: '',
      founders: [],
    });
  });

  it('sends only what was given, each as the type the API expects', () => {
    const state = {
      ...formStateFor(DEFS, NAMES),
      cis_period: 'participation',
      unexcused_absence_days: ' 5 ',
      days_in_programme: '12,5',
      exclusion_groups: ['disabled'],
      founders: [
        { kind: 'natural', at_risk: true },
        { kind: 'legal', at_risk: undefined },
      ],
    };
    expect(factsFromState(DEFS, NAMES, state)).toEqual({
      cis_period: 'participation',
      unexcused_absence_days: 5,
      days_in_programme: 12.5,
      zasilek_entitled: false,
      exclusion_groups: ['disabled'],
      founders: [{ kind: 'natural', at_risk: true }, { kind: 'legal' }],
    });
  });

  it('sends text that is not a number as typed, for the server to name the fact', () => {
    expect(factsFromState(DEFS, ['unexcused_absence_days'], { unexcused_absence_days: 'pięć' })).toEqual({
      unexcused_absence_days: 'pięć',
    });
  });

  it('rebuilds the form from a stored decision’s facts, and keeps values across a change of day', () => {
    const stored = formStateFor(DEFS, NAMES, {
      cis_period: 'trial',
      unexcused_absence_days: 2,
      founders: [{ kind: 'legal', at_risk: false, x: 1 }],
    });
    expect(stored.cis_period).toBe('trial');
    expect(stored.unexcused_absence_days).toBe('2');
    expect(stored.zasilek_entitled).toBe(false);
    expect(stored.founders).toEqual([{ kind: 'legal', at_risk: false }]);
    const kept = formStateFor(DEFS, ['cis_period', 'sick_days'], undefined, stored);
    expect(kept).toEqual({ cis_period: 'trial' });
  });

  it('reads numbers with a decimal comma and refuses the rest', () => {
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber(' 7 ')).toBe(7);
    expect(parseNumber('-2')).toBe(-2);
    expect(parseNumber('1e3')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('knows what counts as given for each type', () => {
    expect(isGiven(LIST, [])).toBe(true);
    expect(isGiven(FOUNDERS, [])).toBe(false);
    expect(isGiven(REGISTERED, undefined)).toBe(false);
    expect(isGiven(REGISTERED, false)).toBe(true);
    expect(fieldValueOf(DAYS, 'x')).toBe('');
    expect(newRow(FOUNDERS)).toEqual({ kind: 'natural', at_risk: false });
  });

  it('reads a radio button’s value: not given, a boolean, or the enumeration’s value', () => {
    expect(choiceValue(REGISTERED, '')).toBeUndefined();
    expect(choiceValue(REGISTERED, 'true')).toBe(true);
    expect(choiceValue(REGISTERED, 'false')).toBe(false);
    expect(choiceValue(DEFS.cis_period as FactDefinition, 'trial')).toBe('trial');
  });
});
