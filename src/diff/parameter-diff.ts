import { contentHash } from '../ir/hash.ts';
import type { ParameterDefinition, ParameterFile, ParameterValue } from '../schema/parameters.ts';
import { arrow, makeChange, same, show } from './change.ts';
import { diffMetadata, PARAMETER_FILE_METADATA } from './metadata-diff.ts';
import type { Change, ParameterDiff } from './types.ts';

/**
 * The difference between two revisions of a parameters file (as parsed by `ParameterFile.parse`).
 *
 * Dated rows are matched by `from`. A new dated row is how the law changes (`value_added`); a row
 * whose value, basis, confidence or note changed (`value_changed`), a row removed (`value_removed`)
 * and a row inserted before the last row the file already had (a back-dated `value_added`) rewrite
 * history and carry `history_edited: true`. Order: file metadata, then the parameters of `after`
 * (label and unit, then rows in file order, then rows removed), then the parameters removed.
 */
export function diffParameterFiles(before: ParameterFile, after: ParameterFile): ParameterDiff {
  const changes: Change[] = [...diffMetadata(before, after, PARAMETER_FILE_METADATA)];
  for (const [id, def] of Object.entries(after.parameters)) {
    const old = before.parameters[id];
    changes.push(...(old ? diffParameter(id, old, def) : [parameterAdded(id, def)]));
  }
  for (const [id, def] of Object.entries(before.parameters)) {
    if (!(id in after.parameters)) changes.push(parameterRemoved(id, def));
  }
  return { topic: after.topic, from: { hash: contentHash(before) }, to: { hash: contentHash(after) }, changes };
}

function parameterAdded(id: string, def: ParameterDefinition): Change {
  const first = [...def.values].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0))[0];
  const firstPl = first ? `, pierwsza wartość od ${first.from}: ${first.value} (${first.confidence})` : '';
  const firstEn = first ? `, first value from ${first.from}: ${first.value} (${first.confidence})` : '';
  return makeChange(
    'parameter_added',
    `parameters[${id}]`,
    { after: def },
    `${id}: nowy parametr ${show(def.label.pl, 'pl')} (${def.unit})${firstPl}`,
    `${id}: new parameter ${show(def.label.en, 'en')} (${def.unit})${firstEn}`,
  );
}

function parameterRemoved(id: string, def: ParameterDefinition): Change {
  return makeChange(
    'parameter_removed',
    `parameters[${id}]`,
    { before: def },
    `${id}: usunięto parametr`,
    `${id}: parameter removed`,
  );
}

const DEFINITION_FIELDS = [
  // Polish in the accusative: "zmieniono jednostkę".
  ['unit', { pl: 'jednostkę', en: 'unit' }],
  ['label.pl', { pl: 'nazwę (pl)', en: 'label (pl)' }],
  ['label.en', { pl: 'nazwę (en)', en: 'label (en)' }],
] as const;

const ROW_FIELDS = [
  ['value', { pl: 'wartość', en: 'value' }],
  ['basis', { pl: 'podstawa', en: 'basis' }],
  ['confidence', { pl: 'pewność', en: 'confidence' }],
  ['note', { pl: 'uwaga', en: 'note' }],
  ['note_pl', { pl: 'uwaga po polsku', en: 'note in Polish' }],
] as const;

function diffParameter(id: string, before: ParameterDefinition, after: ParameterDefinition): Change[] {
  const changes: Change[] = [];
  for (const [field, label] of DEFINITION_FIELDS) {
    const b = field === 'unit' ? before.unit : before.label[field === 'label.pl' ? 'pl' : 'en'];
    const a = field === 'unit' ? after.unit : after.label[field === 'label.pl' ? 'pl' : 'en'];
    if (b === a) continue;
    changes.push(
      makeChange(
        'parameter_changed',
        `parameters[${id}].${field}`,
        { before: b, after: a },
        `${id}: zmieniono ${label.pl}: ${arrow(b, a, 'pl')}`,
        `${id}: ${label.en} changed: ${arrow(b, a, 'en')}`,
      ),
    );
  }

  const lastBefore = before.values.reduce((max, r) => (r.from > max ? r.from : max), '');
  const pending = rowsByFrom(before.values);
  for (const row of after.values) {
    const old = pending.get(row.from)?.shift();
    const path = `parameters[${id}].values[${row.from}]`;
    if (!old) {
      const backdated = row.from < lastBefore;
      const change = makeChange(
        'value_added',
        path,
        { after: row },
        `${id}: nowa wartość od ${row.from}: ${row.value} (${row.confidence})${backdated ? ` – wstawiona wstecz, przed ${lastBefore} (edycja historii)` : ''}`,
        `${id}: new value from ${row.from}: ${row.value} (${row.confidence})${backdated ? ` – back-dated, before ${lastBefore} (history edited)` : ''}`,
      );
      changes.push(backdated ? { ...change, history_edited: true } : change);
      continue;
    }
    const edits = ROW_FIELDS.filter(([field]) => !same(old[field], row[field]));
    if (edits.length === 0) continue;
    const listPl = edits.map(([field, label]) => `${label.pl} ${arrow(old[field], row[field], 'pl')}`).join('; ');
    const listEn = edits.map(([field, label]) => `${label.en} ${arrow(old[field], row[field], 'en')}`).join('; ');
    changes.push({
      ...makeChange(
        'value_changed',
        path,
        { before: old, after: row },
        `${id}: zmieniono wartość od ${row.from} (edycja historii – zmianę prawa zapisuje się nowym wierszem z datą): ${listPl}`,
        `${id}: value from ${row.from} edited (history edited – a change of the law is a new dated row): ${listEn}`,
      ),
      history_edited: true,
    });
  }
  for (const rows of pending.values()) {
    for (const row of rows) {
      changes.push({
        ...makeChange(
          'value_removed',
          `parameters[${id}].values[${row.from}]`,
          { before: row },
          `${id}: usunięto wartość od ${row.from}: ${row.value} (${row.confidence}) (edycja historii)`,
          `${id}: value from ${row.from} removed: ${row.value} (${row.confidence}) (history edited)`,
        ),
        history_edited: true,
      });
    }
  }
  return changes;
}

/** Rows of `before` by start day; a day written twice keeps its rows in file order. */
function rowsByFrom(rows: ParameterValue[]): Map<string, ParameterValue[]> {
  const map = new Map<string, ParameterValue[]>();
  for (const row of rows) map.set(row.from, [...(map.get(row.from) ?? []), row]);
  return map;
}
