import type { MessageKey } from '../i18n/pl.ts';
import { translate } from '../i18n/translate.ts';

/** What a name in a rule stands for: a fact, a dated parameter, a named intermediate value, the day asked about, or an item's field. */
export type RefKind = 'fact' | 'parameter' | 'define' | 'date' | 'field';

/** A name in a sentence: shown by its label, linked to where it is explained. */
export interface Ref {
  ref: RefKind;
  /** The name as written in the rule, e.g. `unexcused_absence_days`. */
  name: string;
  /** What the reader sees: the catalogue's label in the UI's language, or the name itself. */
  label: string;
}

/** One piece of a sentence: plain text or a name. */
export type Part = string | Ref;

/** A sentence built from a message and pieces: the text a template element renders, names as links. */
export type Sentence = Part[];

/**
 * Fills a message's `{placeholders}` with sentences, so names inside stay names (not flattened to text).
 * @example fill('cond.gt', { subject: [ref], value: ['3'] }) // [ref, ': więcej niż ', '3']
 */
export function fill(key: MessageKey, values: Record<string, Sentence>): Sentence {
  const template = translate(key);
  const out: Sentence = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const at = m.index ?? 0;
    if (at > last) out.push(template.slice(last, at));
    const value = values[m[1] ?? ''];
    if (value) out.push(...value);
    else out.push(m[0]);
    last = at + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return merge(out);
}

/** Joins sentences with a separator, e.g. `, ` between the arguments of min(). */
export function join(items: readonly Sentence[], separator: string): Sentence {
  return merge(items.flatMap((item, i) => (i === 0 ? item : [separator, ...item])));
}

/** A sentence as plain text (names by their labels): for titles, tests and screen-reader-only copies. */
export function plain(sentence: Sentence): string {
  return sentence.map((p) => (typeof p === 'string' ? p : p.label)).join('');
}

/** Merges neighbouring strings, so a sentence has as few pieces as it can. */
function merge(parts: Sentence): Sentence {
  const out: Sentence = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (typeof p === 'string' && typeof prev === 'string') out[out.length - 1] = prev + p;
    else if (p !== '') out.push(p);
  }
  return out;
}
