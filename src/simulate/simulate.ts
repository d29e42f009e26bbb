import type { CompiledAnswer, CompiledLibrary } from '../compile/compile.ts';
import type { Library } from '../library.ts';
import { CONFIDENCE_LABELS } from '../population/caseloads/confidence.ts';
import { calibrationOf } from '../population/caseloads/generate-caseload.ts';
import type { Caseload } from '../population/caseloads/types.ts';
import type { PopulationRow } from '../population/read/types.ts';
import type { Answer } from '../schema/answer.ts';
import type { LocalText } from '../schema/common.ts';
import { formatCount } from '../text/format.ts';
import {
  announcedThrough,
  DEFAULT_INDEXATION,
  indexed,
  indexFactor,
  type WindowOptions,
  type WindowYear,
  windowYears,
} from './budget-window.ts';
import { micro, weightedCount, weightedPln } from './exact.ts';
import { type Bin, freedmanDiaconis } from './freedman-diaconis.ts';

export type { PopulationRow };

export interface SimulationInput {
  library: Library;
  compiled: CompiledLibrary;
  question: string;
  date: string;
  /** The version compared against; the law in force on `date` when absent. */
  baseline?: string;
  /** A proposal's name (or a version) to trial. */
  proposal: string;
  rows: AsyncIterable<PopulationRow> | Iterable<PopulationRow>;
  /** Where the baseline is read when it is not `library` (a proposal that changes parameters is set against the law as published). */
  baselineLibrary?: { library: Library; compiled: CompiledLibrary };
  /** Fact columns to break the results down by. */
  by?: string[];
  /** Months a year each person is paid, for the yearly cost; stated in the result. */
  monthsPerYear?: number;
  examplesPerKind?: number;
  /** The national caseload the population stands for: its calibration targets and payer go into the result. */
  caseload?: Caseload | undefined;
  /** A budget window: each year evaluated on the run's day in that year, later-than-announced years indexed. */
  window?: WindowOptions | undefined;
  onProgress?: (persons: number) => void;
  /** Called for each person whose answer changes (e.g. to write them to a CSV as they come). */
  onChange?: (
    row: { line: number; facts: Record<string, unknown> },
    before: CompiledAnswer,
    after: CompiledAnswer,
    kind: string,
  ) => void;
}

/** Bins of a change in złoty, for the distribution of gains and losses. */
export const DELTA_BINS = [-Infinity, -1000, -500, -200, -100, -50, -10, -0.005, 0.005, 10, 50, 100, 200, 500, 1000, Infinity];

export interface MoneyImpact {
  gainers: number;
  losers: number;
  /** Sum of all changes, PLN per month (exact to the grosz). */
  total_delta: number;
  gain_sum: number;
  loss_sum: number;
  mean_gain: number;
  mean_loss: number;
  histogram: { from: number; to: number; persons: number }[];
  /** The changes binned by the Freedman–Diaconis rule (null when too many distinct changes were seen to keep). */
  fd_histogram: { width: number; bins: Bin[] } | null;
}

/** One amount's totals, counted (each row once) and weighted (each row × its weight, exact to the grosz). */
export interface TotalRow {
  amount: string;
  counted_total_delta: number;
  weighted_total_delta: number;
  counted_yearly: number;
  weighted_yearly: number;
}

/** One calibration target beside what the weighted population gives, with the target's source. */
export interface CalibrationRow {
  /** `national`, or a voivodeship's TERYT name. */
  target: string;
  expected: number;
  weighted: number;
  difference_percent: number;
  source: string;
  source_year: number;
  url: string | null;
  confidence: string;
}

/** One voivodeship's persons, changes and money, counted and weighted. */
export interface RegionRow {
  voivodeship: string;
  persons: number;
  weighted_persons: number;
  changed: number;
  weighted_changed: number;
  total_delta: number;
  weighted_total_delta: number;
}

/** One year of a budget window: what the amount costs a year under each version, counted and weighted. */
export interface WindowRow {
  year: number;
  date: string;
  evaluated_on: string;
  indexed: boolean;
  index_factor: number;
  baseline_cost: number;
  proposal_cost: number;
  cost_difference: number;
  weighted_baseline_cost: number;
  weighted_proposal_cost: number;
  weighted_cost_difference: number;
}

export interface BudgetWindow {
  amount: string;
  rate_percent: number;
  rate_reason: LocalText;
  /** The last year whose parameter values are announced: later years are indexed. */
  announced_through: number;
  labour_fund: boolean;
  payer: LocalText | null;
  rows: WindowRow[];
}

export interface SimulationResult {
  question: string;
  date: string;
  baseline: { version: string | null; hash: string | null };
  proposal: { version: string; hash: string };
  persons: number;
  errors: { count: number; first: { line: number; reason: string }[] };
  /** Persons whose answer changed at all: outcome, any amount, or any value. */
  changed: number;
  /** Persons whose outcome changed (a subset of `changed`). */
  changed_outcomes: number;
  /** The same counts and every amount's totals, each row counted by its weight (1 when the population has none). */
  weighted: { persons: number; changed: number; changed_outcomes: number; totals: TotalRow[] };
  /** Who the population stands for, when the question's caseload is stated. */
  caseload: { population: LocalText; unit: LocalText; payer: LocalText; labour_fund: boolean; payer_basis: string } | null;
  calibration: CalibrationRow[];
  regions: RegionRow[];
  budget_window: BudgetWindow | null;
  /** `from → to` outcome counts, unchanged ones included. */
  transitions: Record<string, number>;
  money: Record<string, MoneyImpact>;
  yearly_cost_difference: Record<string, number>;
  /** The assumption in words, in Polish (the summaries of the command line say it in either language). */
  assumptions: { months_per_year: number; text: string; statements: LocalText[] };
  breakdowns: Record<string, Record<string, { persons: number; changed: number; total_delta: number }>>;
  examples: Record<string, { line: number; facts: Record<string, unknown>; baseline: Answer; proposal: Answer }[]>;
}

/** Past this many distinct changes the data's own bins are not kept (the fixed bins still are). */
const MAX_DISTINCT_DELTAS = 200_000;

const grosze = (pln: number) => Math.round(pln * 100);

/** Per-region tallies: counted as integers, weighted in millionths. */
interface RegionCell {
  persons: number;
  weighted: bigint;
  changed: number;
  weightedChanged: bigint;
  total: number;
  weightedTotal: bigint;
}

/** Per-year tallies of a budget window: grosze before and after, counted and × weight millionths. */
interface YearCell {
  before: bigint;
  after: bigint;
  weightedBefore: bigint;
  weightedAfter: bigint;
}

/**
 * Runs a baseline and a proposal over a population, streaming: memory holds counters and a
 * bounded number of examples, never the population. Every total is kept counted and weighted (a row's
 * `weight`, 1 when absent), exact in grosze; rows' regions feed a regional table, never the rules.
 */
export async function simulate(input: SimulationInput): Promise<SimulationResult> {
  const { library, compiled, question, date, proposal } = input;
  const base = input.baselineLibrary ?? { library, compiled };
  const baselineIr = input.baseline ? base.library.version(question, input.baseline) : base.library.versionOn(question, date);
  const proposalIr = library.version(question, proposal);
  if (!proposalIr) throw new Error(`${question} has no proposal or version "${proposal}"`);
  const amounts = library.catalogue.questions.get(question)?.amounts ?? [];
  const monthsPerYear = input.monthsPerYear ?? 12;
  const perKind = input.examplesPerKind ?? 10;

  let persons = 0;
  let changed = 0;
  let changedOutcomes = 0;
  let weightedPersons = 0n;
  let weightedChanged = 0n;
  let weightedChangedOutcomes = 0n;
  let errorCount = 0;
  const firstErrors: { line: number; reason: string }[] = [];
  const transitions = new Map<string, number>();
  const money = new Map(
    amounts.map((a) => [
      a,
      {
        gainers: 0,
        losers: 0,
        total: 0,
        gain: 0,
        loss: 0,
        weightedTotal: 0n,
        bins: new Array<number>(DELTA_BINS.length - 1).fill(0),
        // Changes in grosze by how often each occurs: few distinct values, so the data's own bins cost little memory.
        deltas: new Map<number, number>() as Map<number, number> | null,
      },
    ]),
  );
  const breakdowns = new Map(
    (input.by ?? []).map((b) => [b, new Map<string, { persons: number; changed: number; total: number }>()]),
  );
  const regions = new Map<string, RegionCell>();
  const examples = new Map<string, { line: number; facts: Record<string, unknown> }[]>();
  // Both versions bound once: a person costs two plain function calls.
  const baselineName = input.baseline ?? baselineIr?.name;
  const answerBefore = baselineName ? base.compiled.bind(question, date, baselineName) : base.compiled.bind(question, date);
  const answerAfter = compiled.bind(question, date, proposal);

  // A budget window binds each distinct evaluation day once; its years share the population's single pass.
  const windowAmount = amounts[0];
  const announced = input.window
    ? announcedThrough(library, new Set([...(baselineIr?.parameters ?? []), ...proposalIr.parameters]))
    : 0;
  const years: WindowYear[] = input.window && windowAmount ? windowYears(date, input.window, announced) : [];
  const bound = new Map(
    [...new Set(years.map((y) => y.evaluatedOn))].map((day) => [
      day,
      {
        before: input.baseline ? compiled.bind(question, day, input.baseline) : compiled.bind(question, day),
        after: compiled.bind(question, day, proposal),
      },
    ]),
  );
  const yearCells = new Map<string, YearCell>(
    [...bound.keys()].map((d) => [d, { before: 0n, after: 0n, weightedBefore: 0n, weightedAfter: 0n }]),
  );

  for await (const row of input.rows) {
    if ('error' in row) {
      errorCount++;
      if (firstErrors.length < 100) firstErrors.push({ line: row.line, reason: row.error.reason });
      continue;
    }
    persons++;
    const w = micro(row.weight);
    weightedPersons += w;
    if (input.onProgress && persons % 10_000 === 0) input.onProgress(persons);
    const before = answerBefore(row.facts);
    const after = answerAfter(row.facts);
    const key = `${before.outcome} → ${after.outcome}`;
    transitions.set(key, (transitions.get(key) ?? 0) + 1);
    let delta = 0;
    let moneyChanged = false;
    for (const [name, m] of money) {
      const d = grosze(after.amounts[name] ?? 0) - grosze(before.amounts[name] ?? 0);
      if (name === amounts[0]) delta = d;
      if (d === 0) continue;
      moneyChanged = true;
      m.total += d;
      m.weightedTotal += BigInt(d) * w;
      if (d > 0) {
        m.gainers++;
        m.gain += d;
      } else {
        m.losers++;
        m.loss += d;
      }
      if (m.deltas) {
        m.deltas.set(d, (m.deltas.get(d) ?? 0) + 1);
        if (m.deltas.size > MAX_DISTINCT_DELTAS) m.deltas = null;
      }
      const pln = d / 100;
      const bin = DELTA_BINS.findIndex((edge, i) => pln >= edge && pln < (DELTA_BINS[i + 1] as number));
      m.bins[bin] = (m.bins[bin] ?? 0) + 1;
    }
    const outcomeChanged = before.outcome !== after.outcome;
    const isChanged = outcomeChanged || moneyChanged || !plainEqual(before.values, after.values);
    if (outcomeChanged) {
      changedOutcomes++;
      weightedChangedOutcomes += w;
    }
    if (isChanged) {
      changed++;
      weightedChanged += w;
      const kind = outcomeChanged
        ? key
        : delta > 0
          ? `${after.outcome}: gains`
          : delta < 0
            ? `${after.outcome}: loses`
            : `${after.outcome}: values change`;
      input.onChange?.(row, before, after, kind);
      const list = examples.get(kind) ?? [];
      if (list.length < perKind) list.push({ line: row.line, facts: row.facts });
      examples.set(kind, list);
    }
    for (const [fact, table] of breakdowns) {
      for (const value of breakdownKeys(row.facts[fact])) {
        const cell = table.get(value) ?? { persons: 0, changed: 0, total: 0 };
        cell.persons++;
        if (isChanged) cell.changed++;
        cell.total += delta;
        table.set(value, cell);
      }
    }
    const region = row.attributes?.voivodeship;
    if (region !== undefined) {
      const cell = regions.get(region) ?? {
        persons: 0,
        weighted: 0n,
        changed: 0,
        weightedChanged: 0n,
        total: 0,
        weightedTotal: 0n,
      };
      cell.persons++;
      cell.weighted += w;
      if (isChanged) {
        cell.changed++;
        cell.weightedChanged += w;
      }
      cell.total += delta;
      cell.weightedTotal += BigInt(delta) * w;
      regions.set(region, cell);
    }
    for (const [day, fns] of bound) {
      const a = windowAmount as string;
      const b = BigInt(grosze(fns.before(row.facts).amounts[a] ?? 0));
      const p = BigInt(grosze(fns.after(row.facts).amounts[a] ?? 0));
      const cell = yearCells.get(day) as YearCell;
      cell.before += b;
      cell.after += p;
      cell.weightedBefore += b * w;
      cell.weightedAfter += p * w;
    }
  }

  // Full reasons, from json-rules-engine, only for the few examples kept.
  const explained: SimulationResult['examples'] = {};
  for (const [kind, list] of examples) {
    explained[kind] = await Promise.all(
      list.map(async (e) => ({
        ...e,
        baseline: await base.library.decide({
          question,
          date,
          facts: e.facts,
          ...(input.baseline ? { version: input.baseline } : {}),
        }),
        proposal: await library.decide({ question, date, facts: e.facts, version: proposal }),
      })),
    );
  }
  const pln = (g: number) => g / 100;
  const months = BigInt(monthsPerYear);
  const caseload = input.caseload;
  const regionRows: RegionRow[] = [...regions]
    .sort(([a], [b]) => a.localeCompare(b, 'pl'))
    .map(([voivodeship, c]) => ({
      voivodeship,
      persons: c.persons,
      weighted_persons: weightedCount(c.weighted),
      changed: c.changed,
      weighted_changed: weightedCount(c.weightedChanged),
      total_delta: pln(c.total),
      weighted_total_delta: weightedPln(c.weightedTotal),
    }));
  const rate = input.window?.ratePercent ?? DEFAULT_INDEXATION.ratePercent;
  const statements: LocalText[] = [
    {
      pl: `Każda osoba otrzymuje kwotę przez ${formatCount(monthsPerYear, ['miesiąc', 'miesiące', 'miesięcy'], 'pl')} w roku: koszt roczny to kwota miesięczna × ${monthsPerYear}.`,
      en: `Each person is paid the amount for ${monthsPerYear} ${monthsPerYear === 1 ? 'month' : 'months'} a year: the yearly cost is the monthly amount × ${monthsPerYear}.`,
    },
  ];
  if (caseload) statements.push(...caseloadStatements(caseload, date));
  if (years.some((y) => y.indexedYears > 0))
    statements.push({
      pl: `Wartości parametrów są ogłoszone do ${announced} r.; kwoty w latach późniejszych to kwoty z ${announced} r. indeksowane o ${String(rate).replace('.', ',')} % rocznie. ${DEFAULT_INDEXATION.reason.pl}`,
      en: `Parameter values are announced through ${announced}; the amounts of later years are those of ${announced} indexed by ${rate} % a year. ${DEFAULT_INDEXATION.reason.en}`,
    });
  return {
    question,
    date,
    baseline: { version: baselineIr?.name ?? null, hash: baselineIr?.hash ?? null },
    proposal: { version: proposalIr.name, hash: proposalIr.hash },
    persons,
    errors: { count: errorCount, first: firstErrors },
    changed,
    changed_outcomes: changedOutcomes,
    weighted: {
      persons: weightedCount(weightedPersons),
      changed: weightedCount(weightedChanged),
      changed_outcomes: weightedCount(weightedChangedOutcomes),
      totals: [...money].map(([amount, m]) => ({
        amount,
        counted_total_delta: pln(m.total),
        weighted_total_delta: weightedPln(m.weightedTotal),
        counted_yearly: pln(m.total * monthsPerYear),
        weighted_yearly: weightedPln(m.weightedTotal * months),
      })),
    },
    caseload: caseload
      ? {
          population: caseload.population,
          unit: caseload.unit,
          payer: caseload.payer.label,
          labour_fund: caseload.payer.labourFund,
          payer_basis: caseload.payer.basis,
        }
      : null,
    calibration: caseload ? calibrationRows(caseload, date, weightedCount(weightedPersons), regionRows) : [],
    regions: regionRows,
    budget_window:
      input.window && windowAmount
        ? {
            amount: windowAmount,
            rate_percent: rate,
            rate_reason: DEFAULT_INDEXATION.reason,
            announced_through: announced,
            labour_fund: caseload?.payer.labourFund ?? false,
            payer: caseload?.payer.label ?? null,
            rows: years.map((y) => windowRow(y, yearCells.get(y.evaluatedOn) as YearCell, rate, months)),
          }
        : null,
    transitions: Object.fromEntries([...transitions].sort(([a], [b]) => a.localeCompare(b))),
    money: Object.fromEntries(
      [...money].map(([name, m]) => [
        name,
        {
          gainers: m.gainers,
          losers: m.losers,
          total_delta: pln(m.total),
          gain_sum: pln(m.gain),
          loss_sum: pln(m.loss),
          mean_gain: m.gainers ? Math.round(m.gain / m.gainers) / 100 : 0,
          mean_loss: m.losers ? Math.round(m.loss / m.losers) / 100 : 0,
          histogram: m.bins.map((persons, i) => ({ from: DELTA_BINS[i] as number, to: DELTA_BINS[i + 1] as number, persons })),
          fd_histogram: m.deltas ? freedmanDiaconis(m.deltas) : null,
        },
      ]),
    ),
    yearly_cost_difference: Object.fromEntries([...money].map(([name, m]) => [name, pln(m.total * monthsPerYear)])),
    assumptions: {
      months_per_year: monthsPerYear,
      text: `Każda osoba z populacji otrzymuje tę kwotę przez ${formatCount(monthsPerYear, ['miesiąc', 'miesiące', 'miesięcy'], 'pl')} w roku; różnica roczna to różnica miesięczna × ${monthsPerYear}${caseload ? `, płacona z: ${caseload.payer.label.pl}` : ''}.`,
      statements,
    },
    breakdowns: Object.fromEntries(
      [...breakdowns].map(([fact, table]) => [
        fact,
        Object.fromEntries(
          [...table].map(([v, c]) => [v, { persons: c.persons, changed: c.changed, total_delta: pln(c.total) }]),
        ),
      ]),
    ),
    examples: explained,
  };
}

/** One year's costs: monthly sums × months, indexed when the year is not announced, rounded once. */
function windowRow(y: WindowYear, c: YearCell, rate: number, months: bigint): WindowRow {
  const k = y.indexedYears;
  const counted = (g: bigint) => Number(indexed(g * months, rate, k)) / 100;
  const weighted = (gm: bigint) => weightedPln(indexed(gm * months, rate, k));
  return {
    year: y.year,
    date: y.date,
    evaluated_on: y.evaluatedOn,
    indexed: k > 0,
    index_factor: indexFactor(rate, k),
    baseline_cost: counted(c.before),
    proposal_cost: counted(c.after),
    cost_difference: counted(c.after - c.before),
    weighted_baseline_cost: weighted(c.weightedBefore),
    weighted_proposal_cost: weighted(c.weightedAfter),
    weighted_cost_difference: weighted(c.weightedAfter - c.weightedBefore),
  };
}

/** The national size and each region's part, beside what the weights give, each with its source. */
function calibrationRows(caseload: Caseload, date: string, weightedPersons: number, regions: RegionRow[]): CalibrationRow[] {
  const { size, regions: expected } = calibrationOf(caseload, date);
  const row = (target: string, exp: number, got: number, src: typeof size.source): CalibrationRow => ({
    target,
    expected: Math.round(exp * 100) / 100,
    weighted: got,
    difference_percent: exp === 0 ? 0 : Math.round(((got - exp) / exp) * 10_000) / 100,
    source: `${src.publisher}: ${src.title}`,
    source_year: src.year,
    url: src.url,
    confidence: src.confidence,
  });
  const byRegion = new Map(regions.map((r) => [r.voivodeship, r.weighted_persons]));
  return [
    row('national', size.value, weightedPersons, size.source),
    ...(regions.length
      ? Object.entries(expected).map(([v, exp]) => row(v, exp, byRegion.get(v) ?? 0, caseload.regions.source))
      : []),
  ];
}

/** The caseload's assumptions in words: who the population is, its size and source, and a carried year. */
function caseloadStatements(caseload: Caseload, date: string): LocalText[] {
  const { size } = calibrationOf(caseload, date);
  const out: LocalText[] = [
    {
      pl: `Populacja oznacza: ${caseload.population.pl}; ${size.value.toLocaleString('pl-PL')} w ${size.year} r. (${CONFIDENCE_LABELS[size.source.confidence].pl}). ${size.source.note.pl}`,
      en: `The population stands for: ${caseload.population.en}; ${size.value.toLocaleString('en-GB')} in ${size.year} (${CONFIDENCE_LABELS[size.source.confidence].en}). ${size.source.note.en}`,
    },
    {
      pl: `Rozkład na województwa: ${caseload.regions.source.note.pl}`,
      en: `Regional spread: ${caseload.regions.source.note.en}`,
    },
  ];
  if (size.carried)
    out.push({
      pl: `Liczba z ${size.year} r. przeniesiona na ${date.slice(0, 4)} r. (założenie: brak nowszej liczby).`,
      en: `The ${size.year} figure is carried to ${date.slice(0, 4)} (assumption: no later figure).`,
    });
  return out;
}

/** Equality of two answers' values (numbers, texts, booleans, lists of them), key order aside. */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && plainEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The cells a fact's value counts in: each item of a list, "(none)" for an empty one, "(absent)" when not given. */
function breakdownKeys(value: unknown): string[] {
  if (value === undefined) return ['(absent)'];
  if (Array.isArray(value))
    return value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))) : ['(none)'];
  return [String(value)];
}
