import type { LocalText } from '../schema/common.ts';
import { arrow, makeChange, same } from './change.ts';
import type { Change } from './types.ts';

/** A metadata field a diff compares: its dotted path in the document and how a summary names it. */
export type MetadataField = [path: string, label: LocalText];

/** The metadata of a rule-set version, in document order. */
export const RULESET_METADATA: MetadataField[] = [
  ['question', { pl: 'pytanie', en: 'question' }],
  ['valid_from', { pl: 'początek obowiązywania', en: 'first day in force' }],
  ['kind', { pl: 'rodzaj (prawo lub projekt)', en: 'kind (law or proposal)' }],
  ['title.pl', { pl: 'tytuł (pl)', en: 'title (pl)' }],
  ['title.en', { pl: 'tytuł (en)', en: 'title (en)' }],
  ['law.act', { pl: 'ustawa', en: 'act' }],
  ['law.dz_u', { pl: 'publikacja w Dz.U.', en: 'publication (Dz.U.)' }],
  ['law.published_on', { pl: 'dzień ogłoszenia', en: 'day published' }],
  ['law.basis', { pl: 'podstawa prawna wersji', en: 'basis of the version' }],
  ['law.note', { pl: 'uwaga do ustawy', en: 'note on the act' }],
  ['law.note_pl', { pl: 'uwaga do ustawy po polsku', en: 'note on the act in Polish' }],
  ['confidence', { pl: 'pewność', en: 'confidence' }],
  ['note', { pl: 'uwaga', en: 'note' }],
  ['note_pl', { pl: 'uwaga po polsku', en: 'note in Polish' }],
  ['repealed', { pl: 'uchylenie', en: 'repealed' }],
  ['repealed_by.act', { pl: 'ustawa uchylająca', en: 'repealing act' }],
  ['repealed_by.dz_u', { pl: 'publikacja ustawy uchylającej', en: 'publication of the repealing act' }],
  ['repealed_by.basis', { pl: 'podstawa uchylenia', en: 'basis of the repeal' }],
  ['repealed_by.text.pl', { pl: 'uzasadnienie uchylenia (pl)', en: 'reason for the repeal (pl)' }],
  ['repealed_by.text.en', { pl: 'uzasadnienie uchylenia (en)', en: 'reason for the repeal (en)' }],
  ['successor', { pl: 'pytanie następcze', en: 'successor question' }],
];

/** The metadata of a parameters file. */
export const PARAMETER_FILE_METADATA: MetadataField[] = [
  ['topic', { pl: 'temat', en: 'topic' }],
  ['title.pl', { pl: 'tytuł (pl)', en: 'title (pl)' }],
  ['title.en', { pl: 'tytuł (en)', en: 'title (en)' }],
];

/** One `metadata_changed` per field whose value differs (a field added or removed counts as a change). */
export function diffMetadata(before: object, after: object, fields: MetadataField[]): Change[] {
  const changes: Change[] = [];
  for (const [path, label] of fields) {
    const b = valueAt(before, path);
    const a = valueAt(after, path);
    if (same(b, a)) continue;
    changes.push(
      makeChange(
        'metadata_changed',
        path,
        { before: b, after: a },
        `Zmieniono metadane – ${named(label.pl, path)}: ${arrow(b, a, 'pl')}`,
        `Metadata changed – ${named(label.en, path)}: ${arrow(b, a, 'en')}`,
      ),
    );
  }
  return changes;
}

/** `ustawa (law.act)`; just `confidence` where the label is the path. */
function named(label: string, path: string): string {
  return label === path ? label : `${label} (${path})`;
}

function valueAt(doc: object, path: string): unknown {
  let v: unknown = doc;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
