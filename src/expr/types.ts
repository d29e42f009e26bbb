/** The static type of an expression or a fact. */
export type Type =
  | { k: 'boolean' }
  | { k: 'number'; integer?: boolean }
  | { k: 'string'; values?: readonly string[]; literal?: string }
  | { k: 'date' }
  | { k: 'list'; of: Type }
  | { k: 'record'; fields: Record<string, Type> }
  | { k: 'any' };

export const T = {
  boolean: { k: 'boolean' } as Type,
  number: { k: 'number' } as Type,
  date: { k: 'date' } as Type,
  any: { k: 'any' } as Type,
  string: { k: 'string' } as Type,
  list: (of: Type): Type => ({ k: 'list', of }),
};

/** A short English name of a type, for messages ("number", "list of text"…). */
export function typeName(t: Type): string {
  switch (t.k) {
    case 'string':
      return t.values ? `one of ${t.values.map((v) => `"${v}"`).join(', ')}` : 'text';
    case 'list':
      return `list of ${typeName(t.of)}`;
    case 'record':
      return `record {${Object.keys(t.fields).join(', ')}}`;
    case 'number':
      return t.integer ? 'whole number' : 'number';
    default:
      return t.k;
  }
}

/** True when values of `a` and `b` may be compared for equality or order. */
export function comparable(a: Type, b: Type): boolean {
  if (a.k === 'any' || b.k === 'any') return true;
  if (a.k === 'date' && b.k === 'string') return b.literal !== undefined && isDateLiteral(b.literal);
  if (b.k === 'date' && a.k === 'string') return a.literal !== undefined && isDateLiteral(a.literal);
  if (a.k === 'list' && b.k === 'list') return comparable(a.of, b.of);
  return a.k === b.k;
}

/** True for a text literal written as a day, so `programme_end_date < "2022-02-15"` type-checks. */
export function isDateLiteral(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** The common type of two branches (for `if` and list literals). */
export function unify(a: Type, b: Type): Type | undefined {
  if (a.k === 'any') return b;
  if (b.k === 'any') return a;
  if (!comparable(a, b)) return undefined;
  if (a.k === 'string' && b.k === 'string') {
    if (a.values && b.values) return { k: 'string', values: [...new Set([...a.values, ...b.values])] };
    return { k: 'string', values: a.values ?? b.values };
  }
  if (a.k === 'number' && b.k === 'number') return { k: 'number', integer: Boolean(a.integer && b.integer) };
  if (a.k === 'date' || b.k === 'date') return T.date;
  return a;
}
