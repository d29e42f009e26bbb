import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { CompiledLibrary } from '../compile/compile.ts';
import { caseloadOf, generateCaseload, VOIVODESHIPS } from '../population/caseloads/index.ts';
import type { PopulationRow } from '../population/read/types.ts';
import { simulate } from './simulate.ts';

const library = loadRulesDirOrThrow();
const compiled = new CompiledLibrary(library);
const cis = caseloadOf('cis-benefit');
if (!cis) throw new Error('cis-benefit has no caseload');

function* rowsOf(size: number, seed: number, date: string): Generator<PopulationRow> {
  let line = 0;
  for (const p of generateCaseload({ size, seed, date }, cis as NonNullable<typeof cis>))
    yield { line: ++line, facts: p.facts, weight: p.weight, attributes: { voivodeship: p.voivodeship } };
}

describe('a weighted run', () => {
  it('matches the national and regional calibration targets within 1 %, with the source beside each', async () => {
    const r = await simulate({
      library,
      compiled,
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      rows: rowsOf(20_000, 11, '2025-10-15'),
      caseload: cis,
    });
    expect(r.persons).toBe(20_000);
    // 2021's derived 13,925 participants, carried to 2025 (stated among the assumptions).
    expect(r.weighted.persons / 13_925).toBeCloseTo(1, 2);
    const national = r.calibration.find((c) => c.target === 'national');
    expect(national).toMatchObject({ expected: 13_925, source_year: 2021, confidence: 'derived' });
    expect(Math.abs(national?.difference_percent ?? 100)).toBeLessThan(1);
    expect(r.calibration).toHaveLength(17);
    for (const c of r.calibration) expect(Math.abs((c.weighted - c.expected) / c.expected)).toBeLessThan(0.01);
    expect(r.assumptions.statements.some((s) => s.en.includes('carried to 2025'))).toBe(true);
    // Weights are close to 13,925 / 20,000, so the weighted money is the counted money scaled by about that.
    const total = r.weighted.totals[0];
    expect(total?.amount).toBe('benefit');
    expect((total?.weighted_total_delta ?? 0) / ((total?.counted_total_delta ?? 1) * (13_925 / 20_000))).toBeCloseTo(1, 1);
    // The yearly figure is rounded once from the exact sum, so it may differ from 12 × the rounded month by a few grosze.
    expect(total?.weighted_yearly).toBeCloseTo((total?.weighted_total_delta ?? 0) * 12, 0);
    expect(r.caseload).toMatchObject({ labour_fund: true });
  });

  it('multiplies exact money by each row’s weight (1 when absent) and counts changed outcomes apart', async () => {
    const rows: PopulationRow[] = [
      { line: 1, facts: { cis_period: 'participation', unexcused_absence_days: 5 }, weight: 2.5 },
      { line: 2, facts: { cis_period: 'participation', unexcused_absence_days: 2 } },
    ];
    const r = await simulate({
      library,
      compiled,
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      rows,
    });
    // Only the first changes: not payable → 1549.71 zł; × 2.5 = 3874.275 → 3874.28 (half-up once).
    expect(r.weighted.totals[0]).toMatchObject({ counted_total_delta: 1549.71, weighted_total_delta: 3874.28 });
    expect(r.weighted.persons).toBe(3.5);
    expect(r.changed_outcomes).toBe(1);
    expect(r.weighted.changed_outcomes).toBe(2.5);
    expect(r.calibration).toEqual([]);
    expect(r.regions).toEqual([]);
  });

  it('breaks down by voivodeship: every TERYT region, counted and weighted, adding up to the whole', async () => {
    const r = await simulate({
      library,
      compiled,
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      rows: rowsOf(5_000, 3, '2025-10-15'),
      caseload: cis,
    });
    expect(r.regions.map((x) => x.voivodeship).sort()).toEqual(VOIVODESHIPS.map((v) => v.name).sort());
    expect(r.regions.reduce((s, x) => s + x.persons, 0)).toBe(5_000);
    expect(r.regions.reduce((s, x) => s + x.total_delta, 0)).toBeCloseTo(r.money.benefit?.total_delta ?? Number.NaN, 2);
    const maz = r.regions.find((x) => x.voivodeship === 'mazowieckie');
    const opo = r.regions.find((x) => x.voivodeship === 'opolskie');
    expect(maz?.weighted_persons).toBeGreaterThan((opo?.weighted_persons ?? 0) * 5);
  });
});

describe('a budget window', () => {
  it('tables 2026–2030: 2026 read as announced, 2027–2030 its amounts indexed by exactly the stated rate', async () => {
    const r = await simulate({
      library,
      compiled,
      question: 'cis-benefit',
      date: '2026-07-15',
      proposal: 'flexible-absence',
      rows: rowsOf(2_000, 5, '2026-07-15'),
      caseload: cis,
      window: { from: 2026, to: 2030, ratePercent: 3 },
    });
    const w = r.budget_window;
    expect(w).toMatchObject({ amount: 'benefit', rate_percent: 3, announced_through: 2026, labour_fund: true });
    expect(w?.rows.map((x) => [x.year, x.indexed, x.evaluated_on])).toEqual([
      [2026, false, '2026-07-15'],
      [2027, true, '2026-07-15'],
      [2028, true, '2026-07-15'],
      [2029, true, '2026-07-15'],
      [2030, true, '2026-07-15'],
    ]);
    const base = w?.rows[0];
    const grosze = (pln: number) => BigInt(Math.round(pln * 100));
    const halfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
    for (const [k, row] of (w?.rows ?? []).entries()) {
      const num = 103n ** BigInt(k);
      const den = 100n ** BigInt(k);
      // Counted costs are exact grosze, so an indexed year is the announced one × 1.03^k, rounded once.
      expect(grosze(row.baseline_cost)).toBe(halfUp(grosze(base?.baseline_cost ?? 0) * num, den));
      expect(grosze(row.proposal_cost)).toBe(halfUp(grosze(base?.proposal_cost ?? 0) * num, den));
      expect(row.weighted_baseline_cost / (base?.weighted_baseline_cost ?? 1)).toBeCloseTo(1.03 ** k, 6);
    }
    expect(base?.weighted_baseline_cost).toBeGreaterThan(100_000_000);
    expect(r.assumptions.statements.some((s) => s.pl.includes('indeksowane o 3 % rocznie'))).toBe(true);
  });

  it('reads each announced year on its own day, with the law and parameters in force then', async () => {
    const r = await simulate({
      library,
      compiled,
      question: 'cis-benefit',
      date: '2024-07-15',
      proposal: 'flexible-absence',
      rows: rowsOf(500, 5, '2024-07-15'),
      window: { from: 2024, to: 2026, ratePercent: 2.5 },
    });
    const rows = r.budget_window?.rows ?? [];
    expect(rows.map((x) => x.indexed)).toEqual([false, false, false]);
    // The zasiłek rose each June (1662.00 → 1721.90 → 1783.90), so each year's baseline costs more.
    expect(rows[1]?.baseline_cost).toBeGreaterThan(rows[0]?.baseline_cost ?? 0);
    expect(rows[2]?.baseline_cost).toBeGreaterThan(rows[1]?.baseline_cost ?? 0);
  });
});
