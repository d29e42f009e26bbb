import { language } from '../shared/i18n/language.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';

/** What a problem says to the author, in the UI's language. */
export interface ProblemText {
  /** The sentence to read: Polish from the catalogue (with the names the server gave), or the server's English. */
  text: string;
  /** How to fix it, when the server said (English only: the Polish sentence already says it). */
  hint?: string;
  /** The server's own English message, kept beside the Polish sentence so nothing specific is lost. */
  original?: string;
}

/** The quoted names in a message, and the name a "did you mean" suggests. */
export function quotedNames(message: string): { names: string[]; suggestion?: string } {
  const suggestion = /did you mean "([^"]+)"/.exec(message)?.[1];
  const names = [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '').filter((n) => n && n !== suggestion);
  return { names: [...new Set(names)], ...(suggestion ? { suggestion } : {}) };
}

/** „name” in Polish, "name" in English. */
const quote = (name: string) => (language() === 'pl' ? `„${name}”` : `"${name}"`);

/**
 * A problem (a stable code and the server's English message) as the author reads it: in Polish, the catalogue's
 * sentence for the code followed by the names the message quoted and its suggestion; in English, the server's words.
 */
export function describeProblem(p: { code: string; message: string; hint?: string | undefined }): ProblemText {
  if (language() === 'en') {
    const text = p.message.charAt(0).toUpperCase() + p.message.slice(1);
    return { text, ...(p.hint ? { hint: p.hint } : {}) };
  }
  const key = `editor.problem.${p.code}`;
  const sentence = isMessageKey(key) ? translate(key) : t('editor.problem.unknown', { code: p.code });
  const { names, suggestion } = quotedNames(p.message);
  const parts = [sentence];
  if (names.length) parts.push(t('editor.problem.names', { names: names.map(quote).join(', ') }));
  if (suggestion) parts.push(t('editor.problem.didYouMean', { name: quote(suggestion) }));
  return { text: parts.join(' '), original: p.message };
}
