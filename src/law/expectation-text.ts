import type { Catalogue } from '../catalogue/catalogue.ts';
import { formatMoney } from '../explain/explain-answer.ts';
import type { LocalText } from '../schema/common.ts';

/** One part of a test's expectation that an author changed, as `expectationChanges` gives it. */
export interface ExpectationChange {
  part: string;
  before: unknown;
  after: unknown;
}

/**
 * The line a reviewer reads for an expectation changed on purpose:
 * `Test „…”: 1 783,90 zł → 1 780,00 zł, ponieważ: …` — amounts in złoty, outcomes by their labels.
 */
export function expectationLine(
  caseName: string,
  changes: readonly ExpectationChange[],
  reason: string,
  catalogue: Catalogue,
): LocalText {
  const show = (part: string, v: unknown, lang: 'pl' | 'en'): string => {
    if (v === undefined) return '—';
    if (part.startsWith('amounts.') && typeof v === 'number') return formatMoney(v, lang);
    if (part === 'outcome' && typeof v === 'string') return catalogue.outcomes.get(v)?.[lang] ?? v;
    if (Array.isArray(v)) return v.map((x) => show(part, x, lang)).join(', ');
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  const parts = (lang: 'pl' | 'en') =>
    changes.map((c) => `${show(c.part, c.before, lang)} → ${show(c.part, c.after, lang)}`).join('; ');
  return {
    pl: `Test „${caseName}”: ${parts('pl')}, ponieważ: ${reason}`,
    en: `Test "${caseName}": ${parts('en')}, because: ${reason}`,
  };
}
