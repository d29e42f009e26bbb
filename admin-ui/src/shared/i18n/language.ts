/** The languages of the UI: Polish first. */
export const LANGUAGES = ['pl', 'en'] as const;
/** A language of the UI. */
export type Language = (typeof LANGUAGES)[number];

/** Where the chosen language is remembered between visits. */
const STORAGE_KEY = 'ri.lang';
/** Fired on window whenever the language changes, so elements re-render. */
export const LANGUAGE_EVENT = 'ri-language-change';

const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

/** Reads the remembered choice; storage may be missing (tests in Node) or blocked (privacy modes). */
function stored(): Language {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : 'pl';
  } catch {
    return 'pl';
  }
}

let current: Language = stored();

/** The language the UI speaks now. */
export function language(): Language {
  return current;
}

/** Switches the UI's language: remembered, set on <html lang>, announced with {@link LANGUAGE_EVENT}. */
export function setLanguage(lang: Language): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Blocked storage only means the choice is not remembered.
  }
  applyLanguage();
  globalThis.dispatchEvent?.(new CustomEvent(LANGUAGE_EVENT, { detail: lang }));
}

/** Sets <html lang> to the current language (on start and after each switch). */
export function applyLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}
