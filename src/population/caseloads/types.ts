import type { LocalText } from '../../schema/common.ts';
import type { Voivodeship } from './voivodeships.ts';

/**
 * How far a figure can be trusted, in the words of the spec's parameters.md: `read` in the publication itself,
 * `secondary` from a page or paper quoting it, `derived` computed from such figures by a stated method,
 * `recalled` not found in a source (to be checked), `assumption` no source at all (stated, to be replaced).
 */
export type Confidence = 'read' | 'secondary' | 'derived' | 'recalled' | 'assumption';

/** Where a figure comes from: who published what, for which year, where it was read, and how sure it is. */
export interface Source {
  /** The publication or page, as its publisher titles it. */
  title: string;
  publisher: string;
  /** The year the figure describes. */
  year: number;
  /** Where it was read (a copy of the publication when the original was not at hand); null when there is none. */
  url: string | null;
  confidence: Confidence;
  /** How the figure was read or computed, in a sentence. */
  note: LocalText;
}

/** The national size of a question's caseload for one year, with its source. */
export interface CaseloadSize {
  year: number;
  value: number;
  source: Source;
}

/** Who pays the amounts a question answers, and on what basis. */
export interface Payer {
  /** True when the money comes from the Labour Fund (Fundusz Pracy). */
  labourFund: boolean;
  label: LocalText;
  basis: string;
  confidence: Confidence;
}

/** Regional shares of a caseload, summing to 1 over the 16 voivodeships, with where they come from. */
export interface RegionalShares {
  shares: Readonly<Record<Voivodeship, number>>;
  source: Source;
}

/** Who a question concerns nationally: its definition, its size per year with sources, its regions and its payer. */
export interface Caseload {
  question: string;
  /** Who the population is, e.g. "CIS participants in a year". */
  population: LocalText;
  /** What one weighted row stands for, e.g. "person" or "contract". */
  unit: LocalText;
  sizes: readonly CaseloadSize[];
  regions: RegionalShares;
  payer: Payer;
}
