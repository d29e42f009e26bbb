import { describe, expect, it } from 'vitest';
import { tablesCsv } from './result-csv.ts';
import { resultTables, type TabulatedResult } from './result-tables.ts';

const result: TabulatedResult = {
  question: 'cis-benefit',
  date: '2025-10-15',
  baseline: { version: '2022-02-15', hash: 'b' },
  proposal: { version: 'p', hash: 'h' },
  persons: 2,
  errors: { count: 0, first: [] },
  changed: 1,
  transitions: { 'granted → granted': 2 },
  money: {
    monthly: {
      gainers: 1,
      losers: 0,
      total_delta: 1234.5,
      gain_sum: 1234.5,
      loss_sum: 0,
      mean_gain: 1234.5,
      mean_loss: 0,
      histogram: [{ from: null, to: -1000, persons: 0 }],
    },
  },
  yearly_cost_difference: { monthly: 14814 },
  assumptions: { months_per_year: 12, text: 'x' },
  breakdowns: {},
  // A section another part of the result adds: a plain array of rows.
  regions: [
    { voivodeship: 'mazowieckie', persons: 10, total_delta: 0.5 },
    { voivodeship: 'śląskie', persons: 3, total_delta: -2 },
  ],
};

describe('result tables', () => {
  it('exports a further section of plain rows without code of its own, money with a decimal comma', () => {
    const tables = resultTables(result);
    const regions = tables.find((t) => t.id === 'regions');
    expect(regions?.columns.map((c) => [c.key, c.kind])).toEqual([
      ['voivodeship', 'text'],
      ['persons', 'count'],
      ['total_delta', 'money'],
    ]);
    const csv = tablesCsv(tables, { lang: 'pl' });
    expect(csv).toContain('regions;śląskie;3;-2,00\r\n');
    expect(csv).toContain(';1234,50;');
    expect(csv.startsWith('\uFEFFTabela;')).toBe(true);
  });
});
