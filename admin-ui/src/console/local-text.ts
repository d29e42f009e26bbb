import type { Schemas } from '../shared/api/client.ts';
import { language } from '../shared/i18n/language.ts';

/** A text in Polish and English, as the rules and the catalogue give it. */
export type LocalText = Schemas['LocalText'];

/** The text in the UI's language; empty when there is none. */
export function local(text: LocalText | undefined): string {
  return text ? text[language()] : '';
}
