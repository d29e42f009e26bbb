import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Library } from '../../src/library.ts';
import { MAX_WINDOW_YEARS } from '../../src/simulate/budget-window.ts';
import type { Db } from '../db/open.ts';
import { simulations } from '../db/schema.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { ErrorSchema, errorResponses, IdParam, json } from '../http/schemas.ts';
import { type JobQueue, QueueFullError } from '../jobs/queue.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { removeRunUpload, type SimulationRequest, updateRunning } from '../jobs/simulation-job.ts';
import {
  ownUpload,
  type PopulationFormat,
  removeUpload,
  saveUpload,
  saveUploadText,
  type UploadRow,
  type UploadStore,
  UploadTooLarge,
} from '../jobs/uploads.ts';
import { appendAudit } from '../store/audit.ts';
import { getChangeSet } from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import type { LawCache } from '../store/rule-files.ts';
import { proposalLibrary } from './proposal-law.ts';
import { quickReformRoutes } from './quick-reforms.ts';
import { runTitles, simulationRunRoutes } from './simulation-runs.ts';
import {
  MAX_GENERATED_PERSONS,
  QueueState,
  Simulation,
  SimulationLimits,
  type SimulationResult,
  StartBody,
  Upload,
} from './simulation-schemas.ts';

export { MAX_GENERATED_PERSONS } from './simulation-schemas.ts';

/** A simulation waits behind batches, whose callers are waiting for their answer. */
const SIMULATION_PRIORITY = 1;

export interface SimulationDeps {
  db: Db;
  law: LawCache;
  bodyLimitBytes: number;
  queue: JobQueue;
  runner: JobRunner;
  uploads: UploadStore;
}

/** 429 with the queue's state and a hint of when to come back. */
export function queueFull(c: Context, e: QueueFullError): never {
  c.header('Retry-After', '30');
  throw new ApiError(429, 'QUEUE_FULL', e.message, e.state);
}

const tooMany = {
  429: {
    ...json(ErrorSchema.extend({ error: ErrorSchema.shape.error.extend({ details: QueueState }) })),
    description: 'The job queue is full for you or for everyone: details give its state',
  },
};

/** POST /api/v1/simulations queues a run for the worker pool; GET reports its progress and result; DELETE cancels it. */
export function simulationRoutes(app: OpenAPIHono<AppEnv>, deps: SimulationDeps): void {
  const { db } = deps;
  app.use('/api/v1/simulations', requirePermission('evaluate_proposal'));
  app.use('/api/v1/simulations/*', requirePermission('evaluate_proposal'));
  const who = (c: Context<AppEnv>) => c.get('principal') as Principal;

  /** A run the caller may see: their own, or any for an admin; 404 otherwise, so that ids reveal nothing. */
  const visibleRun = async (c: Context<AppEnv>, id: string) => {
    const [row] = await db.select().from(simulations).where(eq(simulations.id, id));
    if (!row || (row.createdBy !== who(c).id && who(c).role !== 'admin'))
      throw new ApiError(404, 'NOT_FOUND', 'no simulation with this id');
    return row;
  };

  const view = async (row: typeof simulations.$inferSelect) => {
    const job = await deps.queue.get(row.id);
    return {
      id: row.id,
      status: row.status as 'running' | 'done' | 'failed',
      processed: row.processed,
      question: row.question,
      date: row.date,
      baseline: { version: row.baselineVersion, hash: row.baselineHash },
      proposal: { version: row.proposalVersion, hash: row.proposalHash },
      population_hash: row.populationHash || null,
      result: row.result ? (JSON.parse(row.result) as z.infer<typeof SimulationResult>) : null,
      error: row.error,
      inputs: row.request ? (JSON.parse(row.request) as SimulationRequest) : null,
      created_at: row.createdAt,
      created_by: row.createdBy,
      ...(await runTitles(row, deps)),
      queue: job ? { state: job.status, position: await deps.queue.position(job.id), attempts: job.attempts } : null,
    };
  };

  // Declared before /{id}, which would otherwise take "limits" (or "queue") for an id.
  simulationRunRoutes(app, deps, visibleRun);
  quickReformRoutes(app, deps);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/simulations/limits',
      tags: ['simulations'],
      summary:
        'How large a run may be: the body limit for a population sent inline, the upload limit, the most persons generated',
      responses: { 200: { ...json(SimulationLimits), description: 'The limits' }, ...errorResponses },
    }),
    (c) =>
      c.json(
        {
          body_limit_bytes: deps.bodyLimitBytes,
          max_generated_persons: MAX_GENERATED_PERSONS,
          max_by: 5,
          upload_limit_bytes: deps.uploads.limitBytes,
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/simulations/uploads',
      tags: ['simulations'],
      summary:
        'Stream a population file (CSV as text/csv, JSON Lines as application/x-ndjson) to the server; start a run with population: { upload: id }',
      request: {
        body: {
          content: {
            'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
            'application/x-ndjson': { schema: z.string().openapi({ format: 'binary' }) },
          },
          required: true,
        },
      },
      responses: {
        201: { ...json(Upload), description: 'Received: its id, size and hash' },
        ...errorResponses,
        413: { ...json(ErrorSchema), description: 'Larger than upload_limit_bytes: nothing was kept' },
      },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      const format: PopulationFormat | undefined =
        type === 'text/csv' ? 'csv' : type === 'application/x-ndjson' || type === 'application/jsonl' ? 'jsonl' : undefined;
      if (!format)
        throw new ApiError(400, 'INVALID_REQUEST', 'send the file as text/csv or application/x-ndjson', [
          { field: 'Content-Type', message: 'text/csv or application/x-ndjson' },
        ]);
      let row: UploadRow;
      try {
        row = await saveUpload(deps.uploads, { owner: who(c).id, format, body: c.req.raw.body });
      } catch (e) {
        if (!(e instanceof UploadTooLarge)) throw e;
        c.header('Connection', 'close');
        throw new ApiError(413, 'PAYLOAD_TOO_LARGE', e.message);
      }
      return c.json({ upload: row.id, format, bytes: row.bytes, hash: row.hash }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/simulations',
      tags: ['simulations'],
      summary: 'Trial a proposal over a population, as a job on the worker pool',
      request: { body: { ...json(StartBody), required: true } },
      responses: { 202: { ...json(Simulation), description: 'Queued' }, ...errorResponses, ...tooMany },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const me = who(c);
      const changeSet = await getChangeSet(db, body.proposal);
      const draft = changeSet ? { id: changeSet.row.id } : undefined;
      const published = await deps.law.get();
      const library: Library = (await proposalLibrary(db, published, body.proposal)) ?? published;
      const proposalIr = library.version(body.question, body.proposal);
      if (!proposalIr) throw new ApiError(404, 'UNKNOWN_VERSION', `${body.question} has no proposal "${body.proposal}"`);
      // A proposal change set is set against the law as published: its own parameter rows must not reach the baseline.
      const baselineLaw = draft ? published : library;
      const baselineIr = body.baseline
        ? baselineLaw.version(body.question, body.baseline)
        : baselineLaw.versionOn(body.question, body.date);
      if (body.baseline && !baselineIr)
        throw new ApiError(404, 'UNKNOWN_VERSION', `${body.question} has no version "${body.baseline}"`);

      const p = body.population;
      let upload: UploadRow | undefined;
      if ('upload' in p) {
        upload = await ownUpload(deps.uploads, p.upload, me.id);
        if (!upload) throw new ApiError(404, 'NOT_FOUND', 'no upload with this id', { field: 'population.upload' });
      } else if ('content' in p) {
        // Sent inline: kept as a file at once, so the run streams it like any upload.
        upload = await saveUploadText(deps.uploads, { owner: me.id, format: p.format, text: p.content });
      }
      const request: SimulationRequest = {
        ...(body.baseline ? { baseline: body.baseline } : {}),
        proposal_draft: draft ? draft.id : null,
        population: upload
          ? { upload: upload.id, format: upload.format as PopulationFormat, bytes: upload.bytes, hash: upload.hash }
          : { generate: (p as { generate: { size: number; seed: number; weighted: boolean } }).generate },
        by: body.by,
        months_per_year: body.months_per_year,
        ...(body.window ? { window: checkedWindow(body.window) } : {}),
      };
      const id = randomUUID();
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(simulations)
          .values({
            id,
            question: body.question,
            date: body.date,
            baselineVersion: baselineIr?.name ?? null,
            baselineHash: baselineIr?.hash ?? null,
            proposalVersion: proposalIr.name,
            proposalHash: proposalIr.hash,
            populationHash: upload?.hash ?? '',
            request: JSON.stringify(request),
            createdBy: me.id,
          })
          .returning();
        await appendAudit(tx, {
          actor: me.id,
          action: 'simulation.start',
          subject: `simulation:${id}`,
          detail: { question: body.question, proposal: proposalIr.name },
        });
        return inserted as typeof simulations.$inferSelect;
      });
      try {
        await deps.queue.enqueue({ id, kind: 'simulation', owner: me.id, payloadRef: id, priority: SIMULATION_PRIORITY });
      } catch (e) {
        // Nothing was started: neither the run nor its file stays.
        await db.transaction(async (tx) => {
          await tx.delete(simulations).where(eq(simulations.id, id));
        });
        if (upload && !('upload' in p)) await removeUpload(deps.uploads, upload.id);
        if (e instanceof QueueFullError) queueFull(c, e);
        throw e;
      }
      deps.runner.wake();
      return c.json(await view(row), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/simulations/{id}',
      tags: ['simulations'],
      summary: 'Progress of a run (its place in the queue) and, when done, its result',
      request: { params: IdParam },
      responses: { 200: { ...json(Simulation), description: 'The run' }, ...errorResponses },
    }),
    async (c) => c.json(await view(await visibleRun(c, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/simulations/{id}',
      tags: ['simulations'],
      summary: 'Cancel a queued or running run: its worker stops at once',
      request: { params: IdParam },
      responses: {
        200: { ...json(Simulation), description: 'Cancelled' },
        ...errorResponses,
        409: { ...json(ErrorSchema), description: 'The run had already ended' },
      },
    }),
    async (c) => {
      const run = await visibleRun(c, c.req.valid('param').id);
      if (run.status !== 'running') throw new ApiError(409, 'ALREADY_FINISHED', `the run has already ended (${run.status})`);
      await deps.runner.cancel(run.id);
      await db.transaction(async (tx) => {
        await updateRunning(tx, run.id, {
          status: 'failed',
          error: `cancelled by ${who(c).name}`,
          finishedAt: new Date().toISOString(),
        });
        await appendAudit(tx, { actor: who(c).id, action: 'simulation.cancel', subject: `simulation:${run.id}` });
      });
      await removeRunUpload(deps, run.request);
      return c.json(await view(await visibleRun(c, run.id)), 200);
    },
  );
}

/** A budget window's years in order and at most MAX_WINDOW_YEARS long, else a 400 naming the field. */
function checkedWindow(w: { from: number; to: number; rate_percent: number }) {
  if (w.to < w.from)
    throw new ApiError(400, 'INVALID_WINDOW', 'the window must end in or after the year it starts', { field: 'window.to' });
  if (w.to - w.from + 1 > MAX_WINDOW_YEARS)
    throw new ApiError(400, 'INVALID_WINDOW', `a window spans at most ${MAX_WINDOW_YEARS} years`, { field: 'window.to' });
  return w;
}
