import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ParameterFile } from '../schema/parameters.ts';
import { formatDiff } from './format-diff.ts';
import { diffParameterFiles } from './parameter-diff.ts';
import type { Change, ParameterDiff } from './types.ts';

const zasilek = ParameterFile.parse(parse(readFileSync(new URL('../../rules/parameters/zasilek.yaml', import.meta.url), 'utf8')));
const edit = (change: (f: ParameterFile) => void): ParameterFile => {
  const copy = structuredClone(zasilek);
  change(copy);
  return ParameterFile.parse(copy);
};
const values = (f: ParameterFile, id: string) => {
  const def = f.parameters[id];
  if (!def) throw new Error(`no parameter ${id}`);
  return def.values;
};
const where = (diff: ParameterDiff) => diff.changes.map((c) => `${c.kind} ${c.path}`);
const first = (diff: ParameterDiff): Change => {
  expect(diff.changes).toHaveLength(1);
  return diff.changes[0] as Change;
};

describe('diffParameterFiles', () => {
  it('reports nothing for the same file', () => {
    const diff = diffParameterFiles(zasilek, structuredClone(zasilek));
    expect(diff.changes).toEqual([]);
    expect(diff.topic).toBe('zasilek');
    expect(diff.from.hash).toBe(diff.to.hash);
  });

  it('reports a new dated row as the ordinary way the law changes', () => {
    const row = {
      from: '2027-06-01',
      value: 1850.5,
      basis: 'URP art. 224, obwieszczenie MRPiPS',
      confidence: 'secondary' as const,
    };
    const after = edit((f) => values(f, 'zasilek.first_90_days').push(row));
    const change = first(diffParameterFiles(zasilek, after));
    expect(change).toEqual({
      kind: 'value_added',
      path: 'parameters[zasilek.first_90_days].values[2027-06-01]',
      after: row,
      summary: {
        pl: 'zasilek.first_90_days: nowa wartość od 2027-06-01: 1850.5 (secondary)',
        en: 'zasilek.first_90_days: new value from 2027-06-01: 1850.5 (secondary)',
      },
    });
    expect(change).not.toHaveProperty('history_edited');
  });

  it('marks an edited row as history edited, naming each field that changed', () => {
    const after = edit((f) => {
      const row = values(f, 'zasilek.first_90_days').find((r) => r.from === '2026-06-01');
      if (!row) throw new Error('no row');
      row.value = 1790;
      row.confidence = 'read';
    });
    const change = first(diffParameterFiles(zasilek, after));
    expect(change.kind).toBe('value_changed');
    expect(change.history_edited).toBe(true);
    expect(change.path).toBe('parameters[zasilek.first_90_days].values[2026-06-01]');
    expect(change.before).toMatchObject({ value: 1783.9, confidence: 'secondary' });
    expect(change.after).toMatchObject({ value: 1790, confidence: 'read' });
    expect(change.summary.pl).toBe(
      'zasilek.first_90_days: zmieniono wartość od 2026-06-01 (edycja historii – zmianę prawa zapisuje się nowym wierszem z datą): wartość 1783.9 → 1790; pewność "secondary" → "read"',
    );
    expect(change.summary.en).toBe(
      'zasilek.first_90_days: value from 2026-06-01 edited (history edited – a change of the law is a new dated row): value 1783.9 → 1790; confidence "secondary" → "read"',
    );
  });

  it('marks a removed row and a back-dated row as history edited', () => {
    const after = edit((f) => {
      const rows = values(f, 'zasilek.later_days');
      rows.splice(
        rows.findIndex((r) => r.from === '2015-06-01'),
        1,
      );
      rows.push({ from: '2020-01-01', value: 700, basis: 'UPZ art. 72 ust. 6', confidence: 'inferred' });
    });
    const diff = diffParameterFiles(zasilek, after);
    expect(where(diff)).toEqual([
      'value_added parameters[zasilek.later_days].values[2020-01-01]',
      'value_removed parameters[zasilek.later_days].values[2015-06-01]',
    ]);
    expect(diff.changes.every((c) => c.history_edited === true)).toBe(true);
    expect(diff.changes[0]?.summary.en).toBe(
      'zasilek.later_days: new value from 2020-01-01: 700 (inferred) – back-dated, before 2026-06-01 (history edited)',
    );
    expect(diff.changes[1]?.summary.pl).toBe(
      'zasilek.later_days: usunięto wartość od 2015-06-01: 652.6 (recalled) (edycja historii)',
    );
  });

  it('reports parameters added, removed and relabelled, and the file title', () => {
    const after = edit((f) => {
      f.title.en = 'Unemployment benefit (zasiłek)';
      const later = f.parameters['zasilek.later_days'];
      if (!later) throw new Error('no parameter');
      later.unit = 'percent';
      f.parameters['zasilek.bonus'] = {
        label: { pl: 'Dodatek', en: 'Bonus' },
        unit: 'PLN',
        values: [{ from: '2026-01-01', value: 100, basis: 'URP art. 1', confidence: 'read' }],
      };
      delete f.parameters['zasilek.first_90_days'];
    });
    const diff = diffParameterFiles(zasilek, after);
    expect(where(diff)).toEqual([
      'metadata_changed title.en',
      'parameter_changed parameters[zasilek.later_days].unit',
      'parameter_added parameters[zasilek.bonus]',
      'parameter_removed parameters[zasilek.first_90_days]',
    ]);
    expect(diff.changes[1]?.summary.pl).toBe('zasilek.later_days: zmieniono jednostkę: "PLN" → "percent"');
    expect(diff.changes[2]?.summary.en).toBe(
      'zasilek.bonus: new parameter "Bonus" (PLN), first value from 2026-01-01: 100 (read)',
    );
    expect(formatDiff(diff, 'en').split('\n')).toEqual(diff.changes.map((c) => c.summary.en));
  });
});
