import type { CompiledAnswer, CompiledLibrary } from '../compile/compile.ts';
import type { Library } from '../library.ts';
import type { PopulationRow } from '../population/read/types.ts';
import type { Answer } from '../schema/answer.ts';
import { formatCount } from '../text/format.ts';

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
}

export interface SimulationResult {
  question: string;
  date: string;
  baseline: { version: string | null; hash: string | null };
  proposal: { version: string; hash: string };
  persons: number;
  errors: { count: number; first: { line: number; reason: string }[] };
  changed: number;
  /** `from → to` outcome counts, unchanged ones included. */
  transitions: Record<string, number>;
  money: Record<string, MoneyImpact>;
  yearly_cost_difference: Record<string, number>;
  /** The assumption in words, in Polish (the summaries of the command line say it in either language). */
  assumptions: { months_per_year: number; text: string };
  breakdowns: Record<string, Record<string, { persons: number; changed: number; total_delta: number }>>;
  examples: Record<string, { line: number; facts: Record<string, unknown>; baseline: Answer; proposal: Answer }[]>;
}

const grosze = (pln: number) => Math.round(pln * 100);

/**
 * Runs a baseline and a proposal over a population, streaming: memory holds counters and a
 * bounded number of examples, never the population.
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
  let errorCount = 0;
  const firstErrors: { line: number; reason: string }[] = [];
  const transitions = new Map<string, number>();
  const money = new Map(
    amounts.map((a) => [
      a,
      { gainers: 0, losers: 0, total: 0, gain: 0, loss: 0, bins: new Array<number>(DELTA_BINS.length - 1).fill(0) },
    ]),
  );
  const breakdowns = new Map(
    (input.by ?? []).map((b) => [b, new Map<string, { persons: number; changed: number; total: number }>()]),
  );
  const examples = new Map<string, { line: number; facts: Record<string, unknown> }[]>();
  // Both versions bound once: a person costs two plain function calls.
  const baselineName = input.baseline ?? baselineIr?.name;
  const answerBefore = baselineName ? base.compiled.bind(question, date, baselineName) : base.compiled.bind(question, date);
  const answerAfter = compiled.bind(question, date, proposal);

  for await (const row of input.rows) {
    if ('error' in row) {
      errorCount++;
      if (firstErrors.length < 100) firstErrors.push({ line: row.line, reason: row.error.reason });
      continue;
    }
    persons++;
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
      if (d > 0) {
        m.gainers++;
        m.gain += d;
      } else {
        m.losers++;
        m.loss += d;
      }
      const pln = d / 100;
      const bin = DELTA_BINS.findIndex((edge, i) => pln >= edge && pln < (DELTA_BINS[i + 1] as number));
      m.bins[bin] = (m.bins[bin] ?? 0) + 1;
    }
    const isChanged = before.outcome !== after.outcome || moneyChanged || !plainEqual(before.values, after.values);
    if (isChanged) {
      changed++;
      const kind =
        before.outcome !== after.outcome
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
  return {
    question,
    date,
    baseline: { version: baselineIr?.name ?? null, hash: baselineIr?.hash ?? null },
    proposal: { version: proposalIr.name, hash: proposalIr.hash },
    persons,
    errors: { count: errorCount, first: firstErrors },
    changed,
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
        },
      ]),
    ),
    yearly_cost_difference: Object.fromEntries([...money].map(([name, m]) => [name, pln(m.total * monthsPerYear)])),
    assumptions: {
      months_per_year: monthsPerYear,
      text: `Każda osoba z populacji otrzymuje tę kwotę przez ${formatCount(monthsPerYear, ['miesiąc', 'miesiące', 'miesięcy'], 'pl')} w roku; różnica roczna to różnica miesięczna × ${monthsPerYear}, płacona z Funduszu Pracy.`,
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
