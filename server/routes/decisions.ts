import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { eq, or } from 'drizzle-orm';
import type { Context } from 'hono';
import { DecisionError } from '../../src/decide/decision-error.ts';
import { whyChanged } from '../../src/known/why-changed.ts';
import { type Library, todayIso } from '../../src/library.ts';
import type { Answer } from '../../src/schema/answer.ts';
import { caseRefDigest } from '../auth/hmac.ts';
import { can } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { users } from '../db/schema.ts';
import type { DocumentPool } from '../document/document-pool.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError, errorBody } from '../http/errors.ts';
import {
  AnswerWithReceipt,
  BatchBody,
  BatchResponse,
  batchIssues,
  DecisionRequestBody,
  ErrorSchema,
  errorResponses,
  IdParam,
  json,
  Receipt,
  ReplayResponse,
} from '../http/schemas.ts';
import type { BatchJobs, StoredBatch } from '../jobs/batch-job.ts';
import { lawFiles, proposalFiles } from '../jobs/library-files.ts';
import { QueueFullError } from '../jobs/queue.ts';
import type { BatchTask } from '../jobs/tasks/batch-task.ts';
import type { LibraryFiles } from '../jobs/tasks/library-cache.ts';
import { appendAudit } from '../store/audit.ts';
import {
  type DecisionRow,
  decisionsBy,
  decodeCursor,
  encodeCursor,
  getDecision,
  type NewReceipt,
  receiptJson,
  storeDecision,
  toReceipt,
} from '../store/decisions.ts';
import { getChangeSet } from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import type { ReceiptWriter } from '../store/receipt-writer.ts';
import type { LawCache } from '../store/rule-files.ts';
import { decisionDocumentRoutes } from './decision-document.ts';
import { proposalLibrary } from './proposal-law.ts';
import { queueFull } from './simulations.ts';

interface Deps {
  db: Db;
  /** Stores single receipts with group commit. */
  receipts: ReceiptWriter;
  law: LawCache;
  secret: string;
  batches: BatchJobs;
  /** Batches up to this size are answered on the request's thread; larger ones on the worker pool. */
  batchInlineMax: number;
  /** The threads that render decision documents. */
  documents: DocumentPool;
}

type Request = z.infer<typeof DecisionRequestBody>;

const who = (c: Context<AppEnv>) => c.get('principal') as Principal;

/** Answers one request (no receipt yet). */
async function decideOne(deps: Deps, req: Request, asker: Principal): Promise<Answer> {
  const { library, version } = await libraryFor(deps, req, asker);
  return library.decide({
    question: req.question,
    date: req.date,
    facts: req.facts,
    ...(version ? { version } : {}),
    ...(req.known_on ? { known_on: req.known_on } : {}),
  });
}

/** A receipt of an answer, as it is stored. */
function receiptOf(deps: Deps, req: Request, answer: Answer, asker: Principal, replayOf?: string): NewReceipt {
  return {
    facts: req.facts,
    answer,
    askedBy: asker.id,
    caseRefHmac: req.case_ref ? caseRefDigest(deps.secret, req.case_ref) : null,
    office: req.office ?? asker.office ?? null,
    replayOf: replayOf ?? null,
    knownOn: req.known_on,
  };
}

/** Decides one request and stores its receipt (group-committed with others ready at the same time); answers once stored. */
async function decideAndStore(deps: Deps, req: Request, asker: Principal, replayOf?: string) {
  const answer = await decideOne(deps, req, asker);
  const row = await deps.receipts.store(receiptOf(deps, req, answer, asker, replayOf));
  return { ...answer, receipt: { id: row.id, created_at: row.createdAt, office: row.office } };
}

/**
 * Refuses a request for a proposal from a role that may not evaluate proposals, whether the proposal is bundled
 * (a version of kind proposal) or a change set kept as one; and a change set's id that is not a proposal. Nothing
 * is stored then.
 */
async function checkProposal(
  deps: Deps,
  req: { question: string; version?: string | undefined },
  asker: Principal,
): Promise<void> {
  if (req.version === undefined) return;
  const changeSet = await getChangeSet(deps.db, req.version);
  if (changeSet && !changeSet.row.proposal)
    throw new ApiError(409, 'NOT_A_PROPOSAL', 'only a change set kept as a proposal can be evaluated by its id');
  const isProposal = Boolean(changeSet) || (await deps.law.get()).version(req.question, req.version)?.kind === 'proposal';
  if (isProposal && !can(asker.role, 'evaluate_proposal'))
    throw new ApiError(403, 'FORBIDDEN', `the role ${asker.role} may not evaluate proposals`);
}

/**
 * The published law, or the law with a proposal (a change set kept as an amendment being trialled) named by its id,
 * and the version to ask for: a proposal that changes only dated values answers by the law in force under them.
 */
async function libraryFor(
  deps: Deps,
  req: Request,
  asker: Principal,
): Promise<{ library: Library; version?: string | undefined }> {
  await checkProposal(deps, req, asker);
  const published = await deps.law.get();
  if (!req.version) return { library: published };
  const library = await proposalLibrary(deps.db, published, req.version);
  if (!library) return { library: published, version: req.version };
  return { library, version: library.version(req.question, req.version) ? req.version : undefined };
}

/** What differs between two answers, field by field (for replay). */
function answerChanges(before: Answer, after: Answer) {
  const fields = ['outcome', 'amounts', 'values', 'missing', 'caveats', 'ruleset'] as const;
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => ({ field: f, before: before[f], after: after[f] }));
}

/** The office of the user behind an actor id (null for tokens and users without one). */
export async function officeOf(db: Db, userId: string): Promise<string | null> {
  const [user] = await db.select({ office: users.office }).from(users).where(eq(users.id, userId));
  return user?.office ?? null;
}

/** True when `reader` may read what `askedBy` asked: their own, their office's for a supervisor, anyone's for an admin. */
export async function mayRead(db: Db, reader: Principal, askedBy: string): Promise<boolean> {
  if (askedBy === reader.id) return true;
  if (!can(reader.role, 'read_office_receipts')) return false;
  if (reader.role === 'admin') return true;
  return Boolean(reader.office) && (await officeOf(db, askedBy)) === reader.office;
}

/**
 * A receipt the caller may read, or 404 as if it did not exist, so that ids reveal nothing. A read of someone
 * else's receipt (a supervisor's, an admin's) is audited, and so is a refused one.
 */
async function readableReceipt(deps: Deps, c: Context<AppEnv>, id: string, action: 'read' | 'replay'): Promise<DecisionRow> {
  const reader = who(c);
  const row = await getDecision(deps.db, id);
  if (!row) throw new ApiError(404, 'NOT_FOUND', 'no decision with this id');
  if (row.askedBy === reader.id) return row;
  const allowed = await mayRead(deps.db, reader, row.askedBy);
  await appendAudit(deps.db, {
    actor: reader.id,
    action: allowed ? `decision.${action}` : 'decision.read_refused',
    subject: `decision:${row.id}`,
    detail: { asked_by: row.askedBy, office: await officeOf(deps.db, row.askedBy) },
  });
  if (!allowed) throw new ApiError(404, 'NOT_FOUND', 'no decision with this id');
  return row;
}

/** A large batch's answers as a stream, a few hundred slots a step, so that writing ten thousand never holds the event loop. */
function batchStream({ columns: c, createdAt }: StoredBatch): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // Which stored receipt answers each slot (slots with an error have none).
  const receiptOf = new Map<number, number>(c.index.map((slot, k) => [slot, k]));
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const end = Math.min(next + 250, c.slots.length);
      let text = next === 0 ? '{"answers":[' : '';
      for (; next < end; next++) {
        const k = receiptOf.get(next);
        const slot = c.slots[next] as string;
        const json =
          k === undefined ? slot : `${slot.slice(0, -1)},"receipt":${JSON.stringify({ id: c.id[k], created_at: createdAt[k] })}}`;
        text += (next ? ',' : '') + json;
      }
      if (next >= c.slots.length) text += ']}';
      controller.enqueue(encoder.encode(text));
      if (next >= c.slots.length) controller.close();
    },
  });
}

/** A request of a batch read loosely, before it is checked (its version decides the library and the role check). */
function loosely(r: unknown): { question: string; version?: string } {
  const o = r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : {};
  return {
    question: typeof o.question === 'string' ? o.question : '',
    ...(typeof o.version === 'string' ? { version: o.version } : {}),
  };
}

/** A 400 naming each field of the requests that fail their schema, as the validation hook words it. */
function invalidBatch(issues: { field: string; message: string; code: string }[]): never {
  const first = issues[0];
  throw new ApiError(400, 'INVALID_REQUEST', first ? `${first.field}: ${first.message}` : 'invalid request', issues);
}

const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional().openapi({ description: 'The next_cursor of the page before: the page after it' }),
  asked_by: z.string().min(1).max(200).optional().openapi({
    description: "A user's name or id: their receipts (a supervisor: of their office; an admin: anyone's). Yours when absent",
  }),
  undetermined: z.enum(['show', 'hide']).default('show').openapi({
    description: 'hide: leave out incomplete attempts (outcome undetermined)',
  }),
});

// The case reference goes in a header, not the address: addresses end up in logs and browser history.
const ListHeaders = z.object({
  'x-case-ref': z.string().min(1).max(200).optional().openapi({
    description: 'Only the receipts of this case reference (matched by its keyed hash; the reference is never stored)',
  }),
});

/** A receipt as the list shows it: with the office of the user who asked. */
const ListedReceipt = Receipt.extend({
  office: z.string().nullable().openapi({ description: 'The office of the user who asked' }),
}).openapi('ListedReceipt');

const tooMany = { 429: { ...json(ErrorSchema), description: 'A large batch found the job queue full: details give its state' } };

/** POST /decisions, /decisions/batch, GET /decisions, GET /decisions/:id, POST /decisions/:id/replay (contract.md §5). */
export function decisionRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const guard = requirePermission('decide');
  app.use('/api/v1/decisions', guard);
  app.use('/api/v1/decisions/*', guard);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/decisions',
      tags: ['decisions'],
      summary: 'Answer a question for a person on a date, and keep a receipt',
      request: { body: { ...json(DecisionRequestBody), required: true } },
      responses: {
        200: { ...json(AnswerWithReceipt), description: 'The answer of contract.md §3 (also for not_eligible)' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const req = c.req.valid('json');
      const asker = who(c);
      const answer = await decideOne(deps, req, asker);
      const row = await deps.receipts.store(receiptOf(deps, req, answer, asker));
      // The answer is serialised once, for the receipt; the reply is that text with the receipt's id added.
      const receipt = JSON.stringify({ id: row.id, created_at: row.createdAt, office: row.office ?? null });
      return c.body(`${row.answer.slice(0, -1)},"receipt":${receipt}}`, 200, { 'content-type': 'application/json' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/decisions/batch',
      tags: ['decisions'],
      summary:
        'Answer up to 10,000 requests; answers come back in the same order. Large batches run on the worker pool and may find its queue full (429)',
      request: { body: { ...json(BatchBody), required: true } },
      responses: {
        200: { ...json(BatchResponse), description: 'One answer (or error) per request, in order' },
        ...errorResponses,
        ...tooMany,
      },
    }),
    async (c) => {
      const { requests } = c.req.valid('json');
      const asker = who(c);
      const loose = requests.map(loosely);
      for (const [i, req] of loose.entries()) {
        try {
          await checkProposal(deps, req, asker);
        } catch (e) {
          if (e instanceof ApiError)
            throw new ApiError(e.status, e.code, `requests.${i}: ${e.message}`, { index: i, field: `requests.${i}.version` });
          throw e;
        }
      }
      if (requests.length > deps.batchInlineMax) {
        const libraries: Record<string, LibraryFiles> = { law: await lawFiles(deps.db) };
        const named: string[] = [];
        for (const req of loose) {
          const changeSet = req.version ? await getChangeSet(deps.db, req.version) : undefined;
          if (!changeSet) {
            named.push('law');
            continue;
          }
          const key = `draft:${changeSet.row.id}`;
          if (!libraries[key]) {
            await libraryFor(deps, { question: req.question, date: '', facts: {}, version: changeSet.row.id }, asker);
            const files = await proposalFiles(deps.db, changeSet.row.id);
            if (!files) throw new ApiError(422, 'INVALID_DRAFT', 'the proposal does not validate');
            libraries[key] = files;
          }
          named.push(key);
        }
        // The body's text (read once already, for its depth): the worker parses and checks it off the event loop.
        const task: BatchTask = { kind: 'batch', libraries, body: await c.req.text(), libraryOf: named, secret: deps.secret };
        try {
          const result = await deps.batches.submit({ owner: asker.id, askedBy: asker.id, task });
          if ('invalid' in result) invalidBatch(result.invalid);
          return c.body(batchStream(result.stored), 200, { 'content-type': 'application/json' }) as never;
        } catch (e) {
          if (e instanceof QueueFullError) queueFull(c, e);
          throw e;
        }
      }
      const issues = batchIssues(requests);
      if (issues.length) invalidBatch(issues);
      const checked = requests.map((r) => DecisionRequestBody.parse(r));
      const answered: (Answer | ReturnType<typeof errorBody>)[] = [];
      for (const [i, req] of checked.entries()) {
        try {
          answered.push(await decideOne(deps, req, asker));
        } catch (e) {
          if (!(e instanceof DecisionError)) throw e;
          answered.push(errorBody(e.code, e.message, { index: i, ...(e.field ? { field: `requests.${i}.${e.field}` } : {}) }));
        }
      }
      // One transaction, begun after every answer is known: the receipts of a small batch are stored together or not at all.
      const answers = await deps.db.transaction(async (tx) => {
        const stored: (ReturnType<typeof errorBody> | (Answer & { receipt: { id: string; created_at: string } }))[] = [];
        for (const [i, a] of answered.entries()) {
          if ('error' in a) {
            stored.push(a);
            continue;
          }
          const row = await storeDecision(tx, receiptOf(deps, checked[i] as Request, a, asker));
          stored.push({ ...a, receipt: { id: row.id, created_at: row.createdAt } });
        }
        return stored;
      });
      return c.json({ answers }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/decisions',
      tags: ['decisions'],
      summary:
        "Receipts, newest first, a page at a time (next_cursor): the caller's own, or with asked_by another user's (supervisors: their office; admins: anyone's; audited)",
      request: { query: ListQuery, headers: ListHeaders },
      responses: {
        200: {
          ...json(
            z.object({
              decisions: z.array(ListedReceipt),
              next_cursor: z.string().nullable().openapi({ description: 'Pass as cursor for the next page; null at the end' }),
            }),
          ),
          description: 'Receipts',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const reader = who(c);
      const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      if (q.cursor !== undefined && !cursor)
        throw new ApiError(400, 'INVALID_REQUEST', 'cursor: not a cursor this server gave', [
          { field: 'cursor', message: 'pass next_cursor as it came' },
        ]);
      let askedBy = reader.id;
      if (q.asked_by !== undefined && q.asked_by !== reader.id && q.asked_by !== reader.name) {
        const [user] = await deps.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(or(eq(users.id, q.asked_by), eq(users.name, q.asked_by)))
          .limit(1);
        askedBy = user?.id ?? q.asked_by;
        if (!(await mayRead(deps.db, reader, askedBy))) {
          if (!can(reader.role, 'read_office_receipts'))
            throw new ApiError(403, 'FORBIDDEN', `the role ${reader.role} reads only its own receipts`);
          throw new ApiError(403, 'FORBIDDEN', 'that user is not in your office');
        }
      }
      const caseRef = c.req.valid('header')['x-case-ref'];
      const rows = await decisionsBy(deps.db, askedBy, q.limit, cursor, {
        hideUndetermined: q.undetermined === 'hide',
        ...(caseRef ? { caseRefHmac: caseRefDigest(deps.secret, caseRef) } : {}),
      });
      const office = await officeOf(deps.db, askedBy);
      if (askedBy !== reader.id)
        await appendAudit(deps.db, {
          actor: reader.id,
          action: 'decision.list',
          subject: `user:${q.asked_by}`,
          detail: { asked_by: askedBy, count: rows.length },
        });
      const last = rows.length === q.limit ? rows[rows.length - 1] : undefined;
      const next = last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
      return c.body(
        `{"decisions":[${rows.map((r) => receiptJson(r, office)).join(',')}],"next_cursor":${JSON.stringify(next)}}`,
        200,
        {
          'content-type': 'application/json',
        },
      ) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/decisions/{id}',
      tags: ['decisions'],
      summary: "A stored receipt: the caller's own (a supervisor's office's, an admin's any, audited); 404 otherwise",
      request: { params: IdParam },
      responses: { 200: { ...json(Receipt), description: 'The receipt' }, ...errorResponses },
    }),
    async (c) => c.json(toReceipt(await readableReceipt(deps, c, c.req.valid('param').id, 'read')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/decisions/{id}/replay',
      tags: ['decisions'],
      summary: 'Answer a stored decision again under the rules now in force for its date, and show what changed',
      request: { params: IdParam },
      responses: {
        200: { ...json(ReplayResponse), description: 'The original, the new answer and the differences' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const row = await readableReceipt(deps, c, c.req.valid('param').id, 'replay');
      const original = toReceipt(row);
      const replay = await decideAndStore(
        deps,
        { question: row.question, date: row.date, facts: original.facts },
        who(c),
        row.id,
      );
      const changes = answerChanges(original.answer, replay);
      // Why: what became known between the day the receipt was answered as known on and today.
      const because =
        changes.length > 0 && original.known_on
          ? whyChanged(await deps.law.get(), row.question, row.date, original.known_on, todayIso())
          : [];
      return c.json({ original, replay, changed: changes.length > 0, changes, because }, 200);
    },
  );

  decisionDocumentRoutes(app, { ...deps, readable: (c, id) => readableReceipt(deps, c, id, 'read') });
}
