import type { LocalText } from '../schema/common.ts';
import type { ExpressionContext } from './expression-context.ts';
import type { Path } from './yaml-source.ts';

/** `{name}` or `{name:money}`: a value quoted in an explanation, optionally as złoty. */
export const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_.]*)(?::(money))?\}/g;

/** The names a text quotes as `{name}`. */
export function placeholders(text: string): { name: string; index: number }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] as string, index: m.index ?? 0 }));
}

/** Checks that every `{name}` in both languages can be quoted; a quoted fact counts as read (and so as needed). */
export function compileTemplate(text: LocalText, path: Path, ctx: ExpressionContext): void {
  for (const lang of ['pl', 'en'] as const) {
    for (const { name, index } of placeholders(text[lang])) {
      ctx.resolve(name, { pos: index + 1, end: index + 1 + name.length }, [...path, lang]);
    }
  }
}
