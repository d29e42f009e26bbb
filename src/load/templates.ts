import type { LocalText } from '../schema/common.ts';
import type { ExpressionContext } from './expression-context.ts';
import type { Path } from './yaml-source.ts';

/**
 * `{name}`, `{name:money}` (as złoty) or `{name:count:one|few|many}` (a number with the noun that agrees
 * with it: `{days:count:dzień|dni|dni}`, in English `{days:count:day|days}`): a value quoted in a text.
 * Group 1 is the name, group 2 the format, group 3 the noun's forms.
 */
export const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_.]*)(?::(money|count)(?::([^{}:]+))?)?\}/g;

/** How many forms a counted noun has in each language: Polish one|few|many (and other, for fractions), English one|other. */
const FORMS: Record<'pl' | 'en', readonly number[]> = { pl: [3, 4], en: [2] };

/** The names a text quotes as `{name}`. */
export function placeholders(text: string): { name: string; index: number; format?: string; forms?: string[] }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({
    name: m[1] as string,
    index: m.index ?? 0,
    ...(m[2] ? { format: m[2] } : {}),
    ...(m[3] ? { forms: m[3].split('|') } : {}),
  }));
}

/** Checks that every `{name}` in both languages can be quoted; a quoted fact counts as read (and so as needed). */
export function compileTemplate(text: LocalText, path: Path, ctx: ExpressionContext): void {
  for (const lang of ['pl', 'en'] as const) {
    for (const { name, index, format, forms } of placeholders(text[lang])) {
      const at = { pos: index + 1, end: index + 1 + name.length };
      const type = ctx.resolve(name, at, [...path, lang]);
      if (format !== 'count') continue;
      if (type && type.k !== 'number' && type.k !== 'any') {
        ctx.report(
          'TYPE_MISMATCH',
          `{${name}:count:…} counts a number, and ${name} is not one`,
          [...path, lang],
          undefined,
          index + 1,
        );
      }
      if (!forms || !FORMS[lang].includes(forms.length)) {
        ctx.report(
          'INVALID_VALUE',
          `{${name}:count:…} needs the noun's ${lang === 'pl' ? '3 Polish forms (1, 2–4, 5+), e.g. dzień|dni|dni' : '2 English forms, e.g. day|days'}`,
          [...path, lang],
          'Numbers agree with their nouns through Intl.PluralRules: give every form, the engine picks.',
          index + 1,
        );
      }
    }
  }
}
