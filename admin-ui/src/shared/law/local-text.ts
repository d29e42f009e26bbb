import { language } from '../i18n/language.ts';

/** A text of the law in both languages, as rule sets and the catalogue hold it. */
export interface LocalText {
  pl: string;
  en: string;
}

/** The text in the UI's language (Polish when the English one is missing). */
export function localText(text: LocalText | undefined, fallback = ''): string {
  if (!text) return fallback;
  return (language() === 'en' ? text.en : text.pl) || text.pl || fallback;
}
