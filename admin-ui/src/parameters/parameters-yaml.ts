import { type Document, isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LocalText } from '../shared/law/local-text.ts';

/** One dated value as the editor holds it: the fields of a row of `values`. */
export interface ParameterRow {
  from: string;
  value: number;
  basis: string;
  confidence: string;
  note?: string;
}

/** One parameter of a parameters file, with its rows in file order. */
export interface ParameterEntry {
  id: string;
  label?: LocalText;
  unit: string;
  rows: ParameterRow[];
}

/** What the table editor reads from a parameters file. */
export interface ParametersFile {
  topic: string;
  title?: LocalText;
  parameters: ParameterEntry[];
}

/** Reading a text as a parameters file: the file, or why it is not one. */
export type ReadResult = { ok: true; file: ParametersFile } | { ok: false; reason: string };

// Never fold or wrap: a row written back stays on its one line, as authors write them.
const OUT = { lineWidth: 0 } as const;
const ROW_KEYS = ['from', 'value', 'basis', 'confidence', 'note'] as const;

/**
 * Reads the parameters of a parameters file (`topic`, `title`, `parameters: { <id>: { label, unit, values } }`).
 * Rows keep the file's order, which the editor checks is by increasing `from`.
 */
export function readParameters(yaml: string): ReadResult {
  const doc = parseDocument(yaml);
  if (doc.errors.length) return { ok: false, reason: doc.errors[0]?.message.split('\n')[0] ?? 'YAML' };
  const data = doc.toJS() as unknown;
  if (!isRecord(data) || !isRecord(data.parameters)) return { ok: false, reason: 'parameters' };
  const parameters: ParameterEntry[] = [];
  for (const [id, def] of Object.entries(data.parameters)) {
    if (!isRecord(def) || !Array.isArray(def.values)) return { ok: false, reason: `${id}.values` };
    parameters.push({
      id,
      ...(isLocalText(def.label) ? { label: def.label } : {}),
      unit: typeof def.unit === 'string' ? def.unit : '',
      rows: def.values.map((v) => toRow(v)),
    });
  }
  return {
    ok: true,
    file: {
      topic: typeof data.topic === 'string' ? data.topic : '',
      ...(isLocalText(data.title) ? { title: data.title } : {}),
      parameters,
    },
  };
}

/** Appends a dated row to a parameter's values, styled like the rows before it; everything else is left as it was. */
export function addRow(yaml: string, id: string, row: ParameterRow): string {
  const doc = parseDocument(yaml);
  const values = valuesOf(doc, id);
  const model = values.items.at(-1);
  const map = doc.createNode(ordered(row)) as YAMLMap;
  if (isMap(model)) map.flow = model.flow ?? false;
  for (const pair of map.items) copyStyle(pair.value, siblingScalar(values, String(scalarKey(pair.key))));
  values.items.push(map);
  return doc.toString(OUT);
}

/**
 * Writes a corrected row over row `index`, touching only the fields that changed: a scalar keeps its
 * quotes and its decimals (`831.10` stays two-place), an emptied note is removed, a new note is added.
 */
export function updateRow(yaml: string, id: string, index: number, row: ParameterRow): string {
  const doc = parseDocument(yaml);
  const map = valuesOf(doc, id).items[index];
  if (!isMap(map)) throw new RangeError(`${id} has no row ${index}`);
  for (const key of ROW_KEYS) {
    const next = row[key];
    const node = map.get(key, true);
    if (next === undefined || next === '') {
      if (map.has(key)) map.delete(key);
    } else if (isScalar(node)) {
      if (node.value !== next) node.value = next;
    } else {
      const created = doc.createNode(next) as Scalar;
      copyStyle(created, siblingScalar(valuesOf(doc, id), key));
      map.set(doc.createNode(key), created);
    }
  }
  return doc.toString(OUT);
}

/** Removes row `index` of a parameter (for a row added in this draft, before it was ever law). */
export function removeRow(yaml: string, id: string, index: number): string {
  const doc = parseDocument(yaml);
  const values = valuesOf(doc, id);
  if (index < 0 || index >= values.items.length) throw new RangeError(`${id} has no row ${index}`);
  values.items.splice(index, 1);
  return doc.toString(OUT);
}

/** The `values` sequence of parameter `id`. */
function valuesOf(doc: Document, id: string): YAMLSeq {
  const values = doc.getIn(['parameters', id, 'values'], true);
  if (!isSeq(values)) throw new RangeError(`no parameter ${id} with values`);
  return values;
}

/** The row's fields in the schema's order, without an empty note. */
function ordered(row: ParameterRow): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of ROW_KEYS) {
    const v = row[key];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}

/** Gives a new scalar the quoting and decimals of the same field in a neighbouring row. */
function copyStyle(target: unknown, model: unknown): void {
  if (!(target instanceof Scalar) || !isScalar(model)) return;
  if (typeof target.value === 'string' && typeof model.value === 'string' && model.type) target.type = model.type;
  if (typeof target.value === 'number' && typeof model.value === 'number' && model.minFractionDigits)
    target.minFractionDigits = model.minFractionDigits;
}

/** The nearest row's scalar for `key`, to copy its style. */
function siblingScalar(values: YAMLSeq, key: string): Scalar | undefined {
  for (const item of [...values.items].reverse()) {
    const node = isMap(item) ? item.get(key, true) : undefined;
    if (isScalar(node)) return node;
  }
  return undefined;
}

function scalarKey(key: unknown): unknown {
  return isScalar(key) ? key.value : key;
}

function toRow(v: unknown): ParameterRow {
  const r = isRecord(v) ? v : {};
  return {
    from: String(r.from ?? ''),
    value: typeof r.value === 'number' ? r.value : Number.NaN,
    basis: typeof r.basis === 'string' ? r.basis : '',
    confidence: typeof r.confidence === 'string' ? r.confidence : '',
    ...(typeof r.note === 'string' ? { note: r.note } : {}),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLocalText(v: unknown): v is LocalText {
  return isRecord(v) && typeof v.pl === 'string' && typeof v.en === 'string';
}
