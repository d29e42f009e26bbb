import { randomUUID } from 'node:crypto';
import { DecisionError } from '../../../src/decide/decision-error.ts';
import { type LibraryFiles, libraryOf } from './library-cache.ts';

/** A large batch as a worker answers it: the libraries it needs (the law, proposals) and each request naming one. */
export interface BatchTask {
  kind: 'batch';
  libraries: Record<string, LibraryFiles>;
  requests: { question: string; date: string; facts: Record<string, unknown>; version?: string | undefined; library: string }[];
}

/**
 * One request's answer, ready to store: its receipt id and the JSON texts of facts and answer, so the main thread
 * copies strings instead of rebuilding ten thousand objects; or the error that answers its slot.
 */
export type BatchItem =
  | {
      ok: true;
      id: string;
      question: string;
      date: string;
      outcome: string;
      version: string | null;
      hash: string | null;
      facts: string;
      answer: string;
    }
  | { ok: false; code: string; message: string; field?: string };

/**
 * Answers every request with the library's own decide(), the same answer (reasons, caveats) a single request
 * gets; a request that cannot be answered gets its error in its slot, as in a small batch.
 */
export async function runBatch(task: BatchTask): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  for (const req of task.requests) {
    const library = libraryOf(task.libraries[req.library] as LibraryFiles);
    try {
      const answer = await library.decide({
        question: req.question,
        date: req.date,
        facts: req.facts,
        ...(req.version ? { version: req.version } : {}),
      });
      items.push({
        ok: true,
        id: randomUUID(),
        question: answer.question,
        date: answer.date,
        outcome: answer.outcome,
        version: answer.ruleset.version,
        hash: answer.ruleset.hash,
        facts: JSON.stringify(req.facts),
        answer: JSON.stringify(answer),
      });
    } catch (e) {
      if (!(e instanceof DecisionError)) throw e;
      items.push({ ok: false, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) });
    }
  }
  return items;
}
