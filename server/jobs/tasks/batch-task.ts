import { randomUUID } from 'node:crypto';
import { decideCompiled } from '../../../src/compile/compiled-decide.ts';
import { DecisionError } from '../../../src/decide/decision-error.ts';
import { todayIso } from '../../../src/library.ts';
import { caseRefDigest } from '../../auth/hmac.ts';
import { errorBody } from '../../http/errors.ts';
import { batchIssues, DecisionRequestBody } from '../../http/schemas.ts';
import { compiledOf, type LibraryFiles, libraryOf } from './library-cache.ts';

/**
 * A large batch as a worker answers it: the requests as the body held them (checked here, off the event loop),
 * the library each is answered by (the law, a proposal), and the key of case references.
 */
export interface BatchTask {
  kind: 'batch';
  libraries: Record<string, LibraryFiles>;
  /** The request's body as sent: a string crosses to the thread as one copy, ten thousand objects as ten thousand. */
  body: string;
  /** For each request, the key of its library in `libraries`. */
  libraryOf: string[];
  secret: string;
}

/**
 * A batch's answers as columns of strings, ready to store and to send: one JSON text per slot (an answer, or the
 * error that answers the slot), and for the answered slots what their receipts hold. Columns of strings cross back
 * to the main thread in a few milliseconds, where ten thousand objects took many more.
 */
export interface BatchColumns {
  /** Each slot's JSON: the answer (its receipt is added when stored) or the error. */
  slots: string[];
  /** For each answered slot: its index, and its receipt's fields. */
  index: number[];
  id: string[];
  question: string[];
  date: string[];
  outcome: string[];
  version: (string | null)[];
  hash: (string | null)[];
  facts: string[];
  caseRef: (string | null)[];
  /** The day each answer's law was known on (the request's known_on, else the day answered). */
  knownOn: string[];
}

/** What a batch comes back as: every slot answered, or the requests that fail their schema (the batch is then a 400). */
export type BatchOutcome = { columns: BatchColumns } | { invalid: { field: string; message: string; code: string }[] };

/**
 * Checks every request as a single one is checked, then answers each through the compiled functions
 * (decideCompiled: the same answer, reasons' texts and caveats a single request gets from json-rules-engine, proven
 * equal by src/compile/compile.test.ts); a request that cannot be answered gets its error in its slot.
 */
export async function runBatch(task: BatchTask): Promise<BatchOutcome> {
  const { requests } = JSON.parse(task.body) as { requests: unknown[] };
  const invalid = batchIssues(requests);
  if (invalid.length) return { invalid };
  const c: BatchColumns = {
    slots: [],
    index: [],
    id: [],
    question: [],
    date: [],
    outcome: [],
    version: [],
    hash: [],
    facts: [],
    caseRef: [],
    knownOn: [],
  };
  for (const [i, raw] of requests.entries()) {
    const req = DecisionRequestBody.parse(raw);
    const library = libraryOf(task.libraries[task.libraryOf[i] as string] as LibraryFiles);
    try {
      // A proposal that changes only dated values has no version of its own: its law answers as in force.
      const version = req.version && library.version(req.question, req.version) ? req.version : undefined;
      const request = {
        question: req.question,
        date: req.date,
        facts: req.facts,
        ...(version ? { version } : req.version && task.libraryOf[i] === 'law' ? { version: req.version } : {}),
        ...(req.known_on ? { known_on: req.known_on } : {}),
      };
      // Asked as known on a day before some value was published, the compiled law is not that day's law.
      const answer = decideCompiled(library, compiledOf(library), request) ?? (await library.decide(request));
      c.slots.push(JSON.stringify(answer));
      c.index.push(i);
      c.id.push(randomUUID());
      c.question.push(answer.question);
      c.date.push(answer.date);
      c.outcome.push(answer.outcome);
      c.version.push(answer.ruleset.version);
      c.hash.push(answer.ruleset.hash);
      c.facts.push(JSON.stringify(req.facts));
      c.caseRef.push(req.case_ref ? caseRefDigest(task.secret, req.case_ref) : null);
      c.knownOn.push(req.known_on ?? todayIso());
    } catch (e) {
      if (!(e instanceof DecisionError)) throw e;
      c.slots.push(
        JSON.stringify(errorBody(e.code, e.message, { index: i, ...(e.field ? { field: `requests.${i}.${e.field}` } : {}) })),
      );
    }
  }
  return { columns: c };
}
