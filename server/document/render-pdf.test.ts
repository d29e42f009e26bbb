// The PDF renderer reads the model and leaves it as it was: the same model can be rendered again, or sent to a thread.
import { describe, expect, it } from 'vitest';
import { decisionDocument } from '../../src/document/decision-document.ts';
import { bundledLibrary } from '../../test/rules-library.ts';
import { renderPdf } from './render-pdf.ts';

describe('renderPdf', () => {
  it('leaves the model unchanged (pdfmake rewrites the lists it is given in place)', async () => {
    const library = bundledLibrary();
    const facts = { cis_period: 'trial' };
    const answer = await library.decide({ question: 'supported-employment-refund', date: '2023-03-15', facts });
    const doc = decisionDocument({
      receipt: { id: 'r-same', answer, facts },
      catalogue: library.catalogue,
      office: null,
      lang: 'pl',
      issuedOn: '2023-04-01',
    });
    expect(doc.sections.some((s) => s.blocks.some((b) => b.kind === 'list'))).toBe(true);
    const before = structuredClone(doc);
    await renderPdf(doc);
    expect(doc).toEqual(before);
    expect(() => structuredClone(doc)).not.toThrow();
  }, 60_000);
});
