import { createHash, randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { CompiledLibrary } from '../../src/compile/compile.ts';
import type { Library } from '../../src/library.ts';
import { readPopulation } from '../../src/population/read/index.ts';
import { simulate } from '../../src/simulate/simulate.ts';
import type { Db } from '../db/open.ts';
import { simulations } from '../db/schema.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import { appendAudit } from '../store/audit.ts';
import { validateDraft } from '../store/draft-checks.ts';
import { getDraft } from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import type { LawCache } from '../store/rule-files.ts';

const StartBody = z
  .strictObject({
    question: z.string(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    baseline: z
      .string()
      .optional()
      .openapi({ description: 'A version by its valid_from; the law in force on the date when absent' }),
    proposal: z.string().openapi({ description: 'A bundled proposal name, or the id of a draft kept as a proposal' }),
    population: z.strictObject({ format: z.enum(['csv', 'jsonl']), content: z.string().min(1) }),
    by: z.array(z.string()).max(5).default([]),
    months_per_year: z.number().min(1).max(12).default(12),
  })
  .openapi('SimulationRequest');

const Simulation = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    processed: z.number(),
    question: z.string(),
    date: z.string(),
    baseline: z.object({ version: z.string().nullable(), hash: z.string().nullable() }),
    proposal: z.object({ version: z.string(), hash: z.string() }),
    population_hash: z.string(),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
  })
  .openapi('Simulation');

function view(row: typeof simulations.$inferSelect) {
  return {
    id: row.id,
    status: row.status as 'running' | 'done' | 'failed',
    processed: row.processed,
    question: row.question,
    date: row.date,
    baseline: { version: row.baselineVersion, hash: row.baselineHash },
    proposal: { version: row.proposalVersion, hash: row.proposalHash },
    population_hash: row.populationHash,
    result: row.result ? (JSON.parse(row.result) as Record<string, unknown>) : null,
    error: row.error,
  };
}

/** POST /api/v1/simulations starts a run as a job; GET reports its progress and, when done, its result. */
export function simulationRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  const { db } = deps;
  app.use('/api/v1/simulations', requirePermission('evaluate_proposal'));
  app.use('/api/v1/simulations/*', requirePermission('evaluate_proposal'));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/simulations',
      tags: ['simulations'],
      summary: 'Trial a proposal over a population, as a job',
      request: { body: { ...json(StartBody), required: true } },
      responses: { 202: { ...json(Simulation), description: 'Started' }, ...errorResponses },
    }),
    (c) => {
      const body = c.req.valid('json');
      const who = c.get('principal') as Principal;
      const draft = getDraft(db, body.proposal);
      let library: Library = deps.law.get();
      if (draft) {
        if (!draft.proposal) throw new ApiError(409, 'NOT_A_PROPOSAL', 'only a draft kept as a proposal can be trialled');
        const v = validateDraft(db, draft);
        if (!v.library) throw new ApiError(422, 'INVALID_DRAFT', 'the proposal does not validate', v.problems);
        library = v.library;
      }
      const proposalIr = library.version(body.question, body.proposal);
      if (!proposalIr) throw new ApiError(404, 'UNKNOWN_VERSION', `${body.question} has no proposal "${body.proposal}"`);
      const baselineIr = body.baseline
        ? library.version(body.question, body.baseline)
        : library.versionOn(body.question, body.date);
      if (body.baseline && !baselineIr)
        throw new ApiError(404, 'UNKNOWN_VERSION', `${body.question} has no version "${body.baseline}"`);
      const row = db
        .insert(simulations)
        .values({
          id: randomUUID(),
          question: body.question,
          date: body.date,
          baselineVersion: baselineIr?.name ?? null,
          baselineHash: baselineIr?.hash ?? null,
          proposalVersion: proposalIr.name,
          proposalHash: proposalIr.hash,
          populationHash: `sha256:${createHash('sha256').update(body.population.content).digest('hex')}`,
          createdBy: who.id,
        })
        .returning()
        .get();
      appendAudit(db, {
        actor: who.id,
        action: 'simulation.start',
        subject: `simulation:${row.id}`,
        detail: { question: body.question, proposal: proposalIr.name },
      });
      const update = (set: Partial<typeof simulations.$inferInsert>) =>
        db.update(simulations).set(set).where(eq(simulations.id, row.id)).run();
      // Runs after the response: the caller polls GET for progress.
      setImmediate(() => {
        simulate({
          library,
          compiled: new CompiledLibrary(library),
          question: body.question,
          date: body.date,
          ...(body.baseline ? { baseline: body.baseline } : {}),
          proposal: body.proposal,
          rows: readPopulation(body.population.content.split('\n'), {
            format: body.population.format,
            catalogue: library.catalogue,
          }),
          by: body.by,
          monthsPerYear: body.months_per_year,
          onProgress: (processed) => update({ processed }),
        })
          .then((result) =>
            update({
              status: 'done',
              processed: result.persons,
              result: JSON.stringify(result),
              finishedAt: new Date().toISOString(),
            }),
          )
          .catch((e: unknown) =>
            update({ status: 'failed', error: e instanceof Error ? e.message : String(e), finishedAt: new Date().toISOString() }),
          );
      });
      return c.json(view(row), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/simulations/{id}',
      tags: ['simulations'],
      summary: 'Progress of a run and, when done, its result',
      request: { params: IdParam },
      responses: { 200: { ...json(Simulation), description: 'The run' }, ...errorResponses },
    }),
    (c) => {
      const row = db
        .select()
        .from(simulations)
        .where(eq(simulations.id, c.req.valid('param').id))
        .get();
      if (!row) throw new ApiError(404, 'NOT_FOUND', 'no simulation with this id');
      return c.json(view(row), 200);
    },
  );
}
