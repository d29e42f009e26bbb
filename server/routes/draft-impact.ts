import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { isIsoDate } from '../../src/dates/iso-date.ts';
import { LAW_ROOT } from '../../src/law/law-files.ts';
import type { Library } from '../../src/library.ts';
import { classify } from '../../src/load/load-library.ts';
import { Reason } from '../../src/schema/answer.ts';
import type { Db } from '../db/open.ts';
import { replayImpacts } from '../db/schema.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { ErrorSchema, errorResponses, json } from '../http/schemas.ts';
import { type JobQueue, QueueFullError } from '../jobs/queue.ts';
import { countInScope, type ImpactResult, updateRunningImpact } from '../jobs/replay-impact-job.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { appendAudit } from '../store/audit.ts';
import { validateChangeSet } from '../store/draft-checks.ts';
import type { ChangeSet } from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import type { LawCache } from '../store/rule-files.ts';
import { mayRead } from './decisions.ts';
import { changeSetOr404 } from './drafts.ts';
import { QueueState } from './simulation-schemas.ts';
import { queueFull } from './simulations.ts';

/** A replay waits behind batches, whose callers wait for their answer, as a simulation does. */
const PRIORITY = 1;

const Day = z.string().refine(isIsoDate, 'a day as YYYY-MM-DD');

const StartBody = z
  .strictObject({
    from: Day.openapi({ description: 'First decision date replayed (YYYY-MM-DD)', example: '2025-01-01' }),
    to: Day.openapi({ description: 'Last decision date replayed (YYYY-MM-DD)', example: '2025-12-31' }),
    question: z
      .string()
      .optional()
      .openapi({ description: 'Only this question; every question the change set reaches when absent' }),
  })
  .openapi('ReplayImpactStart');

const Side = z.object({ outcome: z.string(), amounts: z.record(z.string(), z.number()), reasons: z.array(Reason) });

const ReplayImpact = z
  .object({
    id: z.string(),
    draft: z.object({ id: z.string(), revision: z.number() }),
    from: z.string(),
    to: z.string(),
    questions: z.array(z.string()),
    status: z.enum(['running', 'done', 'failed']),
    processed: z.number(),
    total: z.number().nullable(),
    error: z.string().nullable(),
    queue: z.object({ state: z.string(), position: z.number(), attempts: z.number() }).nullable(),
    result: z
      .object({
        replayed: z.number().openapi({ description: 'Decisions replayed under the changed law' }),
        changed: z.number().openapi({ description: 'Of them, how many would have another outcome or amount' }),
        failed: z.number().openapi({ description: 'Decisions the changed law could not answer (not compared)' }),
        failures: z.array(z.object({ id: z.string(), message: z.string() })),
        skipped: z.number().openapi({ description: 'Receipts in the period answered by a proposal: not replayed' }),
        matrix: z
          .array(z.object({ question: z.string(), from: z.string(), to: z.string(), count: z.number() }))
          .openapi({ description: 'How many decisions went from each outcome to each outcome (unchanged ones too)' }),
        amounts: z
          .array(
            z.object({
              question: z.string(),
              amount: z.string(),
              gained: z.object({ total: z.string(), count: z.number() }),
              lost: z.object({ total: z.string(), count: z.number() }),
              net: z.string(),
            }),
          )
          .openapi({ description: 'Money gained and lost per amount, exact decimal totals in złoty, with how many decisions' }),
        examples: z.array(
          z.object({
            receipt: z.string(),
            question: z.string(),
            date: z.string(),
            facts: z
              .record(z.string(), z.unknown())
              .nullable()
              .openapi({ description: 'Only for a receipt the caller may read (their own; an admin: any); null otherwise' }),
            before: Side,
            after: Side,
          }),
        ),
      })
      .nullable(),
  })
  .openapi('ReplayImpact');

const RunParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  run: z.string().openapi({ param: { name: 'run', in: 'path' } }),
});
const DraftParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

/** The questions a change set's files reach: its rule sets', or every question when it changes values or the catalogue. */
export function questionsReached(cs: ChangeSet, library: Library): string[] {
  const out = new Set<string>();
  for (const f of cs.files) {
    const kind = classify(f.path);
    if (kind === 'tests' || kind === 'other') continue;
    if (kind === 'ruleset' || kind === 'proposal') {
      const question = f.path.slice(LAW_ROOT.length).split('/')[0];
      if (question && library.questionIds().includes(question)) out.add(question);
    } else for (const q of library.questionIds()) out.add(q);
  }
  return [...out].sort();
}

export interface DraftImpactDeps {
  db: Db;
  law: LawCache;
  queue: JobQueue;
  runner: JobRunner;
}

/** POST /drafts/{id}/replay-impact queues a replay of past decisions under the change set; GET reports it; DELETE cancels. */
export function draftImpactRoutes(app: OpenAPIHono<AppEnv>, deps: DraftImpactDeps): void {
  const { db } = deps;
  const guard = requirePermission('draft', 'review');
  app.use('/api/v1/drafts/:id/replay-impact', guard);
  app.use('/api/v1/drafts/:id/replay-impact/*', guard);
  const who = (c: Context<AppEnv>) => c.get('principal') as Principal;

  /** A run the caller may see: their own, or any for an admin; 404 otherwise, so that ids reveal nothing. */
  const visibleRun = async (c: Context<AppEnv>, draftId: string, id: string) => {
    const [row] = await db
      .select()
      .from(replayImpacts)
      .where(and(eq(replayImpacts.id, id), eq(replayImpacts.draftId, draftId)));
    if (!row || (row.createdBy !== who(c).id && who(c).role !== 'admin'))
      throw new ApiError(404, 'NOT_FOUND', 'no replay with this id');
    return row;
  };

  const view = async (c: Context<AppEnv>, row: typeof replayImpacts.$inferSelect) => {
    const job = await deps.queue.get(row.id);
    const reader = who(c);
    let result: z.infer<typeof ReplayImpact>['result'] = null;
    if (row.result) {
      const stored = JSON.parse(row.result) as ImpactResult;
      const others: string[] = [];
      // Personal facts leave only with an example whose receipt the caller may read; such reads are audited.
      const examples = [];
      for (const { asked_by, created_at: _, facts, ...e } of stored.examples) {
        const readable = await mayRead(db, reader, asked_by);
        if (readable && asked_by !== reader.id) others.push(e.receipt);
        examples.push({ ...e, facts: readable ? facts : null });
      }
      if (others.length)
        await appendAudit(db, {
          actor: reader.id,
          action: 'decision.read',
          subject: `replay-impact:${row.id}`,
          detail: { receipts: others },
        });
      result = { ...stored, examples };
    }
    return {
      id: row.id,
      draft: { id: row.draftId, revision: row.draftRevision },
      from: row.fromDate,
      to: row.toDate,
      questions: JSON.parse(row.questions) as string[],
      status: row.status as 'running' | 'done' | 'failed',
      processed: row.processed,
      total: row.total,
      error: row.error,
      queue: job ? { state: job.status, position: await deps.queue.position(job.id), attempts: job.attempts } : null,
      result,
    };
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/replay-impact',
      tags: ['drafts'],
      summary:
        'Replay every stored decision of a period under the change set, as a job on the worker pool: how many would change, from what to what, money gained and lost, examples',
      request: { params: DraftParam, body: { ...json(StartBody), required: true } },
      responses: {
        202: { ...json(ReplayImpact), description: 'Queued' },
        ...errorResponses,
        422: { ...json(ErrorSchema), description: 'The change set does not validate, or reaches no question' },
        429: {
          ...json(ErrorSchema.extend({ error: ErrorSchema.shape.error.extend({ details: QueueState }) })),
          description: 'The job queue is full for you or for everyone: details give its state',
        },
      },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      const body = c.req.valid('json');
      const me = who(c);
      if (body.from > body.to)
        throw new ApiError(400, 'INVALID_REQUEST', 'from must not be after to', [{ field: 'to', message: 'on or after from' }]);
      const { library, problems } = await validateChangeSet(db, cs, await deps.law.get());
      if (!library) throw new ApiError(422, 'INVALID_DRAFT', 'the change set does not validate: fix it first', problems);
      let questions = questionsReached(cs, library);
      if (body.question !== undefined) {
        if (!library.questionIds().includes(body.question))
          throw new ApiError(404, 'UNKNOWN_QUESTION', `no question "${body.question}"`, { field: 'question' });
        questions = [body.question];
      }
      if (!questions.length)
        throw new ApiError(
          422,
          'NOTHING_TO_REPLAY',
          'the change set changes no rule set, value or catalogue entry: no decision could change',
        );
      const id = randomUUID();
      const { total } = await countInScope(db, questions, body.from, body.to);
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(replayImpacts)
          .values({
            id,
            draftId: cs.row.id,
            draftRevision: cs.row.revision,
            fromDate: body.from,
            toDate: body.to,
            questions: JSON.stringify(questions),
            total,
            createdBy: me.id,
          })
          .returning();
        await appendAudit(tx, {
          actor: me.id,
          action: 'replay_impact.start',
          subject: `draft:${cs.row.id}`,
          detail: { run: id, from: body.from, to: body.to, questions },
        });
        return inserted as typeof replayImpacts.$inferSelect;
      });
      try {
        await deps.queue.enqueue({ id, kind: 'replay-impact', owner: me.id, payloadRef: id, priority: PRIORITY });
      } catch (e) {
        await db.transaction(async (tx) => {
          await tx.delete(replayImpacts).where(eq(replayImpacts.id, id));
        });
        if (e instanceof QueueFullError) queueFull(c, e);
        throw e;
      }
      deps.runner.wake();
      return c.json(await view(c, row), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/drafts/{id}/replay-impact/{run}',
      tags: ['drafts'],
      summary: 'Progress of a replay (its place in the queue) and, when done, its result',
      request: { params: RunParams },
      responses: { 200: { ...json(ReplayImpact), description: 'The replay' }, ...errorResponses },
    }),
    async (c) => {
      const { id, run } = c.req.valid('param');
      return c.json(await view(c, await visibleRun(c, id, run)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/drafts/{id}/replay-impact/{run}',
      tags: ['drafts'],
      summary: 'Cancel a queued or running replay: its worker stops at once',
      request: { params: RunParams },
      responses: {
        200: { ...json(ReplayImpact), description: 'Cancelled' },
        ...errorResponses,
        409: { ...json(ErrorSchema), description: 'The replay had already ended' },
      },
    }),
    async (c) => {
      const { id, run } = c.req.valid('param');
      const row = await visibleRun(c, id, run);
      if (row.status !== 'running') throw new ApiError(409, 'ALREADY_FINISHED', `the replay has already ended (${row.status})`);
      await deps.runner.cancel(row.id);
      await db.transaction(async (tx) => {
        await updateRunningImpact(tx, row.id, {
          status: 'failed',
          error: `cancelled by ${who(c).name}`,
          finishedAt: new Date().toISOString(),
        });
        await appendAudit(tx, { actor: who(c).id, action: 'replay_impact.cancel', subject: `draft:${id}` });
      });
      return c.json(await view(c, await visibleRun(c, id, row.id)), 200);
    },
  );
}
