import { isIsoDate } from '../../../src/dates/iso-date.ts';
import { formatDate } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { isConfidence } from '../shared/law/confidence.ts';
import type { ParameterRow } from './parameters-yaml.ts';

/** A row as typed into the editor's fields, before it is checked. */
export interface RowInput {
  from: string;
  value: string;
  basis: string;
  confidence: string;
  note: string;
}

/** A field of a row that can be wrong. */
export type RowField = 'from' | 'value' | 'basis' | 'confidence';

/** The outcome of checking a typed row: the row to write, or a message per wrong field. */
export type RowCheck = { ok: true; row: ParameterRow } | { ok: false; errors: Partial<Record<RowField, string>> };

/** The days of the rows around this one, which its day must lie strictly between. */
export interface Neighbours {
  previous?: string | undefined;
  next?: string | undefined;
}

/**
 * Reads a number as people type it: `1783.90`, `1783,90` or `1 783,90` (spaces, also non-breaking, group digits).
 * Undefined for anything else.
 */
export function parseNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}

/** The fields of a stored row, as the editor shows them for correcting. */
export function toInput(row: ParameterRow): RowInput {
  return {
    from: row.from,
    value: Number.isFinite(row.value) ? String(row.value) : '',
    basis: row.basis,
    confidence: row.confidence,
    note: row.note ?? '',
  };
}

/**
 * Checks a typed row: a real day written YYYY-MM-DD, later than the row before and earlier than the row
 * after; a number; a non-empty basis; one of the schema's confidences. Messages are in the UI's language.
 */
export function checkRow(input: RowInput, around: Neighbours = {}): RowCheck {
  const errors: Partial<Record<RowField, string>> = {};
  const from = input.from.trim();
  if (!isIsoDate(from)) errors.from = t('ptable.error.date');
  else if (around.previous && around.next && (from <= around.previous || from >= around.next))
    errors.from = t('ptable.error.order', { previous: formatDate(around.previous), next: formatDate(around.next) });
  else if (around.previous && from <= around.previous)
    errors.from = t('ptable.error.orderAfter', { previous: formatDate(around.previous) });
  else if (around.next && from >= around.next) errors.from = t('ptable.error.orderBefore', { next: formatDate(around.next) });
  const value = parseNumber(input.value);
  if (value === undefined) errors.value = t('ptable.error.value');
  const basis = input.basis.trim();
  if (!basis) errors.basis = t('ptable.error.basis');
  if (!isConfidence(input.confidence)) errors.confidence = t('ptable.error.confidence');
  if (Object.keys(errors).length || value === undefined) return { ok: false, errors };
  const note = input.note.trim();
  return { ok: true, row: { from, value, basis, confidence: input.confidence, ...(note ? { note } : {}) } };
}
