import { en } from './en.ts';
import { language } from './language.ts';
import { type Catalogue, type MessageKey, pl } from './pl.ts';

const CATALOGUES: Record<'pl' | 'en', Catalogue> = { pl, en };

/** The names of the `{placeholders}` in a message. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** The values a message needs, by placeholder name; none for a message without placeholders. */
type Params<K extends MessageKey> = [Placeholders<(typeof pl)[K]>] extends [never]
  ? []
  : [values: Record<Placeholders<(typeof pl)[K]>, string | number>];

/** A key whose message has no placeholders: what a route's title or a menu entry may name. */
export type PlainMessageKey = { [K in MessageKey]: [Placeholders<(typeof pl)[K]>] extends [never] ? K : never }[MessageKey];

/**
 * The message for `key` in the current language, with its placeholders filled in.
 * @example t('home.title', { name: 'Anna' }) // "Witaj, Anna"
 */
export function t<K extends MessageKey>(key: K, ...params: Params<K>): string {
  return translate(key, params[0]);
}

/** {@link t} for a key known only at run time (check it with {@link isMessageKey}); a missing value stays `{name}`. */
export function translate(key: MessageKey, values: Record<string, string | number> = {}): string {
  return CATALOGUES[language()][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** True when `key` is in the catalogue: for keys built at run time, such as `error.${code}`. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(pl, key);
}
