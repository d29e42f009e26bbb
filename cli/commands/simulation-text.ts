import type { Catalogue } from '../../src/catalogue/catalogue.ts';
import { factValueLabel, formatValue } from '../../src/decide/render-text.ts';
import { resultLabel } from '../../src/explain/explain-answer.ts';
import type { Answer } from '../../src/schema/answer.ts';
import type { LocalText } from '../../src/schema/common.ts';
import type { SimulationResult } from '../../src/simulate/simulate.ts';
import { formatCount, formatDate, formatMoney, formatNumber, type Lang } from '../../src/text/format.ts';

const W = {
  pl: {
    noVersion: 'brak wersji obowiązującej',
    from: 'wersja obowiązująca od',
    proposal: 'projekt',
    persons: 'osoba|osoby|osób',
    rows: 'wiersz nieodczytany|wiersze nieodczytane|wierszy nieodczytanych',
    changes: (n: string) => `odpowiedź zmienia się dla: ${n}`,
    outcomes: 'Rozstrzygnięcia (przepisy porównywane → projekt):',
    perMonth: 'miesięcznie',
    gain: 'zyskuje',
    lose: 'traci',
    inAll: 'łącznie',
    average: 'średnio',
    net: 'saldo',
    aMonth: 'miesięcznie; różnica kosztów w roku',
    distribution: 'rozkład zmiany:',
    assumption: (m: number) =>
      `Założenie: każda osoba z populacji otrzymuje tę kwotę przez ${formatCount(m, ['miesiąc', 'miesiące', 'miesięcy'], 'pl')} w roku; różnica roczna to różnica miesięczna × ${m}, płacona z Funduszu Pracy.`,
    by: 'Według',
    changed: 'zmian',
    examples: 'Przykłady',
    line: 'wiersz',
    baseline: 'przepisy',
    proposed: 'projekt',
    gains: 'zyskuje',
    loses: 'traci',
    valuesChange: 'zmieniają się wartości',
    absent: '(nie podano)',
    empty: '(brak)',
  },
  en: {
    noVersion: 'no version in force',
    from: 'the version in force from',
    proposal: 'proposal',
    persons: 'person|persons',
    rows: 'row not read|rows not read',
    changes: (n: string) => `the answer changes for ${n}`,
    outcomes: 'Outcomes (baseline → proposal):',
    perMonth: 'a month',
    gain: 'gain',
    lose: 'lose',
    inAll: 'in all',
    average: 'on average',
    net: 'net',
    aMonth: 'a month; yearly cost difference',
    distribution: 'distribution of the change:',
    assumption: (m: number) =>
      `Assumption: each person in the population is paid this amount for ${formatCount(m, ['month', 'months'], 'en')} a year; the yearly difference is the monthly difference × ${m}, paid from the Labour Fund.`,
    by: 'By',
    changed: 'changed',
    examples: 'Examples',
    line: 'line',
    baseline: 'baseline',
    proposed: 'proposal',
    gains: 'gains',
    loses: 'loses',
    valuesChange: 'values change',
    absent: '(not given)',
    empty: '(none)',
  },
};

/** The readable summary of a run, in Polish (the default) or English: labels, never codes; money the local way. */
export function formatSimulation(
  r: SimulationResult,
  catalogue: Catalogue,
  lang: Lang = 'pl',
  titleOf: (version: string) => LocalText | undefined = () => undefined,
): string {
  const w = W[lang];
  const count = (n: number, forms: string) => formatCount(n, forms.split('|'), lang);
  const outcome = (code: string) => catalogue.outcomes.get(code)?.[lang] ?? code;
  const version = (v: string | null) =>
    v === null
      ? w.noVersion
      : /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? `${w.from} ${formatDate(v, lang)}`
        : (titleOf(v)?.[lang] ?? `${w.proposal} ${lang === 'pl' ? `„${v}”` : `“${v}”`}`);
  const title = catalogue.questions.get(r.question)?.title[lang] ?? r.question;
  const lines = [
    `${title}, ${formatDate(r.date, lang)}: ${version(r.baseline.version)} → ${version(r.proposal.version)}`,
    `${count(r.persons, w.persons)} (${count(r.errors.count, w.rows)}), ${w.changes(count(r.changed, w.persons))}.`,
    '',
    w.outcomes,
    ...Object.entries(r.transitions).map(([k, n]) => `  ${transition(k, outcome).padEnd(44)} ${formatNumber(n, lang)}`),
  ];
  for (const [name, m] of Object.entries(r.money)) {
    const money = (x: number) => formatMoney(x, lang);
    lines.push(
      '',
      `${resultLabel(catalogue, r.question, name, lang)}, ${w.perMonth}:`,
      `  ${w.gain}: ${count(m.gainers, w.persons)}, ${w.inAll} ${money(m.gain_sum)}, ${w.average} ${money(m.mean_gain)}`,
      `  ${w.lose}: ${count(m.losers, w.persons)}, ${w.inAll} ${money(m.loss_sum)}, ${w.average} ${money(m.mean_loss)}`,
      `  ${w.net}: ${money(m.total_delta)} ${w.aMonth} ${money(r.yearly_cost_difference[name] ?? 0)}`,
      `  ${w.distribution}`,
      ...m.histogram
        .filter((b) => b.persons > 0)
        .map((b) => `    ${edge(b.from, lang).padStart(14)} … ${edge(b.to, lang).padEnd(14)} ${formatNumber(b.persons, lang)}`),
    );
  }
  lines.push(...nationalLines(r, catalogue, lang));
  lines.push('', w.assumption(r.assumptions.months_per_year));
  for (const [fact, table] of Object.entries(r.breakdowns)) {
    lines.push('', `${w.by}: ${catalogue.facts.get(fact)?.label[lang] ?? fact}`);
    for (const [v, c] of Object.entries(table)) {
      const shown = v === '(absent)' ? w.absent : v === '(none)' ? w.empty : (factValueLabel(catalogue, fact, v, lang) ?? v);
      lines.push(
        `  ${shown.padEnd(40)} ${count(c.persons, w.persons).padStart(12)}, ${w.changed}: ${formatNumber(c.changed, lang)}, ${formatMoney(c.total_delta, lang)}`,
      );
    }
  }
  for (const [kind, list] of Object.entries(r.examples)) {
    lines.push('', `${w.examples}, ${exampleKind(kind, outcome, w)}:`);
    for (const e of list) {
      lines.push(`  ${w.line} ${e.line}: ${facts(e.facts, catalogue, lang)}`);
      lines.push(`    ${w.baseline}: ${answerLine(e.baseline, catalogue, lang)}`);
      lines.push(`    ${w.proposed}: ${answerLine(e.proposal, catalogue, lang)}`);
    }
  }
  return lines.join('\n');
}

/** `payable → not_payable` as labels: "przysługuje → nie przysługuje". */
function transition(key: string, outcome: (code: string) => string): string {
  return key
    .split(' → ')
    .map((o) => outcome(o))
    .join(' → ');
}

/** The kind of an example: an outcome change, or a gain, a loss or changed values within one outcome. */
function exampleKind(kind: string, outcome: (code: string) => string, w: (typeof W)[Lang]): string {
  if (kind.includes(' → ')) return transition(kind, outcome);
  const [o = '', what = ''] = kind.split(': ');
  const said = what === 'gains' ? w.gains : what === 'loses' ? w.loses : w.valuesChange;
  return `${outcome(o)}: ${said}`;
}

/** A bin's edge of the distribution: złoty, or ±∞ at the ends. */
function edge(x: number, lang: Lang): string {
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  return formatMoney(x, lang);
}

/** A person's facts as labels and values: "Okres w CIS: okres uczestnictwa; …". */
function facts(values: Record<string, unknown>, catalogue: Catalogue, lang: Lang): string {
  return Object.entries(values)
    .map(([name, v]) => {
      const label = catalogue.facts.get(name)?.label[lang] ?? name;
      const value =
        typeof v === 'number'
          ? formatNumber(v, lang)
          : Array.isArray(v) && v.some((x) => typeof x === 'object')
            ? String(v.length)
            : formatValue(v as Parameters<typeof formatValue>[0], lang, false, (code, l) =>
                factValueLabel(catalogue, name, code, l),
              );
      return `${label}: ${value}`;
    })
    .join('; ');
}

/** An answer on one line: its outcome, its amounts in złoty, and the articles of its reasons. */
function answerLine(a: Answer, catalogue: Catalogue, lang: Lang): string {
  const amounts = Object.entries(a.amounts).map(
    ([k, v]) => `${resultLabel(catalogue, a.question, k, lang)} ${formatMoney(v, lang)}`,
  );
  const outcome = catalogue.outcomes.get(a.outcome)?.[lang] ?? a.outcome;
  return `${[outcome, ...amounts].join(', ')} (${a.reasons.map((x) => x.basis).join('; ')})`;
}

/** The weighted figures, the calibration target with its source, and a budget window's years, when the run has them. */
function nationalLines(r: SimulationResult, catalogue: Catalogue, lang: Lang): string[] {
  const pl = lang === 'pl';
  const money = (x: number) => formatMoney(x, lang);
  const out: string[] = [];
  const national = r.calibration.find((c) => c.target === 'national');
  if (r.caseload && national) {
    out.push(
      '',
      pl ? `Krajowo (ważona): ${r.caseload.population.pl}` : `Nationally (weighted): ${r.caseload.population.en}`,
      pl
        ? `  ${formatNumber(r.weighted.persons, lang)} os. wobec ${formatNumber(national.expected, lang)} wg źródła (${national.source}, ${national.source_year}; ${national.url ?? 'brak adresu'})`
        : `  ${formatNumber(r.weighted.persons, lang)} persons against ${formatNumber(national.expected, lang)} by the source (${national.source}, ${national.source_year}; ${national.url ?? 'no address'})`,
    );
    for (const t of r.weighted.totals)
      out.push(
        pl
          ? `  ${resultLabel(catalogue, r.question, t.amount, lang)}: ${money(t.weighted_total_delta)} miesięcznie, ${money(t.weighted_yearly)} rocznie; płaci: ${r.caseload.payer.pl}`
          : `  ${resultLabel(catalogue, r.question, t.amount, lang)}: ${money(t.weighted_total_delta)} a month, ${money(t.weighted_yearly)} a year; paid by: ${r.caseload.payer.en}`,
      );
  }
  const bw = r.budget_window;
  if (bw) {
    out.push(
      '',
      pl
        ? `Koszt roczny w latach (kraj, ważona; indeksacja ${bw.rate_percent} % po ${bw.announced_through} r.):`
        : `Yearly cost by year (national, weighted; indexed ${bw.rate_percent} % after ${bw.announced_through}):`,
    );
    for (const y of bw.rows)
      out.push(
        `  ${y.year}${y.indexed ? ' *' : '  '} ${money(y.weighted_baseline_cost).padStart(22)} → ${money(y.weighted_proposal_cost).padStart(22)}  ${money(y.weighted_cost_difference).padStart(20)}`,
      );
  }
  return out;
}
