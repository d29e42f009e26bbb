// Hand-written plain functions for two questions: the practical limit of a Node evaluation, as the
// benchmark's yardstick. Exact: amounts in grosze, one division, one half-up rounding at the end.

/** cis-benefit 2022-02-15 for one person, given the zasiłek in grosze and the rate in force. */
export function handCisBenefit(f: Record<string, unknown>, zasilekGrosze: number, ratePercent: number, sickLimit: number) {
  const period = f.cis_period as string;
  const unexcused = (f.unexcused_absence_days as number | undefined) ?? 0;
  const sick = (f.sick_days as number | undefined) ?? 0;
  const days = f.days_in_programme as number | undefined;
  if (unexcused > 3) return { outcome: 'not_payable', benefit: 0 };
  // Everything over a common denominator of 1200 (30 × 40), so the only division is the last one.
  const monthly = zasilekGrosze * ratePercent; // grosze × 100
  const base = days === undefined ? monthly * 1200 : monthly * 40 * days;
  const absence = monthly * 60 * unexcused;
  const counts = period === 'participation' && sick > 0;
  const within = counts ? Math.min(sick, sickLimit) : 0;
  const beyond = counts ? Math.max(sick - sickLimit, 0) : 0;
  const sickCut = monthly * 30 * within + monthly * 40 * beyond;
  const total = Math.max(base - absence - sickCut, 0); // grosze × 100 × 1200
  return { outcome: 'payable', benefit: Math.floor((total + 60_000) / 120_000) / 100 };
}

/** pai-referral 2019-06-15 for one person. */
export function handPaiReferral(f: Record<string, unknown>) {
  const completed = (f.pai_months_completed as number | undefined) ?? 0;
  const eligible = f.registered_unemployed === true && f.receives_social_assistance === true && completed + 2 <= 6;
  if (!eligible) return { outcome: 'not_eligible' };
  const flags: string[] = [];
  if (f.social_contract === 'active') flags.push('priority_social_contract');
  if (f.zasilek_entitled === true) flags.push('psu_unavailable');
  return { outcome: 'eligible', edition_months: 2, months_left: 6 - completed - 2, flags };
}
