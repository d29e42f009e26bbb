import type { Catalogue } from '../catalogue/catalogue.ts';
import { formatDate, formatNumber, type Lang } from '../text/format.ts';
import { DOCUMENT_WORDS } from './document-words.ts';

/** One fact's value as a sentence reads it: labels for codes, yes/no, dates and numbers the local way; never a code. */
export function factText(catalogue: Catalogue, fact: string, value: unknown, lang: Lang): string {
  const w = DOCUMENT_WORDS[lang];
  const def = catalogue.facts.get(fact);
  const label = (code: string) => def?.value_labels?.[code]?.[lang] ?? code;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') return def?.type === 'date' ? formatDate(value, lang) : label(value);
  if (Array.isArray(value)) {
    if (!value.length) return w.none;
    if (def?.type !== 'records') return value.map((v) => label(String(v))).join(', ');
    return value
      .map((row, i) => {
        const cells = Object.entries((row ?? {}) as Record<string, unknown>).map(([field, v]) => {
          const f = def.fields?.[field];
          if (typeof v === 'boolean') return field === 'at_risk' ? (v ? w.atRisk : w.notAtRisk) : v ? w.yes : w.no;
          return f?.value_labels?.[String(v)]?.[lang] ?? String(v);
        });
        return `${i + 1}) ${cells.join(', ')}`;
      })
      .join('; ');
  }
  return w.none;
}

/** A fact's label, as the catalogue words it. */
export function factLabel(catalogue: Catalogue, fact: string, lang: Lang): string {
  return catalogue.facts.get(fact)?.label[lang] ?? fact;
}
