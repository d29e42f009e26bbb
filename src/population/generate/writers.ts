/**
 * Turn a stream of persons into lines of text, one person at a time. Lines are yielded without their line
 * break; the writer adds it.
 */

/** One JSON object per person, keys in the row's order; an absent fact is left out. */
export function* toJsonLines(rows: Iterable<Record<string, unknown>>): Generator<string> {
  for (const row of rows) yield JSON.stringify(row);
}

/** A number in plain decimal notation (what a population reader accepts), never `1e21` or `1e-7`. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write ${n} in a CSV cell`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Number.isInteger(n)) return BigInt(n).toString();
  return n.toFixed(20).replace(/0+$/, '');
}

function scalarText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * The text of one cell: absent = empty; lists as `a|b|c`; lists of records as their field values joined by `:`
 * in the record's key order, items joined by `|` (founders: `natural:true|legal:false`).
 */
export function csvText(value: unknown): string {
  if (!Array.isArray(value)) return scalarText(value);
  return value
    .map((item) =>
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? Object.values(item).map(scalarText).join(':')
        : scalarText(item),
    )
    .join('|');
}

/** A cell quoted as RFC 4180 asks when it holds a comma, a quote or a line break; quotes inside are doubled. */
export function csvCell(value: unknown): string {
  const text = csvText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header naming the columns, then one line per person with the columns in that order. */
export function* toCsvLines(rows: Iterable<Record<string, unknown>>, columns: readonly string[]): Generator<string> {
  yield columns.map(csvCell).join(',');
  for (const row of rows) yield columns.map((c) => csvCell(row[c])).join(',');
}
