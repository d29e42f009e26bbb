// The document threads: the model goes in, the bytes come back moved, rendered on a thread that is not the caller's.
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionDocument } from '../../src/document/decision-document.ts';
import { bundledLibrary } from '../../test/rules-library.ts';
import { docxParts, pdfPages } from '../testing/document-text.ts';
import { DocumentPool } from './document-pool.ts';

const pool = new DocumentPool(1);
afterAll(() => pool.close());

async function model() {
  const library = bundledLibrary();
  const facts = { cis_period: 'trial' };
  const answer = await library.decide({ question: 'cis-benefit', date: '2022-03-15', facts });
  return decisionDocument({
    receipt: { id: 'r-pool', answer, facts },
    catalogue: library.catalogue,
    office: null,
    lang: 'pl',
    issuedOn: '2022-04-01',
  });
}

describe('the document pool', () => {
  it('renders a PDF and a DOCX on a thread of its own and moves the bytes back', async () => {
    const doc = await model();
    const pdf = await pool.render('pdf', doc);
    expect(pdf.threadId).not.toBe(threadId);
    expect(pdf.threadId).toBeGreaterThan(0);
    // The whole buffer came across (moved): not a view into a shared pool of the other thread.
    expect(pdf.bytes.byteLength).toBe(pdf.bytes.buffer.byteLength);
    expect((await pdfPages(pdf.bytes)).map((p) => p.text).join('\n')).toContain('r-pool');
    const docx = await pool.render('docx', doc);
    expect(docx.threadId).toBe(pdf.threadId);
    expect(docxParts(docx.bytes).text).toContain('DECYZJA');
    expect(pool.completed).toBe(2);
  }, 60_000);

  it('rejects with the renderer’s error, as rendering inline did', async () => {
    const doc = await model();
    await expect(pool.render('pdf', { ...doc, sections: null as never })).rejects.toThrow(/sections|null|iterable/i);
  }, 60_000);

  it('renders nothing once closed', async () => {
    const closed = new DocumentPool(1);
    await closed.close();
    await expect(closed.render('pdf', await model())).rejects.toThrow(/closed/);
  });
});
