import type { Schemas } from '../shared/api/client.ts';
import { parseDay, showDay } from './day-text.ts';

/** One fact of the catalogue: type, values, fields, min/max, default, labels. */
export type FactDefinition = Schemas['FactDefinition'];
/** The catalogue's facts, by name. */
export type FactDefinitions = Readonly<Record<string, FactDefinition>>;
/** One row of a records fact (a founder): each field's value, undefined while not chosen. */
export type RecordRow = Record<string, string | boolean | undefined>;
/**
 * What a form field holds: booleans and enums undefined while not given, numbers and dates as the text
 * typed ('' = not given), lists as the values ticked, records as rows.
 */
export type FieldValue = string | boolean | string[] | RecordRow[] | undefined;
/** The form's fields, by fact name. */
export type FormState = Record<string, FieldValue>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A records fact's value as rows, keeping only the fields the definition names. */
function rows(def: FactDefinition, v: unknown): RecordRow[] {
  if (!Array.isArray(v)) return [];
  const fields = Object.keys(def.fields ?? {});
  return v.map((item) => {
    const row: RecordRow = {};
    for (const f of fields) {
      const x = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[f] : undefined;
      row[f] = typeof x === 'string' || typeof x === 'boolean' ? x : undefined;
    }
    return row;
  });
}

/** The field's value for a fact's value (a default, a stored receipt's fact, a what-if's "to"); undefined → not given. */
export function fieldValueOf(def: FactDefinition, value: unknown): FieldValue {
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'enum':
      return typeof value === 'string' ? value : undefined;
    case 'number':
    case 'integer':
      return typeof value === 'number' ? String(value) : '';
    case 'date':
      // Shown and typed as dd.mm.rrrr whatever the browser's language; the API gets the ISO day.
      return typeof value === 'string' ? showDay(value) : '';
    case 'list':
      return strings(value);
    case 'records':
      return rows(def, value);
  }
}

/** A radio button's value as the field's value: '' is "not given", a boolean's 'true' and 'false' are booleans. */
export function choiceValue(def: FactDefinition, value: string): FieldValue {
  if (value === '') return undefined;
  if (def.type === 'boolean') return value === 'true';
  return value;
}

/** A new row for a records fact: each enum field at its first value, each boolean false. */
export function newRow(def: FactDefinition): RecordRow {
  const row: RecordRow = {};
  for (const [name, field] of Object.entries(def.fields ?? {})) row[name] = field.type === 'boolean' ? false : field.values?.[0];
  return row;
}

/**
 * The form for the facts `names` reads: from `facts` when given (a stored decision), else keeping what
 * `previous` holds for a fact (the user changed only the date), else the catalogue's default.
 */
export function formStateFor(
  defs: FactDefinitions,
  names: readonly string[],
  facts?: Readonly<Record<string, unknown>>,
  previous?: Readonly<FormState>,
): FormState {
  const state: FormState = {};
  for (const name of names) {
    const def = defs[name];
    if (!def) continue;
    if (facts) state[name] = fieldValueOf(def, name in facts ? facts[name] : def.default);
    else if (previous && name in previous) state[name] = previous[name];
    else state[name] = fieldValueOf(def, def.default);
  }
  return state;
}

/** A number as typed, or undefined when the text is not one (a comma is read as the decimal point). */
export function parseNumber(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

/** True when the field holds a value to send: what "given" means for each type. */
export function isGiven(def: FactDefinition, value: FieldValue): boolean {
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && value !== '';
    case 'number':
    case 'integer':
    case 'date':
      return typeof value === 'string' && value.trim() !== '';
    case 'list':
      // Ticking nothing is an answer too ("none of these"), so a list is always given.
      return Array.isArray(value);
    case 'records':
      return Array.isArray(value) && value.length > 0;
  }
}

/** The request's facts: each field that holds a value, as the type the API expects; fields left empty are left out. */
export function factsFromState(
  defs: FactDefinitions,
  names: readonly string[],
  state: Readonly<FormState>,
): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const name of names) {
    const def = defs[name];
    const value = state[name];
    if (!def || !isGiven(def, value)) continue;
    if (def.type === 'number' || def.type === 'integer') {
      const text = String(value);
      // Text that is not a number goes as typed, so the server names the fact in its refusal.
      facts[name] = parseNumber(text) ?? text;
    } else if (def.type === 'records') {
      facts[name] = (value as RecordRow[]).map((row) =>
        Object.fromEntries(Object.entries(row).filter((entry): entry is [string, string | boolean] => entry[1] !== undefined)),
      );
    } else if (def.type === 'date') {
      // A day that is no day goes as typed, so the server names the fact in its refusal.
      facts[name] = parseDay(String(value)) ?? String(value).trim();
    } else facts[name] = typeof value === 'string' ? value.trim() : value;
  }
  return facts;
}
