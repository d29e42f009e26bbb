import type { LocalText } from '../schema/common.ts';
import type { Change, ChangeKind, Lang } from './types.ts';

/** Text on one line: any run of whitespace (YAML block scalars keep newlines) becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NOTHING: LocalText = { pl: '(brak)', en: '(none)' };

/**
 * A value as a summary quotes it: texts in double quotes, lists in brackets, and nothing as
 * `absent` ("(brak)" / "(none)" unless told, e.g. "(zawsze)" / "(always)" for a condition).
 */
export function show(value: unknown, lang: Lang, absent: LocalText = NOTHING): string {
  if (value === undefined || value === null) return absent[lang];
  if (typeof value === 'string') return JSON.stringify(value);
  // A note written in both languages reads in the summary's own language.
  if (isLocalText(value)) return JSON.stringify(value[lang]);
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? v : show(v, lang))).join(', ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Equal values: the same text or number, or the same structure (a note in both languages, a list). */
export function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

function isLocalText(v: unknown): v is LocalText {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as LocalText).pl === 'string' &&
    typeof (v as LocalText).en === 'string' &&
    Object.keys(v).length === 2
  );
}

/** `before → after`, each quoted by `show`. */
export function arrow(before: unknown, after: unknown, lang: Lang, absent: LocalText = NOTHING): string {
  return `${show(before, lang, absent)} → ${show(after, lang, absent)}`;
}

/** Builds a change, leaving out an absent side and keeping each summary on one line. */
export function makeChange(
  kind: ChangeKind,
  path: string,
  sides: { before?: unknown; after?: unknown },
  pl: string,
  en: string,
): Change {
  return {
    kind,
    path,
    ...(sides.before === undefined ? {} : { before: sides.before }),
    ...(sides.after === undefined ? {} : { after: sides.after }),
    summary: { pl: oneLine(pl), en: oneLine(en) },
  };
}

/** How a summary shows an absent condition: the rule always fires. */
export const ALWAYS: LocalText = { pl: '(zawsze)', en: '(always)' };
