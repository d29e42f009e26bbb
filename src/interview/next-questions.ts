import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import type { Lang } from '../text/format.ts';
import { candidateValues, thresholdsOf } from './candidate-values.ts';
import { articlesByFact } from './fact-articles.ts';

/** One fact still worth asking, with what the catalogue says of it. */
export interface NextQuestion {
  fact: string;
  label: string;
  help: string;
  /** The articles whose rules read the fact. */
  articles: string[];
  /** True when some value of this fact alone settles the answer. */
  decisive: boolean;
  /** How much the fact decides, 0 to 1: the share of its values that settle the answer, then how many questions they spare. */
  score: number;
  type: string;
  /** The values a form may offer, with their labels (booleans and enumerations). */
  values?: { value: unknown; label: string }[];
}

export interface NextQuestions {
  determined: boolean;
  outcome?: string;
  amounts?: Record<string, number>;
  /** The amount, when the answer has exactly one. */
  amount?: number;
  missing: NextQuestion[];
}

export interface NextQuestionsRequest {
  question: string;
  date: string;
  facts: Record<string, unknown>;
  version?: string;
  lang?: Lang;
}

/** How many answers are tried at most, so an interview step stays interactive. */
const MAX_TRIALS = 400;

/**
 * The interview's next step: the answer when the facts given already settle it whatever the rest are;
 * otherwise the missing facts that can still change it, the most decisive first (a fact one of whose
 * values settles the answer on its own before one that only narrows it). Every ranking is measured by
 * real answers of the same rules, never guessed.
 */
export async function nextQuestions(library: Library, req: NextQuestionsRequest): Promise<NextQuestions> {
  const lang = req.lang ?? 'pl';
  const { question, date, facts } = req;
  const base = await library.decide({ question, date, facts, ...(req.version ? { version: req.version } : {}) });
  if (base.missing.length === 0) {
    const amounts = Object.values(base.amounts);
    return {
      determined: true,
      outcome: base.outcome,
      amounts: base.amounts,
      ...(amounts.length === 1 ? { amount: amounts[0] } : {}),
      missing: [],
    };
  }
  const ir = (req.version ? library.version(question, req.version) : library.versionOn(question, date)) as IrRuleSet;
  const thresholds = thresholdsOf(ir, library, date);
  const articles = articlesByFact(ir);
  const budget = Math.max(2, Math.floor(MAX_TRIALS / base.missing.length));
  const asked: (NextQuestion & { order: number })[] = [];
  for (const [order, fact] of base.missing.entries()) {
    const def = library.catalogue.facts.get(fact);
    if (!def) continue;
    const values = spread(candidateValues(def, thresholds, date), budget);
    let settled = 0;
    let spared = 0;
    for (const value of values) {
      const answer = await library.decide({ ...req, facts: { ...facts, [fact]: value } }).catch(() => undefined);
      if (!answer) continue;
      if (answer.missing.length === 0) settled++;
      spared += (base.missing.length - 1 - answer.missing.length) / Math.max(1, base.missing.length - 1);
    }
    const n = Math.max(1, values.length);
    const score = Math.round((0.7 * (settled / n) + 0.3 * (spared / n)) * 100) / 100;
    asked.push({
      fact,
      order,
      label: def.label[lang],
      help: def.help?.[lang] ?? '',
      articles: articles.get(fact) ?? [],
      decisive: settled > 0,
      score,
      type: def.type,
      ...(def.type === 'boolean'
        ? { values: [true, false].map((value) => ({ value, label: yesNo(value, lang) })) }
        : def.type === 'enum'
          ? { values: (def.values ?? []).map((value) => ({ value, label: def.value_labels?.[value]?.[lang] ?? value })) }
          : {}),
    });
  }
  asked.sort((a, b) => Number(b.decisive) - Number(a.decisive) || b.score - a.score || a.order - b.order);
  return {
    determined: false,
    ...(base.outcome !== 'undetermined' ? { outcome: base.outcome } : {}),
    missing: asked.map(({ order: _, ...q }) => q),
  };
}

const yesNo = (v: boolean, lang: Lang) => (lang === 'pl' ? (v ? 'tak' : 'nie') : v ? 'yes' : 'no');

/** At most `n` values, spread evenly over the list (its ends kept). */
function spread<T>(values: readonly T[], n: number): T[] {
  if (values.length <= n) return [...values];
  return Array.from({ length: n }, (_, i) => values[Math.round((i * (values.length - 1)) / (n - 1))] as T);
}
