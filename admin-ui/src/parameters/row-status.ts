import type { ParameterDefinition } from '../shared/law/lexicon.ts';
import type { ParameterEntry, ParameterRow } from './parameters-yaml.ts';

/** Where a row of a draft stands against the law in force: new (not law yet), corrected (law, changed here), or law. */
export type RowStatus = 'new' | 'corrected' | 'law';

/**
 * The status of each row of a parameter in a draft. A row is new when the law in force (the catalogue) has no
 * value from its day for that parameter, or, without a catalogue, when it was added here (`addedHere`, as
 * `id@from`). Only new rows may be removed; a row that was law is history, and is corrected, never deleted.
 */
export function rowStatuses(
  entry: ParameterEntry,
  published: Pick<ParameterDefinition, 'values'> | undefined,
  addedHere: ReadonlySet<string> = new Set(),
): RowStatus[] {
  const law = new Map((published?.values ?? []).map((v) => [v.from, v]));
  return entry.rows.map((row) => {
    if (!published) return addedHere.has(`${entry.id}@${row.from}`) ? 'new' : 'law';
    const was = law.get(row.from);
    if (!was) return 'new';
    return same(row, was) ? 'law' : 'corrected';
  });
}

function same(row: ParameterRow, was: Pick<ParameterRow, 'value' | 'basis' | 'confidence' | 'note'>): boolean {
  return (
    row.value === was.value &&
    row.basis === was.basis &&
    row.confidence === was.confidence &&
    (row.note ?? '') === (was.note ?? '')
  );
}
