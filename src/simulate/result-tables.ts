import type { Catalogue } from '../catalogue/catalogue.ts';
import type { LocalText } from '../schema/common.ts';
import type { Lang } from '../text/format.ts';

/** How a column's cells read: money in złoty, a count of persons, a percentage, or text. */
export type ColumnKind = 'money' | 'count' | 'text' | 'percent';

/** A column of a result table, labelled in both languages. */
export interface TableColumn {
  key: string;
  label: LocalText;
  kind: ColumnKind;
}

/** A cell: a number (money in złoty, never rounded here), a text, or empty. */
export type TableCell = string | number | null;

/** One table of a run's result, as every export (CSV, XLSX, the printed report) writes it. */
export interface ResultTable {
  id: string;
  title: LocalText;
  columns: TableColumn[];
  rows: Record<string, TableCell>[];
}

/** The id of the table of assumptions and sources: XLSX puts it on its own sheet, first. */
export const ASSUMPTIONS_TABLE = 'assumptions';

/** The part of a stored result the tables read; any further key holding an array of plain rows becomes a table too. */
export interface TabulatedResult {
  question: string;
  date: string;
  baseline: { version: string | null; hash: string | null };
  proposal: { version: string; hash: string };
  persons: number;
  errors: { count: number; first: { line: number; reason: string }[] };
  changed: number;
  transitions: Record<string, number>;
  money: Record<
    string,
    {
      gainers: number;
      losers: number;
      total_delta: number;
      gain_sum: number;
      loss_sum: number;
      mean_gain: number;
      mean_loss: number;
      histogram: { from: number | null; to: number | null; persons: number }[];
    }
  >;
  yearly_cost_difference: Record<string, number>;
  assumptions: { months_per_year: number; text: string };
  breakdowns: Record<string, Record<string, { persons: number; changed: number; total_delta: number }>>;
  population?:
    | { source: 'upload'; format: string; bytes: number; hash: string }
    | { source: 'generated'; size: number; seed: number; date: string; hash: string; command: string; assumptions: string };
  [section: string]: unknown;
}

/** Keys this module writes itself; every other array of rows in a result is exported as it stands. */
const KNOWN = new Set([
  'question',
  'date',
  'baseline',
  'proposal',
  'persons',
  'errors',
  'changed',
  'transitions',
  'money',
  'yearly_cost_difference',
  'assumptions',
  'breakdowns',
  'examples',
  'population',
]);

const col = (key: string, pl: string, en: string, kind: ColumnKind): TableColumn => ({ key, label: { pl, en }, kind });

/** Names in the catalogue's words when it is given (outcomes, amounts, facts and their values), the code otherwise. */
function namer(catalogue: Catalogue | undefined, question: string) {
  const q = catalogue?.questions.get(question);
  return {
    outcome: (id: string, lang: Lang) => catalogue?.outcomes.get(id)?.[lang] ?? id,
    amount: (id: string, lang: Lang) => q?.labels[id]?.[lang] ?? id,
    fact: (id: string, lang: Lang) => catalogue?.facts.get(id)?.label[lang] ?? id,
    value: (fact: string, v: string, lang: Lang) => catalogue?.facts.get(fact)?.value_labels?.[v]?.[lang] ?? v,
  };
}

/** A column's kind guessed from its key and values, for sections this module does not know by name. */
function guessKind(key: string, values: unknown[]): ColumnKind {
  if (!values.every((v) => v === null || v === undefined || typeof v === 'number')) return 'text';
  if (/share|percent|rate/.test(key)) return 'percent';
  if (/cost|delta|sum|amount|pln|money|mean/.test(key)) return 'money';
  return 'count';
}

/** Each further key of the result that holds an array of flat rows, as a table with one column per key. */
function extraTables(result: TabulatedResult): ResultTable[] {
  const out: ResultTable[] = [];
  for (const [id, value] of Object.entries(result)) {
    if (KNOWN.has(id) || !Array.isArray(value) || !value.length) continue;
    if (!value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) continue;
    const rows = value as Record<string, unknown>[];
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) =>
      rows.every((r) => r[k] === undefined || r[k] === null || ['string', 'number', 'boolean'].includes(typeof r[k])),
    );
    out.push({
      id,
      title: { pl: id, en: id },
      columns: keys.map((k) =>
        col(
          k,
          k,
          k,
          guessKind(
            k,
            rows.map((r) => r[k]),
          ),
        ),
      ),
      rows: rows.map((r) =>
        Object.fromEntries(keys.map((k) => [k, typeof r[k] === 'boolean' ? String(r[k]) : ((r[k] as TableCell) ?? null)])),
      ),
    });
  }
  return out;
}

/**
 * A run's result as tables, the one shape every export writes: its assumptions and sources, the change matrix, the
 * money per amount with the yearly cost, the histogram of changes, the breakdowns, the rows that could not be read,
 * and any further section of flat rows a result carries. Labels come from the catalogue when it is given.
 */
export function resultTables(result: TabulatedResult, options: { catalogue?: Catalogue; lang?: Lang } = {}): ResultTable[] {
  const n = namer(options.catalogue, result.question);
  const lang = options.lang ?? 'pl';
  const facts: Record<string, TableCell>[] = [];
  const fact = (key: string, label: LocalText, value: TableCell) =>
    facts.push({ item: key, label_pl: label.pl, label_en: label.en, value });
  fact('question', { pl: 'Pytanie', en: 'Question' }, result.question);
  fact('date', { pl: 'Dzień', en: 'Date' }, result.date);
  fact('baseline', { pl: 'Wersja obowiązująca', en: 'Baseline version' }, result.baseline.version);
  fact('baseline_hash', { pl: 'Skrót wersji obowiązującej', en: 'Baseline hash' }, result.baseline.hash);
  fact('proposal', { pl: 'Projekt', en: 'Proposal' }, result.proposal.version);
  fact('proposal_hash', { pl: 'Skrót projektu', en: 'Proposal hash' }, result.proposal.hash);
  const p = result.population;
  if (p) {
    fact('population_source', { pl: 'Źródło populacji', en: 'Population source' }, p.source);
    fact('population_hash', { pl: 'Skrót populacji', en: 'Population hash' }, p.hash);
    if (p.source === 'generated') {
      fact('population_size', { pl: 'Liczebność', en: 'Size' }, p.size);
      fact('population_seed', { pl: 'Ziarno losowania', en: 'Seed' }, p.seed);
      fact('population_command', { pl: 'Polecenie', en: 'Command' }, p.command);
      fact('population_assumptions', { pl: 'Założenia populacji', en: 'Population assumptions' }, p.assumptions);
    }
  }
  fact('persons', { pl: 'Osoby', en: 'Persons' }, result.persons);
  fact('bad_rows', { pl: 'Wiersze odrzucone', en: 'Rows refused' }, result.errors.count);
  fact('changed', { pl: 'Osoby ze zmienioną odpowiedzią', en: 'Persons whose answer changed' }, result.changed);
  fact('months_per_year', { pl: 'Miesięcy w roku', en: 'Months a year' }, result.assumptions.months_per_year);
  fact('assumptions', { pl: 'Założenie kosztu rocznego', en: 'Yearly cost assumption' }, result.assumptions.text);

  const tables: ResultTable[] = [
    {
      id: ASSUMPTIONS_TABLE,
      title: { pl: 'Założenia i źródła', en: 'Assumptions and sources' },
      columns: [
        col('item', 'Pozycja', 'Item', 'text'),
        col('label_pl', 'Opis', 'Description (Polish)', 'text'),
        col('label_en', 'Opis (angielski)', 'Description', 'text'),
        col('value', 'Wartość', 'Value', 'text'),
      ],
      rows: facts,
    },
    {
      id: 'transitions',
      title: { pl: 'Macierz zmian rozstrzygnięć', en: 'Change matrix of outcomes' },
      columns: [
        col('from', 'Przed (kod)', 'Before (code)', 'text'),
        col('from_label', 'Przed', 'Before', 'text'),
        col('to', 'Po (kod)', 'After (code)', 'text'),
        col('to_label', 'Po', 'After', 'text'),
        col('persons', 'Osoby', 'Persons', 'count'),
      ],
      rows: Object.entries(result.transitions).map(([key, persons]) => {
        const [from = '', to = ''] = key.split(' → ');
        return { from, from_label: n.outcome(from, lang), to, to_label: n.outcome(to, lang), persons };
      }),
    },
    {
      id: 'money',
      title: { pl: 'Kwoty: zmiana miesięczna i roczna', en: 'Amounts: monthly and yearly change' },
      columns: [
        col('amount', 'Kwota (kod)', 'Amount (code)', 'text'),
        col('amount_label', 'Kwota', 'Amount', 'text'),
        col('gainers', 'Zyskują (osoby)', 'Gainers', 'count'),
        col('losers', 'Tracą (osoby)', 'Losers', 'count'),
        col('total_delta', 'Zmiana miesięczna (zł)', 'Monthly change (PLN)', 'money'),
        col('gain_sum', 'Suma zysków (zł)', 'Sum of gains (PLN)', 'money'),
        col('loss_sum', 'Suma strat (zł)', 'Sum of losses (PLN)', 'money'),
        col('mean_gain', 'Średni zysk (zł)', 'Mean gain (PLN)', 'money'),
        col('mean_loss', 'Średnia strata (zł)', 'Mean loss (PLN)', 'money'),
        col('yearly_cost_difference', 'Zmiana roczna (zł)', 'Yearly change (PLN)', 'money'),
      ],
      rows: Object.entries(result.money).map(([amount, m]) => ({
        amount,
        amount_label: n.amount(amount, lang),
        gainers: m.gainers,
        losers: m.losers,
        total_delta: m.total_delta,
        gain_sum: m.gain_sum,
        loss_sum: m.loss_sum,
        mean_gain: m.mean_gain,
        mean_loss: m.mean_loss,
        yearly_cost_difference: result.yearly_cost_difference[amount] ?? null,
      })),
    },
    {
      id: 'histogram',
      title: { pl: 'Rozkład zmian kwot', en: 'Distribution of changes' },
      columns: [
        col('amount', 'Kwota', 'Amount', 'text'),
        col('from', 'Od (zł)', 'From (PLN)', 'money'),
        col('to', 'Do (zł)', 'To (PLN)', 'money'),
        col('persons', 'Osoby', 'Persons', 'count'),
      ],
      rows: Object.entries(result.money).flatMap(([amount, m]) =>
        m.histogram.map((b) => ({ amount, from: finite(b.from), to: finite(b.to), persons: b.persons })),
      ),
    },
    {
      id: 'breakdowns',
      title: { pl: 'Podział według faktów', en: 'Breakdown by facts' },
      columns: [
        col('fact', 'Fakt (kod)', 'Fact (code)', 'text'),
        col('fact_label', 'Fakt', 'Fact', 'text'),
        col('value', 'Wartość (kod)', 'Value (code)', 'text'),
        col('value_label', 'Wartość', 'Value', 'text'),
        col('persons', 'Osoby', 'Persons', 'count'),
        col('changed', 'Ze zmianą', 'Changed', 'count'),
        col('total_delta', 'Zmiana miesięczna (zł)', 'Monthly change (PLN)', 'money'),
      ],
      rows: Object.entries(result.breakdowns).flatMap(([f, table]) =>
        Object.entries(table).map(([value, c]) => ({
          fact: f,
          fact_label: n.fact(f, lang),
          value,
          value_label: n.value(f, value, lang),
          ...c,
        })),
      ),
    },
    {
      id: 'errors',
      title: { pl: 'Wiersze odrzucone', en: 'Rows refused' },
      columns: [col('line', 'Wiersz', 'Line', 'count'), col('reason', 'Powód', 'Reason', 'text')],
      rows: result.errors.first.map((e) => ({ line: e.line, reason: e.reason })),
    },
  ];
  return [...tables, ...extraTables(result)];
}

/** Histogram edges: an open end (±∞, or null as stored) is an empty cell. */
function finite(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : x;
}
