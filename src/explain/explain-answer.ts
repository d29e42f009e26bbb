import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Answer } from '../schema/answer.ts';

type Lang = 'pl' | 'en';

const WORDS = {
  pl: {
    answer: 'Odpowiedź',
    version: 'Wersja przepisów',
    none: 'brak wersji obowiązującej w tym dniu',
    reasons: 'Uzasadnienie',
    amounts: 'Kwoty',
    values: 'Wartości',
    missing: 'Brakujące fakty (podaj je, aby rozstrzygnąć)',
    caveats: 'Zastrzeżenia (do sprawdzenia)',
    proposal: 'projekt zmiany, nie prawo obowiązujące',
  },
  en: {
    answer: 'Answer',
    version: 'Rule-set version',
    none: 'no version in force on this day',
    reasons: 'Reasons',
    amounts: 'Amounts',
    values: 'Values',
    missing: 'Missing facts (give them to decide)',
    caveats: 'Caveats (to check)',
    proposal: 'a proposed amendment, not law in force',
  },
};

/** Money as a person reads it: `1 859,65 zł` in Polish, `PLN 1,859.65` in English. */
export function formatMoney(amount: number, lang: Lang): string {
  if (lang === 'en') {
    return `PLN ${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)}`;
  }
  const [whole = '0', frac = '00'] = Math.abs(amount).toFixed(2).split('.');
  // Polish groups thousands with a (non-breaking) space even for four digits, as on payslips.
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${amount < 0 ? '−' : ''}${grouped},${frac}\u00a0zł`;
}

/** An answer as readable text: the outcome in words, each reason with its article, amounts, caveats. */
export function explainAnswer(answer: Answer, catalogue: Catalogue, lang: Lang = 'pl'): string {
  const w = WORDS[lang];
  const title = catalogue.questions.get(answer.question)?.title[lang] ?? answer.question;
  const outcome = catalogue.outcomes.get(answer.outcome)?.[lang] ?? answer.outcome;
  const lines = [`${title} (${answer.question}), ${answer.date}`, `${w.answer}: ${outcome} [${answer.outcome}]`];
  const rs = answer.ruleset;
  lines.push(
    `${w.version}: ${rs.version ? `${rs.version}${rs.kind === 'proposal' ? ` (${w.proposal})` : ''}, ${rs.hash}` : w.none}`,
  );
  if (answer.reasons.length) {
    lines.push('', `${w.reasons}:`);
    for (const r of answer.reasons) lines.push(`  ${r.met ? '✓' : '✗'} ${r.basis}: ${r.text[lang]}`);
  }
  const amounts = Object.entries(answer.amounts);
  if (amounts.length) {
    lines.push('', `${w.amounts}:`);
    for (const [k, v] of amounts) lines.push(`  ${k}: ${formatMoney(v, lang)}`);
  }
  const values = Object.entries(answer.values);
  if (values.length) {
    lines.push('', `${w.values}:`);
    for (const [k, v] of values) lines.push(`  ${k}: ${Array.isArray(v) ? v.join(', ') || '—' : String(v)}`);
  }
  if (answer.missing.length) {
    lines.push('', `${w.missing}:`);
    for (const m of answer.missing) lines.push(`  - ${m}: ${catalogue.facts.get(m)?.label[lang] ?? ''}`);
  }
  if (answer.caveats.length) {
    lines.push('', `${w.caveats}:`);
    for (const c of answer.caveats) lines.push(`  ! ${c.code}: ${c.text[lang]}`);
  }
  return lines.join('\n');
}
