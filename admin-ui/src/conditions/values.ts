import type { Expr } from '../../../src/expr/ast.ts';
import { parseExpression } from '../../../src/expr/parser.ts';
import { printExpression } from '../../../src/expr/print.ts';
import { isDateLiteral } from '../../../src/expr/types.ts';
import type { ValueKind } from './names.ts';

/** What a typed field holds: one value, or the chosen values of an `in` list. */
export type FieldValue = string | string[];

const text = (value: string) => printExpression({ k: 'str', value, pos: 0, end: 0 });

function parsed(source: string): Expr | undefined {
  try {
    return parseExpression(source);
  } catch {
    return undefined;
  }
}

/**
 * What a typed field shows for the right side's expression text: `"III"` → `III`, `["a", "b"]` → `[a, b]`,
 * `"2022-02-15"` → `2022-02-15`, `-3` → `-3`. Undefined when the text is no literal of that kind (say a
 * parameter's name), which the builder then shows as a free expression. Empty text is an empty field.
 */
export function readValue(kind: ValueKind, source: string): FieldValue | undefined {
  if (source.trim() === '') return kind === 'enum-list' ? [] : '';
  const e = parsed(source);
  if (!e) return undefined;
  switch (kind) {
    case 'enum':
      return e.k === 'str' ? e.value : undefined;
    case 'date':
      return e.k === 'str' && isDateLiteral(e.value) ? e.value : undefined;
    case 'boolean':
      return e.k === 'bool' ? String(e.value) : undefined;
    case 'number':
      if (e.k === 'num') return e.text;
      return e.k === 'unary' && e.op === '-' && e.arg.k === 'num' ? `-${e.arg.text}` : undefined;
    case 'enum-list':
      return e.k === 'list' && e.items.every((i) => i.k === 'str')
        ? e.items.map((i) => (i.k === 'str' ? i.value : ''))
        : undefined;
    case 'free':
      return undefined;
  }
}

/** The expression text of a typed field's value: the inverse of {@link readValue}; empty while the field is. */
export function writeValue(kind: ValueKind, value: FieldValue): string {
  if (Array.isArray(value)) return value.length ? `[${value.map(text).join(', ')}]` : '';
  const v = value.trim();
  if (v === '') return '';
  switch (kind) {
    case 'enum':
    case 'date':
      return text(v);
    case 'number':
      // A number field may hold `1e3` or `.5`, which the language does not read: write them as it does.
      if (/^-?\d+(\.\d+)?$/.test(v)) return v;
      return Number.isFinite(Number(v)) ? String(Number(v)) : '';
    default:
      return v;
  }
}
