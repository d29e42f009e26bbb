import { formatFactValue } from '../console/fact-display.ts';
import type { Schemas } from '../shared/api/client.ts';
import { formatDate } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';

/** What a problem says to the author, in the UI's language. */
export interface ProblemText {
  /** The sentence to read: Polish from the catalogue (with the names the server gave), or the server's English. */
  text: string;
  /** How to fix it, when the server said (English only: the Polish sentence already says it). */
  hint?: string;
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
  // No English line under the Polish sentence: the names it quoted are already given.
  return { text: parts.join(' ') };
}

/** The person and day that show a finding of the static checks, facts by their labels. */
export function exampleText(
  example: { date: string; facts: Record<string, unknown>; outside?: string[] | undefined },
  catalogue: Schemas['Catalogue'] | undefined,
): string {
  const facts = Object.entries(example.facts)
    .map(([name, value]) => {
      const def = catalogue?.facts[name];
      return `${def?.label[language()] ?? name}: ${formatFactValue(name, def, value)}`;
    })
    .join('; ');
  return t('editor.problems.example', { date: formatDate(example.date), facts });
}
