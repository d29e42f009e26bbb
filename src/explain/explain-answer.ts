import type { Catalogue } from '../catalogue/catalogue.ts';
import { factValueLabel, formatValue } from '../decide/render-text.ts';
import { Rational } from '../money/rational.ts';
import type { Answer } from '../schema/answer.ts';
import type { LocalText } from '../schema/common.ts';
import { formatDate, formatMoney, type Lang } from '../text/format.ts';

export { formatMoney } from '../text/format.ts';

const WORDS = {
  pl: {
    answer: 'Odpowiedź',
    version: 'Wersja przepisów',
    from: 'obowiązująca od',
    none: 'brak wersji obowiązującej w tym dniu',
    reasons: 'Uzasadnienie (✓ warunek spełniony, ✗ warunek niespełniony)',
    amounts: 'Kwoty',
    values: 'Wartości',
    missing: 'Brakujące fakty (podaj je, aby rozstrzygnąć)',
    caveats: 'Zastrzeżenia (do sprawdzenia)',
    proposal: 'projekt zmiany, nie prawo obowiązujące',
  },
  en: {
    answer: 'Answer',
    version: 'Rule-set version',
    from: 'in force from',
    none: 'no version in force on this day',
    reasons: 'Reasons (✓ condition met, ✗ condition not met)',
    amounts: 'Amounts',
    values: 'Values',
    missing: 'Missing facts (give them to decide)',
    caveats: 'Caveats (to check)',
    proposal: 'a proposed amendment, not law in force',
  },
};

/** Names of values the engine itself gives, on every question. */
const ENGINE_VALUES: Record<string, LocalText> = {
  in_force_from: { pl: 'przepisy obowiązują od', en: 'in force from' },
  successor: { pl: 'pytanie, które je zastąpiło', en: 'the question that replaced it' },
};

/** How the name of an amount or value of a question reads. */
export function resultLabel(catalogue: Catalogue, question: string, name: string, lang: Lang): string {
  return catalogue.questions.get(question)?.labels?.[name]?.[lang] ?? ENGINE_VALUES[name]?.[lang] ?? name;
}

/** A value of an answer as a person reads it: codes by their labels, a successor by its title, days as dates. */
export function formatResult(catalogue: Catalogue, question: string, name: string, v: unknown, lang: Lang): string {
  if (name === 'successor' && typeof v === 'string') return catalogue.questions.get(v)?.title[lang] ?? v;
  const label = (code: string, l: Lang) =>
    catalogue.questions.get(question)?.labels?.[code]?.[l] ?? factValueLabel(catalogue, name, code, l);
  if (typeof v === 'number') return formatValue(rationalOf(v), lang, false, label);
  return formatValue(v as Parameters<typeof formatValue>[0], lang, false, label);
}

/** Numbers of an answer are plain JS numbers; formatValue reads the engine's exact ones. */
const rationalOf = (n: number) => Rational.fromNumber(n);

/** An answer as readable text: the outcome in words, each reason with its article, amounts, caveats; no codes. */
export function explainAnswer(answer: Answer, catalogue: Catalogue, lang: Lang = 'pl'): string {
  const w = WORDS[lang];
  const title = catalogue.questions.get(answer.question)?.title[lang] ?? answer.question;
  const outcome = catalogue.outcomes.get(answer.outcome)?.[lang] ?? answer.outcome;
  const lines = [`${title}, ${formatDate(answer.date, lang)}`, `${w.answer}: ${outcome}`];
  const rs = answer.ruleset;
  const version = rs.version
    ? rs.kind === 'proposal'
      ? `${rs.version} (${w.proposal})`
      : `${w.from} ${formatDate(rs.version, lang)}`
    : w.none;
  lines.push(`${w.version}: ${version}${rs.hash ? ` (${rs.hash.slice(0, 19)}…)` : ''}`);
  if (answer.reasons.length) {
    lines.push('', `${w.reasons}:`);
    for (const r of answer.reasons) lines.push(`  ${r.met ? '✓' : '✗'} ${r.basis}: ${r.text[lang]}`);
  }
  const amounts = Object.entries(answer.amounts);
  if (amounts.length) {
    lines.push('', `${w.amounts}:`);
    for (const [k, v] of amounts) lines.push(`  ${resultLabel(catalogue, answer.question, k, lang)}: ${formatMoney(v, lang)}`);
  }
  const values = Object.entries(answer.values);
  if (values.length) {
    lines.push('', `${w.values}:`);
    for (const [k, v] of values) {
      lines.push(
        `  ${resultLabel(catalogue, answer.question, k, lang)}: ${formatResult(catalogue, answer.question, k, v, lang)}`,
      );
    }
  }
  if (answer.missing.length) {
    lines.push('', `${w.missing}:`);
    for (const m of answer.missing) lines.push(`  - ${catalogue.facts.get(m)?.label[lang] ?? m}`);
  }
  if (answer.caveats.length) {
    lines.push('', `${w.caveats}:`);
    for (const c of answer.caveats) lines.push(`  ! ${c.text[lang]}`);
  }
  return lines.join('\n');
}
