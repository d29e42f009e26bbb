import { threadId } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { DecisionDocument } from '../../src/document/decision-document.ts';

/** What a document thread is given: the plain model, built on the request's thread, and the format to render. */
export interface RenderTask {
  format: 'pdf' | 'docx';
  doc: DecisionDocument;
  /** Tests only: the thread sets [1] to 1 on arrival, then waits until [0] is not 0 before rendering. */
  hold?: Int32Array;
}

/** What comes back: the bytes (their buffer moved, not copied) and the thread that rendered them. */
export interface Rendered {
  bytes: Uint8Array;
  threadId: number;
}

/** Waits, on this thread, until the test that set the hold lets the rendering go on. */
function wait(hold: Int32Array): void {
  Atomics.store(hold, 1, 1);
  Atomics.notify(hold, 1);
  Atomics.wait(hold, 0, 0);
}

/** The document threads' one function: renders the model to PDF or DOCX off the server's event loop. */
export async function renderDocument(task: RenderTask) {
  if (task.hold) wait(task.hold);
  // Each renderer loads on its first use in this thread: a thread that only writes DOCX never loads pdfmake.
  const buffer =
    task.format === 'pdf'
      ? await (await import('./render-pdf.ts')).renderPdf(task.doc)
      : await (await import('./render-docx.ts')).renderDocx(task.doc);
  // A Buffer may be a slice of a shared pool: only an ArrayBuffer of its own can be moved to the other thread.
  const bytes =
    buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
      ? new Uint8Array(buffer.buffer as ArrayBuffer)
      : new Uint8Array(buffer);
  const rendered: Rendered = { bytes, threadId };
  return Piscina.move({ [Piscina.transferableSymbol]: bytes.buffer, [Piscina.valueSymbol]: rendered } as never);
}
