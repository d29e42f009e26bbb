import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../../adapters/fs/read-rules.ts';
import { CASELOADS, calibrationOf, generateCaseload, sizeFor, VOIVODESHIPS, weightedLine } from './index.ts';

const library = loadRulesDirOrThrow();

describe('caseloads', () => {
  it('each names a question with amounts, sources every size (or says it is an assumption) and spreads over 16 regions', () => {
    expect(CASELOADS.size).toBeGreaterThanOrEqual(6);
    for (const c of CASELOADS.values()) {
      expect(library.catalogue.questions.get(c.question)?.amounts?.length, c.question).toBeGreaterThan(0);
      for (const s of c.sizes) {
        expect(s.value).toBeGreaterThan(0);
        expect(s.source.year).toBeGreaterThan(2000);
        // A figure without an address must be an assumption, and say so.
        if (s.source.url === null) expect(s.source.confidence).toBe('assumption');
        expect(s.source.note.pl.length * s.source.note.en.length).toBeGreaterThan(0);
      }
      const shares = Object.values(c.regions.shares);
      expect(Object.keys(c.regions.shares).sort()).toEqual(VOIVODESHIPS.map((v) => v.name).sort());
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
  });

  it('calibrates to the year’s size, carrying the latest earlier figure forward and saying so', () => {
    const c = CASELOADS.get('unemployment-benefit');
    if (!c) throw new Error('no unemployment-benefit caseload');
    expect(sizeFor(c, 2023)).toMatchObject({ year: 2023, value: 109_560, carried: false });
    expect(sizeFor(c, 2026)).toMatchObject({ year: 2023, carried: true });
    expect(sizeFor(c, 2010)).toMatchObject({ year: 2022, carried: true });
    const { regions } = calibrationOf(c, '2023-12-31');
    expect(Object.values(regions).reduce((a, b) => a + b, 0)).toBeCloseTo(109_560, 6);
  });

  it('gives every generated row a region and a weight, the facts those of the plain generator, the same for a seed', () => {
    const c = CASELOADS.get('cis-benefit');
    if (!c) throw new Error('no cis-benefit caseload');
    const a = [...generateCaseload({ size: 300, seed: 9, date: '2025-10-15' }, c)];
    const b = [...generateCaseload({ size: 300, seed: 9, date: '2025-10-15' }, c)];
    expect(a.map(weightedLine)).toEqual(b.map(weightedLine));
    expect(a.every((p) => p.weight > 0 && VOIVODESHIPS.some((v) => v.name === p.voivodeship))).toBe(true);
    const total = a.reduce((s, p) => s + p.weight, 0);
    expect(total / 13_925).toBeCloseTo(1, 3);
    expect(JSON.parse(weightedLine(a[0] as (typeof a)[number]))).toMatchObject({
      weight: a[0]?.weight,
      voivodeship: a[0]?.voivodeship,
    });
  });
});
