import type { ActDefinition } from '../schema/acts.ts';
import type { Lang } from '../text/format.ts';
import { DOCUMENT_WORDS } from './document-words.ts';

/** One act cited by a document, with the articles applied in it. */
export interface CitedAct {
  abbreviation: string;
  /** The full title and citation, in the form a basis cites it ("art. 15 ust. 4 ustawy z dnia … (Dz.U. …), dalej: UZS"). */
  text: string;
  articles: string[];
}

const BASIS = /^([A-Z]{2,6}) (art\. .+)$/;

/** Article numbers in reading order: art. 2 before art. 15, ust. 4 before ust. 7a. */
function compareArticles(a: string, b: string): number {
  return a.localeCompare(b, 'pl', { numeric: true });
}

/** The title as a citation's genitive: "Ustawa z dnia …" → "ustawy z dnia …" (the Polish act titles all begin so). */
function titleForCitation(title: string, lang: Lang): string {
  if (lang === 'pl') return title.replace(/^Ustawa\b/, 'ustawy');
  return title.replace(/^Act\b/, 'the Act');
}

/** Where an act was published: first publication and, when there is one, the consolidated text. */
function publication(act: ActDefinition, lang: Lang): string {
  const w = DOCUMENT_WORDS[lang];
  return act.consolidated ? `${act.dz_u}; ${w.consolidated} ${act.consolidated}` : act.dz_u;
}

/**
 * The acts and articles behind a list of bases (`UZS art. 15 ust. 7`), grouped by act in the order first cited, each
 * act spelled out from the acts catalogue; a basis naming no act of the catalogue is kept as written.
 */
export function citedActs(bases: readonly string[], acts: ReadonlyMap<string, ActDefinition>, lang: Lang): CitedAct[] {
  const byAct = new Map<string, Set<string>>();
  const other: string[] = [];
  for (const basis of bases) {
    const m = BASIS.exec(basis.trim());
    if (!m || !acts.has(m[1] as string)) {
      if (!other.includes(basis)) other.push(basis);
      continue;
    }
    const set = byAct.get(m[1] as string) ?? new Set<string>();
    set.add(m[2] as string);
    byAct.set(m[1] as string, set);
  }
  const w = DOCUMENT_WORDS[lang];
  const cited = [...byAct].map(([abbreviation, set]) => {
    const act = acts.get(abbreviation) as ActDefinition;
    const articles = [...set].sort(compareArticles);
    const text =
      lang === 'pl'
        ? `${articles.join(', ')} ${titleForCitation(act.title.pl, 'pl')} (${publication(act, 'pl')}), ${w.hereafter}: ${abbreviation}`
        : `${articles.join(', ')} of ${titleForCitation(act.title.en, 'en')} (${publication(act, 'en')}), ${w.hereafter} ${abbreviation}`;
    return { abbreviation, text, articles };
  });
  return [...cited, ...other.map((basis) => ({ abbreviation: '', text: basis, articles: [] }))];
}
