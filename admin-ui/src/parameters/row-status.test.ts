import { describe, expect, it } from 'vitest';
import type { ParameterEntry } from './parameters-yaml.ts';
import { rowStatuses } from './row-status.ts';

const row = (from: string, value = 1) => ({ from, value, basis: 'x', confidence: 'read' });
const entry: ParameterEntry = { id: 'p.x', unit: 'PLN', rows: [row('2020-01-01'), row('2021-01-01', 2), row('2027-06-01')] };
const published = { values: [row('2020-01-01'), row('2021-01-01')] } as never;

describe('where the rows of a draft stand against the law in force', () => {
  it('marks a row from a day the law lacks as new, a changed row of the law as corrected', () => {
    expect(rowStatuses(entry, published)).toEqual(['law', 'corrected', 'new']);
  });

  it('counts a note added to a row of the law as a correction', () => {
    const noted = { ...entry, rows: [{ ...row('2020-01-01'), note: 'checked' }] };
    expect(rowStatuses(noted, published)).toEqual(['corrected']);
  });

  it('marks every row new for a parameter the law does not have yet', () => {
    expect(rowStatuses(entry, { values: [] })).toEqual(['new', 'new', 'new']);
  });

  it('without a catalogue, marks only the rows added here as new', () => {
    expect(rowStatuses(entry, undefined, new Set(['p.x@2027-06-01', 'p.y@2020-01-01']))).toEqual(['law', 'law', 'new']);
    expect(rowStatuses(entry, undefined)).toEqual(['law', 'law', 'law']);
  });
});
