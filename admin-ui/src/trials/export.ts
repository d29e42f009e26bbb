import type { TrialResult } from './types.ts';

/** The columns of the result's CSV: one figure a row, so any spreadsheet can filter and pivot it. */
export const CSV_COLUMNS = ['table', 'key', 'item', 'measure', 'value'] as const;

type Cell = string | number | null | undefined;

/** A cell quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
function cell(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The result as one CSV in long form (`table,key,item,measure,value`): the run and its hashes, the outcome
 * transitions, money per amount with its histogram, the yearly cost, the breakdowns, and each example person
 * with their facts and both answers. Codes, not words, so the file reads the same in any UI language.
 */
export function resultCsv(r: TrialResult): string {
  const rows: Cell[][] = [];
  const add = (table: string, key: Cell, item: Cell, measure: string, value: Cell) =>
    rows.push([table, key, item, measure, value]);
  add('run', 'question', '', '', r.question);
  add('run', 'date', '', '', r.date);
  add('run', 'baseline', r.baseline.version, 'hash', r.baseline.hash);
  add('run', 'proposal', r.proposal.version, 'hash', r.proposal.hash);
  if (r.population) {
    add('run', 'population', r.population.source, 'hash', r.population.hash);
    if (r.population.source === 'generated') {
      add('run', 'population', 'generated', 'size', r.population.size);
      add('run', 'population', 'generated', 'seed', r.population.seed);
    }
  }
  add('run', 'persons', '', '', r.persons);
  add('run', 'bad_rows', '', '', r.errors.count);
  add('run', 'changed', '', '', r.changed);
  add('run', 'months_per_year', '', '', r.assumptions.months_per_year);
  for (const e of r.errors.first) add('bad_row', e.line, '', 'reason', e.reason);
  for (const [key, persons] of Object.entries(r.transitions)) {
    const [from, to] = key.split(' → ');
    add('transition', from, to, 'persons', persons);
  }
  for (const [amount, m] of Object.entries(r.money)) {
    for (const measure of ['gainers', 'losers', 'total_delta', 'gain_sum', 'loss_sum', 'mean_gain', 'mean_loss'] as const)
      add('money', amount, '', measure, m[measure]);
    add('money', amount, '', 'yearly_cost_difference', r.yearly_cost_difference[amount]);
    for (const b of m.histogram) add('histogram', amount, `${b.from ?? '-inf'}..${b.to ?? 'inf'}`, 'persons', b.persons);
  }
  for (const [fact, table] of Object.entries(r.breakdowns))
    for (const [value, c] of Object.entries(table)) {
      add('breakdown', fact, value, 'persons', c.persons);
      add('breakdown', fact, value, 'changed', c.changed);
      add('breakdown', fact, value, 'total_delta', c.total_delta);
    }
  for (const [kind, people] of Object.entries(r.examples))
    for (const p of people) {
      const key = `${kind} #${p.line}`;
      add('example', key, '', 'line', p.line);
      add('example', key, '', 'facts', JSON.stringify(p.facts));
      for (const [side, answer] of [
        ['baseline', p.baseline],
        ['proposal', p.proposal],
      ] as const) {
        add('example', key, side, 'outcome', answer.outcome);
        for (const [amount, value] of Object.entries(answer.amounts)) add('example', key, side, amount, value);
        add('example', key, side, 'reasons', answer.reasons.map((x) => `${x.met ? '+' : '-'}${x.rule}`).join(' '));
      }
    }
  return `${[CSV_COLUMNS as readonly Cell[], ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A file name for the run's exports: `trial-cis-benefit-flexible-absence-2025-10-15.csv`. */
export function exportName(r: TrialResult, extension: 'csv' | 'json'): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');
  return `trial-${safe(r.question)}-${safe(r.proposal.version)}-${r.date}.${extension}`;
}

/** Saves text as a file through the browser's download, without a round trip to the server. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download; free it once the event loop has moved on.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
