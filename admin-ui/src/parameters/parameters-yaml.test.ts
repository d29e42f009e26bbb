/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addRow, readParameters, removeRow, updateRow } from './parameters-yaml.ts';

const FILES = new URL('../../../rules/parameters/', import.meta.url);
const zasilek = readFileSync(new URL('zasilek.yaml', FILES), 'utf8');

/** The lines of `after` that differ from `before`, as [before, after] pairs (same number of lines assumed). */
function changedLines(before: string, after: string): [string | undefined, string | undefined][] {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: [string | undefined, string | undefined][] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push([a[i], b[i]]);
  return out;
}

describe('reading a parameters file', () => {
  it('gives each parameter with its label, unit and rows in file order', () => {
    const r = readParameters(zasilek);
    if (!r.ok) throw new Error(r.reason);
    expect(r.file.topic).toBe('zasilek');
    expect(r.file.parameters.map((p) => p.id)).toEqual(['zasilek.first_90_days', 'zasilek.later_days']);
    const first = r.file.parameters[0];
    expect(first?.unit).toBe('PLN');
    expect(first?.label?.pl).toBe('Zasiłek podstawowy, pierwsze 90 dni');
    // The zasiłek's history reaches back to 2003 (issue 14); each row keeps its English note for this editor.
    expect(first?.rows[0]).toMatchObject({ from: '2003-09-01', value: 503.2, confidence: 'secondary' });
    expect(first?.rows[0]?.note).toContain('inforfk.pl');
    expect(first?.rows.find((r) => r.from === '2014-06-01')?.note).toBeUndefined();
  });

  it('reads every parameters file of the repository', () => {
    for (const name of readdirSync(FILES)) {
      const r = readParameters(readFileSync(new URL(name, FILES), 'utf8'));
      expect(r.ok, name).toBe(true);
    }
  });

  it('says why a text is not a parameters file', () => {
    expect(readParameters('topic: [unclosed')).toMatchObject({ ok: false });
    expect(readParameters('topic: x\n')).toEqual({ ok: false, reason: 'parameters' });
    expect(readParameters('parameters:\n  x.y: { unit: PLN }\n')).toEqual({ ok: false, reason: 'x.y.values' });
  });
});

describe('writing a parameters file back', () => {
  const row = { from: '2027-06-01', value: 1850.5, basis: 'URP art. 224, obwieszczenie MRPiPS', confidence: 'secondary' };

  it('appends a new dated row on one line, in the style of its neighbours, and changes nothing else', () => {
    const out = addRow(zasilek, 'zasilek.first_90_days', row);
    const before = zasilek.split('\n');
    const after = out.split('\n');
    expect(after.length).toBe(before.length + 1);
    const at = after.findIndex((l) => l.includes('2027-06-01'));
    expect(after[at]).toBe(
      '      - { from: 2027-06-01, value: 1850.50, basis: "URP art. 224, obwieszczenie MRPiPS", confidence: secondary }',
    );
    // Every other line, comments included, is the same and in the same order.
    expect([...after.slice(0, at), ...after.slice(at + 1)]).toEqual(before);
    expect(parse(out).parameters['zasilek.first_90_days'].values.at(-1)).toEqual(row);
  });

  it('writes a note, quoted like the other notes', () => {
    const out = addRow(zasilek, 'zasilek.later_days', { ...row, note: 'announced: the value is not final' });
    expect(out).toContain('confidence: secondary, note: "announced: the value is not final" }');
  });

  it('corrects only the changed fields of a row, keeping its quotes, decimals and comments', () => {
    const r = readParameters(zasilek);
    if (!r.ok) throw new Error(r.reason);
    const index = r.file.parameters[0]?.rows.findIndex((row) => row.from === '2014-06-01') ?? -1;
    const old = r.file.parameters[0]?.rows[index];
    if (!old) throw new Error('no row');
    const out = updateRow(zasilek, 'zasilek.first_90_days', index, { ...old, value: 831.2, confidence: 'read' });
    expect(changedLines(zasilek, out)).toEqual([
      [
        '      - { from: 2014-06-01, value: 831.10, basis: "UPZ art. 72 ust. 6, obwieszczenie MPiPS", confidence: secondary, published_on: 2014-06-01, published_confidence: recalled }',
        '      - { from: 2014-06-01, value: 831.20, basis: "UPZ art. 72 ust. 6, obwieszczenie MPiPS", confidence: read, published_on: 2014-06-01, published_confidence: recalled }',
      ],
    ]);
  });

  it('adds and removes a note of an existing row', () => {
    const r = readParameters(zasilek);
    if (!r.ok) throw new Error(r.reason);
    const rows = r.file.parameters[0]?.rows ?? [];
    const bare = rows.findIndex((row) => row.from === '2014-06-01');
    const noted = rows.findIndex((row) => row.from === '2017-06-01');
    const [second, first] = [rows[bare], rows[noted]];
    if (!first || !second) throw new Error('no rows');
    const withNote = updateRow(zasilek, 'zasilek.first_90_days', bare, { ...second, note: 'checked in Dz.U.' });
    expect(changedLines(zasilek, withNote)[0]?.[1]).toMatch(
      /confidence: secondary, published_on: 2014-06-01, published_confidence: recalled, note: "?checked in Dz\.U\."? \}$/,
    );
    const { note: _, ...withoutNote } = first;
    const cleared = changedLines(zasilek, updateRow(zasilek, 'zasilek.first_90_days', noted, withoutNote));
    expect(cleared).toHaveLength(1);
    expect(cleared[0]?.[0]).toContain('note: "No indexation."');
    expect(cleared[0]?.[1]).not.toContain('No indexation.');
  });

  it('leaves the text as it was when nothing changed, and removes an added row back to the original', () => {
    const r = readParameters(zasilek);
    if (!r.ok) throw new Error(r.reason);
    const rows = r.file.parameters[1]?.rows ?? [];
    expect(updateRow(zasilek, 'zasilek.later_days', 3, rows[3] as never)).toBe(zasilek);
    const added = addRow(zasilek, 'zasilek.later_days', row);
    expect(removeRow(added, 'zasilek.later_days', rows.length)).toBe(zasilek);
  });

  it('writes block-style rows in block style', () => {
    const text =
      'topic: t\nparameters:\n  t.x:\n    unit: days\n    values:\n      - from: 2020-01-01\n        value: 3\n        basis: UZS art. 1\n        confidence: read\n';
    const out = addRow(text, 't.x', { from: '2021-01-01', value: 4, basis: 'UZS art. 2', confidence: 'read' });
    expect(out).toBe(`${text}      - from: 2021-01-01\n        value: 4\n        basis: UZS art. 2\n        confidence: read\n`);
  });

  it('refuses a parameter or a row that is not there', () => {
    expect(() => addRow(zasilek, 'zasilek.nope', row)).toThrow(RangeError);
    expect(() => updateRow(zasilek, 'zasilek.first_90_days', 99, row)).toThrow(RangeError);
    expect(() => removeRow(zasilek, 'zasilek.first_90_days', -1)).toThrow(RangeError);
  });
});
