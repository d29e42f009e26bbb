import { factValueLabel } from '../decide/render-text.ts';
import { candidateValues, thresholdsOf } from '../interview/candidate-values.ts';
import { articlesByFact } from '../interview/fact-articles.ts';
import type { Library } from '../library.ts';
import type { Answer } from '../schema/answer.ts';
import type { LocalText } from '../schema/common.ts';
import { formatDate, formatMoney, formatNumber, type Lang } from '../text/format.ts';
import type { WhatWouldChangeRequest } from './what-would-change.ts';

/** A set of facts changed together, and the answer that would then be given. */
export interface FactsChange {
  changes: { fact: string; from: unknown; to: unknown }[];
  outcome: string;
  amounts: Record<string, number>;
  /** The articles of the rules that read the facts changed. */
  articles: string[];
  text: LocalText;
}

export interface SmallestChanges {
  /** Smallest first: no set holds a smaller set that already changes the answer. */
  combinations: FactsChange[];
  /** True when no change of facts can change the answer (the law not in force on the day). */
  unchangeable: boolean;
  /** True when the bounded search tried every candidate; false when it stopped at its bound. */
  complete: boolean;
  /** What the result means, in words (always given when nothing was found). */
  note?: LocalText;
}

/** Bounds that keep a request interactive: answers tried, milliseconds spent, values of each fact in a set. */
const MAX_TRIALS = 1500;
const MAX_MILLIS = 1500;
const VALUES_PER_FACT = [0, 8, 4, 3];
const MAX_SIZE = 3;
const MAX_FOUND = 12;

/**
 * "What would change the answer, beyond one fact": the smallest sets of up to three facts whose change
 * changes the outcome or an amount, each a real answer of the same rules on the same date. Candidate values
 * come from the conditions (each threshold and a step either side, every enum value), nearest first.
 */
export async function smallestChanges(library: Library, req: WhatWouldChangeRequest): Promise<SmallestChanges> {
  const base = await library.decide(req);
  const ir = req.version ? library.version(req.question, req.version) : library.versionOn(req.question, req.date);
  if (!ir || ir.repealed) {
    return { combinations: [], unchangeable: true, complete: true, note: notInForce(req.date) };
  }
  const thresholds = thresholdsOf(ir, library, req.date);
  const articles = articlesByFact(ir);
  const current = (fact: string) => req.facts[fact] ?? library.catalogue.facts.get(fact)?.default;
  const options = new Map<string, unknown[]>();
  for (const fact of ir.facts) {
    const def = library.catalogue.facts.get(fact);
    if (!def) continue;
    const now = current(fact);
    const values = candidateValues(def, thresholds, req.date).filter((v) => JSON.stringify(v) !== JSON.stringify(now));
    if (typeof now === 'number') values.sort((a, b) => Math.abs((a as number) - now) - Math.abs((b as number) - now));
    if (values.length) options.set(fact, values);
  }
  const facts = [...options.keys()];
  const found: FactsChange[] = [];
  const started = Date.now();
  let trials = 0;
  let complete = true;
  const changedSets: string[][] = [];
  search: for (let size = 1; size <= MAX_SIZE; size++) {
    for (const set of subsets(facts, size)) {
      if (changedSets.some((s) => s.every((f) => set.includes(f)))) continue; // not the smallest
      const per = VALUES_PER_FACT[size] ?? 1;
      for (const values of product(set.map((f) => (options.get(f) ?? []).slice(0, per)))) {
        if (++trials > MAX_TRIALS || Date.now() - started > MAX_MILLIS || found.length >= MAX_FOUND) {
          complete = false;
          break search;
        }
        const changed = Object.fromEntries(set.map((f, i) => [f, values[i]]));
        const answer = await library.decide({ ...req, facts: { ...req.facts, ...changed } }).catch(() => undefined);
        if (!answer || !differs(base, answer)) continue;
        changedSets.push(set);
        const changes = set.map((fact, i) => ({ fact, from: current(fact), to: values[i] }));
        found.push({
          changes,
          outcome: answer.outcome,
          amounts: answer.amounts,
          articles: [...new Set(set.flatMap((f) => articles.get(f) ?? []))],
          text: { pl: sentence(library, changes, answer, 'pl'), en: sentence(library, changes, answer, 'en') },
        });
        break; // the nearest values of this set are enough
      }
    }
  }
  const result: SmallestChanges = { combinations: found, unchangeable: false, complete };
  if (found.length === 0) {
    result.note = complete
      ? {
          pl: `Żadna zmiana najwyżej ${MAX_SIZE} faktów nie zmienia tej odpowiedzi.`,
          en: `No change of up to ${MAX_SIZE} facts changes this answer.`,
        }
      : {
          pl: 'W granicach wyszukiwania nie znaleziono zmiany faktów, która zmienia tę odpowiedź.',
          en: 'Within the bounds of the search no change of facts was found that changes this answer.',
        };
  }
  return result;
}

const differs = (a: Answer, b: Answer) =>
  b.outcome !== 'undetermined' && (a.outcome !== b.outcome || JSON.stringify(a.amounts) !== JSON.stringify(b.amounts));

function notInForce(date: string): LocalText {
  return {
    pl: `Na dzień ${formatDate(date, 'pl')} przepisy nie obowiązują, więc żadna zmiana faktów nie zmieni odpowiedzi.`,
    en: `On ${formatDate(date, 'en')} the law is not in force, so no change of facts changes the answer.`,
  };
}

/** Every set of `size` items, in the list's order. */
function* subsets<T>(items: readonly T[], size: number, from = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - size; i++)
    for (const rest of subsets(items, size - 1, i + 1)) yield [items[i] as T, ...rest];
}

/** Every choice of one value from each list, the first values first. */
function* product(lists: readonly unknown[][]): Generator<unknown[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [head, ...tail] = lists;
  for (const v of head ?? []) for (const rest of product(tail)) yield [v, ...rest];
}

/** A fact's value in words: the catalogue's labels, days and numbers the language's way. */
function valueText(library: Library, fact: string, value: unknown, lang: Lang): string {
  if (value === undefined) return lang === 'pl' ? 'nie podano' : 'not given';
  if (typeof value === 'boolean') return lang === 'pl' ? (value ? 'tak' : 'nie') : value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang);
    return factValueLabel(library.catalogue, fact, value, lang) ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'pl' ? 'brak' : 'none';
    return value.map((v) => valueText(library, fact, v, lang)).join(', ');
  }
  return JSON.stringify(value);
}

function sentence(library: Library, changes: FactsChange['changes'], answer: Answer, lang: Lang): string {
  const parts = changes.map(({ fact, from, to }) => {
    const label = library.catalogue.facts.get(fact)?.label[lang] ?? fact;
    const instead = lang === 'pl' ? 'zamiast' : 'instead of';
    return `${label}: ${valueText(library, fact, to, lang)} (${instead}: ${valueText(library, fact, from, lang)})`;
  });
  const outcome = library.catalogue.outcomes.get(answer.outcome)?.[lang] ?? answer.outcome;
  const money = Object.values(answer.amounts).map((a) => formatMoney(a, lang));
  const result = money.length ? `${outcome}, ${money.join(', ')}` : outcome;
  return lang === 'pl'
    ? `Gdyby zmienić: ${parts.join('; ')}, odpowiedź brzmiałaby: ${result}.`
    : `If ${parts.join('; ')}, the answer would be: ${result}.`;
}
