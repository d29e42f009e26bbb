import type { CompiledLibrary } from '../compile/compile.ts';
import type { Library } from '../library.ts';
import { Rational } from '../money/rational.ts';

/** A stored decision as a replay reads it: what was asked and what was answered then (no reasons). */
export interface StoredDecision {
  id: string;
  question: string;
  date: string;
  facts: Record<string, unknown>;
  outcome: string;
  amounts: Record<string, number>;
}

/** How many decisions went from one outcome to another, per question. */
export interface ImpactCell {
  question: string;
  from: string;
  to: string;
  count: number;
}

/** Money one amount of one question gains and loses over the decisions that changed: exact decimal totals. */
export interface ImpactAmount {
  question: string;
  amount: string;
  gained: { total: string; count: number };
  lost: { total: string; count: number };
  /** gained − lost. */
  net: string;
}

/** A decision that would change, named by id, to be shown as an example. */
export interface ImpactCandidate {
  id: string;
  question: string;
  from: string;
  to: string;
}

/** What replaying a set of decisions found; tallies of several sets merge into one. */
export interface ImpactTally {
  replayed: number;
  changed: number;
  /** Decisions the changed law could not answer (a fact it no longer knows, a version gone): counted, not compared. */
  failed: number;
  failures: { id: string; message: string }[];
  matrix: ImpactCell[];
  amounts: ImpactAmount[];
  candidates: ImpactCandidate[];
}

/** How many examples a tally keeps per from→to pair, and how many failures it names. */
const PER_PAIR = 2;
const NAMED_FAILURES = 5;

/** An empty tally. */
export function emptyTally(): ImpactTally {
  return { replayed: 0, changed: 0, failed: 0, failures: [], matrix: [], amounts: [], candidates: [] };
}

/**
 * The version a decision is replayed under in the changed law: a proposal's own version (named by the change
 * set's id) when it has one for the question, otherwise the version the changed law has in force on the day.
 */
export function replayVersion(library: Library, question: string, proposal: string | undefined): string | undefined {
  return proposal && library.version(question, proposal) ? proposal : undefined;
}

const key = (...parts: string[]) => parts.join('\u0000');

/**
 * Replays stored decisions under a changed law (its compiled functions, proven equal to the interpreter) and
 * tallies what would change: outcomes from→to, and every amount's difference, exactly.
 */
export function replayDecisions(
  library: Library,
  compiled: CompiledLibrary,
  rows: Iterable<StoredDecision>,
  proposal: string | undefined,
): ImpactTally {
  const cells = new Map<string, ImpactCell>();
  const money = new Map<string, { question: string; amount: string; gained: Rational; gc: number; lost: Rational; lc: number }>();
  const perPair = new Map<string, number>();
  const tally = emptyTally();
  for (const row of rows) {
    let after: { outcome: string; amounts: Record<string, number> };
    try {
      after = compiled.decide(row.question, row.date, row.facts, replayVersion(library, row.question, proposal));
    } catch (e) {
      tally.failed++;
      if (tally.failures.length < NAMED_FAILURES) tally.failures.push({ id: row.id, message: (e as Error).message });
      continue;
    }
    tally.replayed++;
    const deltas = amountDeltas(row.amounts, after.amounts);
    const changed = after.outcome !== row.outcome || deltas.some((d) => d.delta.cmp(Rational.of(0n)) !== 0);
    const cellKey = key(row.question, row.outcome, after.outcome);
    const cell = cells.get(cellKey) ?? { question: row.question, from: row.outcome, to: after.outcome, count: 0 };
    cell.count++;
    cells.set(cellKey, cell);
    if (!changed) continue;
    tally.changed++;
    for (const { amount, delta } of deltas) {
      const sign = delta.cmp(Rational.of(0n));
      if (sign === 0) continue;
      const k = key(row.question, amount);
      const m = money.get(k) ?? { question: row.question, amount, gained: Rational.of(0n), gc: 0, lost: Rational.of(0n), lc: 0 };
      if (sign > 0) {
        m.gained = m.gained.add(delta);
        m.gc++;
      } else {
        m.lost = m.lost.sub(delta);
        m.lc++;
      }
      money.set(k, m);
    }
    const shown = perPair.get(cellKey) ?? 0;
    if (shown < PER_PAIR) {
      perPair.set(cellKey, shown + 1);
      tally.candidates.push({ id: row.id, question: row.question, from: row.outcome, to: after.outcome });
    }
  }
  tally.matrix = [...cells.values()];
  tally.amounts = [...money.values()].map((m) => ({
    question: m.question,
    amount: m.amount,
    gained: { total: m.gained.toFixed(2), count: m.gc },
    lost: { total: m.lost.toFixed(2), count: m.lc },
    net: m.gained.sub(m.lost).toFixed(2),
  }));
  return tally;
}

/** Each amount's change (after − before; an amount one side lacks counts as 0 there). */
function amountDeltas(before: Record<string, number>, after: Record<string, number>) {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].map((amount) => ({
    amount,
    delta: Rational.fromNumber(after[amount] ?? 0).sub(Rational.fromNumber(before[amount] ?? 0)),
  }));
}

/** Two tallies as one (the order of the parts is kept: the first parts' examples come first). */
export function mergeTallies(a: ImpactTally, b: ImpactTally): ImpactTally {
  const cells = new Map<string, ImpactCell>();
  for (const c of [...a.matrix, ...b.matrix]) {
    const k = key(c.question, c.from, c.to);
    const cell = cells.get(k) ?? { ...c, count: 0 };
    cell.count += c.count;
    cells.set(k, cell);
  }
  const money = new Map<string, ImpactAmount>();
  for (const m of [...a.amounts, ...b.amounts]) {
    const k = key(m.question, m.amount);
    const was = money.get(k);
    money.set(
      k,
      was
        ? {
            question: m.question,
            amount: m.amount,
            gained: { total: sum(was.gained.total, m.gained.total), count: was.gained.count + m.gained.count },
            lost: { total: sum(was.lost.total, m.lost.total), count: was.lost.count + m.lost.count },
            net: sum(was.net, m.net),
          }
        : m,
    );
  }
  const perPair = new Map<string, number>();
  const candidates = [...a.candidates, ...b.candidates].filter((c) => {
    const k = key(c.question, c.from, c.to);
    const n = perPair.get(k) ?? 0;
    perPair.set(k, n + 1);
    return n < PER_PAIR;
  });
  return {
    replayed: a.replayed + b.replayed,
    changed: a.changed + b.changed,
    failed: a.failed + b.failed,
    failures: [...a.failures, ...b.failures].slice(0, NAMED_FAILURES),
    matrix: [...cells.values()],
    amounts: [...money.values()],
    candidates,
  };
}

const sum = (x: string, y: string) => Rational.parse(x).add(Rational.parse(y)).toFixed(2);

/**
 * The examples to show, at most `limit`: one of each from→to pair first (the most common pairs first), then
 * the second of each, so that a reviewer sees every kind of change before two of one kind.
 */
export function pickExamples(tally: ImpactTally, limit: number): ImpactCandidate[] {
  const count = new Map(tally.matrix.map((c) => [key(c.question, c.from, c.to), c.count]));
  const byPair = new Map<string, ImpactCandidate[]>();
  for (const c of tally.candidates) {
    const k = key(c.question, c.from, c.to);
    byPair.set(k, [...(byPair.get(k) ?? []), c]);
  }
  const pairs = [...byPair.entries()].sort((x, y) => (count.get(y[0]) ?? 0) - (count.get(x[0]) ?? 0));
  const out: ImpactCandidate[] = [];
  for (let round = 0; out.length < limit && pairs.some(([, list]) => list.length > round); round++)
    for (const [, list] of pairs) {
      const c = list[round];
      if (c && out.length < limit) out.push(c);
    }
  return out;
}
