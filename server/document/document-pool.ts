import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { DecisionDocument } from '../../src/document/decision-document.ts';
import type { Rendered, RenderTask } from './render-task.ts';

const ENTRY = fileURLToPath(new URL('./render-entry.mjs', import.meta.url));

/**
 * The threads that render decision documents, apart from the job pool so that a long simulation never delays a
 * document. The threads start with the first document and stop when idle (pdfmake and its fonts are freed).
 */
export class DocumentPool {
  private piscina: Piscina | undefined;
  private closed = false;
  /** Tests only: given to each rendering, which waits on its thread until the test lets it go (see RenderTask). */
  hold: Int32Array | undefined;

  constructor(
    readonly size: number,
    private readonly idleTimeout = 30_000,
  ) {}

  private pool(): Piscina {
    if (this.closed) throw new Error('the document pool is closed: the server is stopping');
    this.piscina ??= new Piscina({
      filename: ENTRY,
      minThreads: 0,
      maxThreads: this.size,
      // One document per thread at a time: rendering is all computation.
      concurrentTasksPerWorker: 1,
      idleTimeout: this.idleTimeout,
      // A clean thread: the entry registers tsx itself, whatever flags (vitest's, tsx's) the main thread runs with.
      execArgv: [],
    });
    return this.piscina;
  }

  /** Renders the model (built on the request's thread) to PDF or DOCX on a document thread. */
  async render(format: 'pdf' | 'docx', doc: DecisionDocument): Promise<Rendered> {
    const task: RenderTask = { format, doc, ...(this.hold ? { hold: this.hold } : {}) };
    return (await this.pool().run(task)) as Rendered;
  }

  /** How many documents the threads have rendered: work done off the event loop. */
  get completed(): number {
    return this.piscina?.completed ?? 0;
  }

  /** Ends the threads, if any started (a rendering under way is rejected). */
  async close(): Promise<void> {
    const piscina = this.piscina;
    this.closed = true;
    this.piscina = undefined;
    await piscina?.close({ force: true });
  }
}
