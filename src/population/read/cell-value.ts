import type { FactDefinition } from '../../schema/facts.ts';

/** A CSV cell turned into a value of its fact's shape, or why it cannot be. Range, enum and calendar checks are left to the fact's zod schema. */
export type CellValue = { value: unknown } | { problem: string };

/** Plain decimal notation: `12`, `-3`, `12.5`; not `12,5`, `1e3`, `+4` or `.5`. */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * Converts a non-empty cell by its fact's type: `true`/`false`; plain decimal numbers; enum codes and
 * `YYYY-MM-DD` days as text; lists as `a|b|c`; records as `|`-separated items of `:`-separated fields
 * in the catalogue's field order (founders: `natural:true|legal:false`). Nothing else is coerced.
 */
export function cellValue(def: FactDefinition, cell: string): CellValue {
  switch (def.type) {
    case 'boolean':
      return booleanCell(cell);
    case 'number':
    case 'integer':
      return PLAIN_DECIMAL.test(cell)
        ? { value: Number(cell) }
        : { problem: 'write a number in plain decimal notation, like 12 or 12.5' };
    case 'enum':
    case 'date':
      return { value: cell };
    case 'list':
      return listCell(cell);
    case 'records':
      return recordsCell(def, cell);
  }
}

function booleanCell(cell: string): CellValue {
  if (cell === 'true') return { value: true };
  if (cell === 'false') return { value: false };
  return { problem: 'write true or false' };
}

function listCell(cell: string): CellValue {
  const items = cell.split('|');
  const empty = items.indexOf('');
  if (empty >= 0) return { problem: `item ${empty + 1} is empty; write the codes as a|b|c` };
  return { value: items };
}

function recordsCell(def: FactDefinition, cell: string): CellValue {
  const fields = Object.entries(def.fields ?? {});
  const layout = fields.map(([name]) => name).join(':');
  const records: Record<string, unknown>[] = [];
  for (const [i, item] of cell.split('|').entries()) {
    const parts = item.split(':');
    if (parts.length !== fields.length) {
      return { problem: `item ${i + 1} ${JSON.stringify(item)} is not ${layout}; write items as ${layout}|${layout}` };
    }
    const record: Record<string, unknown> = {};
    for (const [j, [name, field]] of fields.entries()) {
      const part = parts[j] as string;
      if (field.type === 'boolean') {
        const b = booleanCell(part);
        if ('problem' in b)
          return { problem: `item ${i + 1} ${JSON.stringify(item)}: ${name} ${JSON.stringify(part)}: ${b.problem}` };
        record[name] = b.value;
      } else {
        record[name] = part;
      }
    }
    records.push(record);
  }
  return { value: records };
}
