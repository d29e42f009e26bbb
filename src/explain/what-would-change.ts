import { thresholdsOf } from '../interview/candidate-values.ts';
import type { Library } from '../library.ts';
import type { FactDefinition } from '../schema/facts.ts';

/** One fact changed on its own, and the answer that would then be given. */
export interface Counterfactual {
  fact: string;
  from: unknown;
  to: unknown;
  outcome: string;
  amounts: Record<string, number>;
}

export interface WhatWouldChangeRequest {
  question: string;
  date: string;
  facts: Record<string, unknown>;
  version?: string;
}

/** How many alternative answers are tried at most, so a request stays cheap. */
const MAX_TRIALS = 200;

/**
 * "What would change it": for each fact the version reads, the nearest other value (on each side,
 * for numbers) that changes the outcome or an amount. Values are tried, never guessed: every
 * counterfactual is a real answer of the same rules on the same date.
 */
export async function whatWouldChange(library: Library, req: WhatWouldChangeRequest): Promise<Counterfactual[]> {
  const base = await library.decide(req);
  const ir = req.version ? library.version(req.question, req.version) : library.versionOn(req.question, req.date);
  if (!ir || ir.repealed) return [];
  const thresholds = thresholdsOf(ir, library, req.date).numbers;
  const found: Counterfactual[] = [];
  let trials = 0;
  for (const fact of ir.facts) {
    const def = library.catalogue.facts.get(fact);
    if (!def) continue;
    const current = req.facts[fact] ?? def.default;
    for (const side of candidates(def, current, thresholds)) {
      for (const to of side) {
        if (++trials > MAX_TRIALS) return found;
        const answer = await library.decide({ ...req, facts: { ...req.facts, [fact]: to } }).catch(() => undefined);
        if (!answer) continue;
        const changed = answer.outcome !== base.outcome || JSON.stringify(answer.amounts) !== JSON.stringify(base.amounts);
        if (changed) {
          found.push({ fact, from: current, to, outcome: answer.outcome, amounts: answer.amounts });
          break; // the nearest on this side is enough
        }
      }
    }
  }
  return found;
}

/**
 * Values to try for one fact, as lists ordered nearest first (one list per side for numbers,
 * one list for everything else).
 */
function candidates(def: FactDefinition, current: unknown, thresholds: number[]): unknown[][] {
  switch (def.type) {
    case 'boolean':
      return [[current !== true]];
    case 'enum':
      return [(def.values ?? []).filter((v) => v !== current)];
    case 'list': {
      const have = Array.isArray(current) ? (current as string[]) : [];
      return [(def.values ?? []).map((v) => (have.includes(v) ? have.filter((x) => x !== v) : [...have, v]))];
    }
    case 'integer':
    case 'number': {
      if (typeof current !== 'number') return [];
      const step = def.type === 'integer' ? 1 : 0.5;
      const inRange = (x: number) =>
        (def.min === undefined || x >= def.min) &&
        (def.max === undefined || x <= def.max) &&
        (def.type !== 'integer' || Number.isInteger(x));
      const points = [...new Set(thresholds.flatMap((t) => [t - step, t, t + step]))].filter(inRange);
      const below = [...new Set([current - step, ...points.filter((p) => p < current)])]
        .filter((p) => p < current && inRange(p))
        .sort((a, b) => b - a);
      const above = [...new Set([current + step, ...points.filter((p) => p > current)])]
        .filter((p) => p > current && inRange(p))
        .sort((a, b) => a - b);
      return [below, above];
    }
    default:
      return [];
  }
}
