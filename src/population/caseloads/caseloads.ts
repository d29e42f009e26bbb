import { CIS_BENEFIT } from './questions/cis-benefit.ts';
import { CIS_PREMIA } from './questions/cis-premia.ts';
import { PSU_BENEFIT } from './questions/psu-benefit.ts';
import { REINTEGRATION_REFERRAL } from './questions/reintegration-referral.ts';
import { SUPPORTED_EMPLOYMENT_REFUND } from './questions/supported-employment-refund.ts';
import { UNEMPLOYMENT_BENEFIT } from './questions/unemployment-benefit.ts';
import type { Caseload, CaseloadSize } from './types.ts';

/** The questions whose caseload is stated, one data file each under questions/. */
export const CASELOADS: ReadonlyMap<string, Caseload> = new Map(
  [CIS_BENEFIT, CIS_PREMIA, UNEMPLOYMENT_BENEFIT, REINTEGRATION_REFERRAL, SUPPORTED_EMPLOYMENT_REFUND, PSU_BENEFIT].map((c) => [
    c.question,
    c,
  ]),
);

/** The caseload a question concerns, or undefined when none is stated (its runs are counted, not weighted). */
export function caseloadOf(question: string): Caseload | undefined {
  return CASELOADS.get(question);
}

/** The size a run for `year` is calibrated to: that year's, else the latest before it (carried forward), else the earliest. */
export interface SizeForYear extends CaseloadSize {
  /** True when the figure is another year's, carried to this one: an assumption the result states. */
  carried: boolean;
}

/** The national size for `year`, carried from the nearest earlier year when that year has none. */
export function sizeFor(caseload: Caseload, year: number): SizeForYear {
  const sorted = [...caseload.sizes].sort((a, b) => a.year - b.year);
  const earlier = sorted.filter((s) => s.year <= year).at(-1);
  const chosen = earlier ?? (sorted[0] as CaseloadSize);
  return { ...chosen, carried: chosen.year !== year };
}
