import { describe, expect, it } from 'vitest';
import type { ParameterFile } from '../schema/parameters.ts';
import { changedValues } from './changed-values.ts';

const file = (rows: [string, number][]): ParameterFile => ({
  topic: 'zasilek',
  title: { pl: 'Zasiłek', en: 'Benefit' },
  parameters: {
    'zasilek.first_90_days': {
      label: { pl: 'Zasiłek', en: 'Benefit' },
      unit: 'PLN',
      values: rows.map(([from, value]) => ({ from, value, basis: 'URP art. 224', confidence: 'read' as const })),
    },
  },
});

describe('changedValues', () => {
  it('gives the days on which a corrected, an added and a removed row change the value', () => {
    const before = file([
      ['2024-06-01', 1662],
      ['2025-06-01', 1721.9],
      ['2026-06-01', 1783.9],
    ]);
    expect(changedValues(before, before)).toEqual([]);
    expect(
      changedValues(
        before,
        file([
          ['2024-06-01', 1662],
          ['2025-06-01', 1721.9],
          ['2026-06-01', 1780],
          ['2027-06-01', 1830],
        ]),
      ),
    ).toEqual([
      { parameter: 'zasilek.first_90_days', from: '2026-06-01', until: '2027-06-01', value: 1780, change: 'changed' },
      { parameter: 'zasilek.first_90_days', from: '2027-06-01', until: null, value: 1830, change: 'added' },
    ]);
    expect(
      changedValues(
        before,
        file([
          ['2024-06-01', 1662],
          ['2026-06-01', 1783.9],
        ]),
      ),
    ).toEqual([{ parameter: 'zasilek.first_90_days', from: '2025-06-01', until: '2026-06-01', value: 1662, change: 'removed' }]);
  });

  it('counts every row of a new file', () => {
    expect(changedValues(undefined, file([['2024-06-01', 1662]]))).toMatchObject([
      { from: '2024-06-01', until: null, change: 'added' },
    ]);
  });
});
