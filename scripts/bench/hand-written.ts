// Hand-written plain functions for two questions: the practical limit of a Node evaluation, as the
// benchmark's yardstick. They give the same answer as the rules (outcome, amounts, values), checked
// person by person before they are timed. Exact: grosze as integers, one division, one rounding.

/** An answer as a compiled rule set gives it, without the reasons. */
export interface HandAnswer {
  outcome: string;
  amounts: Record<string, number>;
  values: Record<string, unknown>;
}

/** cis-benefit 2022-02-15 for one person, given the zasiłek in grosze and the rate and sick-day limit in force. */
export function handCisBenefit(
  f: Record<string, unknown>,
  zasilekGrosze: number,
  ratePercent: number,
  sickLimit: number,
): HandAnswer {
  const period = f.cis_period as string;
  const unexcused = (f.unexcused_absence_days as number | undefined) ?? 0;
  const sick = (f.sick_days as number | undefined) ?? 0;
  const days = f.days_in_programme as number | undefined;
  if (unexcused > 3) return { outcome: 'not_payable', amounts: { benefit: 0 }, values: { rate_percent: ratePercent } };
  // Everything over a common denominator of 1200 (30 × 40), so the only division is the last one.
  const monthly = zasilekGrosze * ratePercent; // grosze × 100
  const base = days === undefined ? monthly * 1200 : monthly * 40 * days;
  const absence = monthly * 60 * unexcused;
  const counts = period === 'participation' && sick > 0;
  const within = counts ? Math.min(sick, sickLimit) : 0;
  const beyond = counts ? Math.max(sick - sickLimit, 0) : 0;
  const sickCut = monthly * 30 * within + monthly * 40 * beyond;
  const total = Math.max(base - absence - sickCut, 0); // grosze × 100 × 1200
  return {
    outcome: 'payable',
    amounts: { benefit: Math.floor((total + 60_000) / 120_000) / 100 },
    values: { rate_percent: ratePercent },
  };
}

/** pai-referral 2019-06-15 for one person, given the edition length and the total limit in force. */
export function handPaiReferral(f: Record<string, unknown>, editionMonths: number, totalMonths: number): HandAnswer {
  const completed = (f.pai_months_completed as number | undefined) ?? 0;
  const eligible =
    f.registered_unemployed === true && f.receives_social_assistance === true && completed + editionMonths <= totalMonths;
  // The two flags are appended whatever the outcome, as the rules append them.
  let flags: string[] | undefined;
  if (f.social_contract === 'active') flags = ['priority_social_contract'];
  if (f.zasilek_entitled === true) flags = flags ? [...flags, 'psu_unavailable'] : ['psu_unavailable'];
  if (!eligible) return { outcome: 'not_eligible', amounts: {}, values: flags ? { flags } : {} };
  return {
    outcome: 'eligible',
    amounts: {},
    values: { edition_months: editionMonths, months_left: totalMonths - completed - editionMonths, flags: flags ?? [] },
  };
}
