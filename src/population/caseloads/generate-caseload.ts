import { yearOf } from '../../dates/iso-date.ts';
import { generatePopulation, type PopulationOptions } from '../generate/generate-population.ts';
import { createRng, weightedPicker } from '../generate/prng.ts';
import { type SizeForYear, sizeFor } from './caseloads.ts';
import type { Caseload } from './types.ts';
import { VOIVODESHIPS, type Voivodeship } from './voivodeships.ts';

/** One generated person of a caseload: the facts the rules read, and what is not a legal fact. */
export interface WeightedPerson {
  facts: Record<string, unknown>;
  /** How many persons of the national caseload this row stands for (6 decimals). */
  weight: number;
  voivodeship: Voivodeship;
}

/** What a weighted population is calibrated to: the national size and each region's part of it. */
export interface Calibration {
  size: SizeForYear;
  /** Expected weighted persons per voivodeship (size × share). */
  regions: Record<Voivodeship, number>;
}

// The regions are drawn from their own stream, so the facts stay those of `reintegra population` for the same seed.
const REGION_STREAM = 0x9e3779b9;

/** The calibration targets of a caseload for the year of `date`. */
export function calibrationOf(caseload: Caseload, date: string): Calibration {
  const size = sizeFor(caseload, yearOf(date));
  const regions = Object.fromEntries(
    VOIVODESHIPS.map(({ name }) => [name, size.value * (caseload.regions.shares[name] ?? 0)]),
  ) as Record<Voivodeship, number>;
  return { size, regions };
}

function regionPicker(caseload: Caseload) {
  return weightedPicker(VOIVODESHIPS.map(({ name }) => [name, caseload.regions.shares[name] ?? 0] as const));
}

/**
 * A weighted population standing for a caseload: the generator's persons, each given a voivodeship drawn by the
 * regional shares and a weight such that, in every region, the weights sum to that region's part of the national
 * size (post-stratification). Regions are drawn in a first pass (cheap), so the weights are known before any person.
 */
export function* generateCaseload(options: PopulationOptions, caseload: Caseload): Generator<WeightedPerson> {
  const { regions } = calibrationOf(caseload, options.date);
  const pick = regionPicker(caseload);
  const counts = new Map<Voivodeship, number>();
  let rng = createRng((options.seed ^ REGION_STREAM) >>> 0);
  for (let i = 0; i < options.size; i++) {
    const v = pick(rng);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  // A region no row fell in cannot carry its part: the others are scaled up so the national size still holds.
  const covered = [...counts.keys()].reduce((sum, v) => sum + regions[v], 0);
  const total = Object.values(regions).reduce((a, b) => a + b, 0);
  const scale = covered > 0 ? total / covered : 0;
  const weights = new Map([...counts].map(([v, n]) => [v, Math.round((regions[v] * scale * 1e6) / n) / 1e6]));
  rng = createRng((options.seed ^ REGION_STREAM) >>> 0);
  for (const facts of generatePopulation(options)) {
    const voivodeship = pick(rng);
    yield { facts, weight: weights.get(voivodeship) as number, voivodeship };
  }
}

/** A weighted person as one JSON Lines object: the facts, then `weight` and `voivodeship` (read back as non-facts). */
export function weightedLine(p: WeightedPerson): string {
  return JSON.stringify({ ...p.facts, weight: p.weight, voivodeship: p.voivodeship });
}
