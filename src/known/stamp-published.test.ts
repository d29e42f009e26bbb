import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ParameterFile } from '../schema/parameters.ts';
import { RuleSetDocument } from '../schema/ruleset.ts';
import { stampPublished } from './stamp-published.ts';

const PARAMS = `topic: zasilek
title: { pl: Zasiłek, en: Benefit }
parameters:
  zasilek.first_90_days:
    label: { pl: Zasiłek, en: Benefit }
    unit: PLN
    values:
      - from: 2025-06-01
        value: 1721.90
        basis: "URP art. 224"
        confidence: secondary
        published_on: 2025-05-20
      - { from: 2026-06-01, value: 1783.90, basis: "URP art. 224", confidence: secondary, published_on: 2026-05-20 }
      - { from: 2027-06-01, value: 1850.50, basis: "URP art. 224", confidence: secondary }
      - from: 2028-06-01
        value: 1900
        basis: "URP art. 224"
        confidence: recalled
        note: new
`;

describe('what a publication in Reintegra makes known', () => {
  it('gives each dated value without a publication day the day it was published here, and leaves the others', () => {
    const stamped = stampPublished('rules/parameters/zasilek.yaml', PARAMS, '2026-12-03');
    const rows = ParameterFile.parse(parse(stamped)).parameters['zasilek.first_90_days']?.values ?? [];
    expect(rows.map((r) => r.published_on)).toEqual(['2025-05-20', '2026-05-20', '2026-12-03', '2026-12-03']);
    expect(rows[3]).toMatchObject({ published_confidence: 'read', published_in: 'Reintegra', note: 'new' });
    expect(stampPublished('rules/parameters/zasilek.yaml', stamped, '2027-01-01')).toBe(stamped);
  });

  it('gives a version of the law its publication day, in block or one-line form, but not a proposal or a test', () => {
    const block =
      'question: cis-benefit\nvalid_from: 2027-01-01\nlaw:\n  act: A\n  dz_u: Dz.U. 2026 poz. 1\n  basis: UZS art. 15\n';
    expect(stampPublished('rules/cis-benefit/2027-01-01.yaml', block, '2026-12-03')).toContain(
      '  dz_u: Dz.U. 2026 poz. 1\n  published_on: 2026-12-03\n  published_confidence: read\n  basis: UZS art. 15\n',
    );
    const flow = 'question: cis-benefit\nvalid_from: 2027-01-01\nlaw: { act: A, dz_u: Dz.U. 2026 poz. 1, basis: UZS art. 15 }\n';
    const doc = parse(stampPublished('rules/cis-benefit/2027-01-01.yaml', flow, '2026-12-03'));
    expect(RuleSetDocument.shape.law.parse(doc.law).published_on).toBe('2026-12-03');
    expect(stampPublished('rules/cis-benefit/proposals/x.yaml', block, '2026-12-03')).toBe(block);
    expect(stampPublished('rules/cis-benefit/tests/cases.yaml', block, '2026-12-03')).toBe(block);
  });
});
