import { createHash, type Hash, randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { CompiledLibrary } from '../../src/compile/compile.ts';
import type { Library } from '../../src/library.ts';
import { generatePopulation, populationAssumptions, toJsonLines } from '../../src/population/generate/index.ts';
import { type PopulationRow, readPopulation } from '../../src/population/read/index.ts';
import { Answer } from '../../src/schema/answer.ts';
import { simulate } from '../../src/simulate/simulate.ts';
import type { Db } from '../db/open.ts';
import { simulations } from '../db/schema.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import { appendAudit } from '../store/audit.ts';
import type { Principal } from '../store/people.ts';
import type { LawCache } from '../store/rule-files.ts';
import { proposalLibrary } from './proposal-law.ts';

/** The most persons the server draws for one run: a generated population is held to a few seconds of work. */
export const MAX_GENERATED_PERSONS = 200_000;
/** Rows read between two progress reports; the job also lets the server answer other requests there. */
const PROGRESS_EVERY = 1_000;

const UploadedPopulation = z
  .strictObject({ format: z.enum(['csv', 'jsonl']), content: z.string().min(1) })
  .openapi('UploadedPopulation', { description: 'A population sent as the text of a CSV or JSON Lines file' });

const GeneratedPopulation = z
  .strictObject({
    generate: z.strictObject({
      size: z.number().int().min(1).max(MAX_GENERATED_PERSONS),
      seed: z.number().int().min(0).max(0xffffffff),
    }),
  })
  .openapi('GeneratedPopulation', {
    description:
      'A synthetic population the server draws for the run’s date, as `reintegra population --size --seed --date --format jsonl` would write it',
  });

const StartBody = z
  .strictObject({
    question: z.string(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    baseline: z
      .string()
      .optional()
      .openapi({ description: 'A version by its valid_from; the law in force on the date when absent' }),
    proposal: z.string().openapi({ description: 'A bundled proposal name, or the id of a draft kept as a proposal' }),
    population: z.union([UploadedPopulation, GeneratedPopulation]),
    by: z.array(z.string()).max(5).default([]),
    months_per_year: z.number().min(1).max(12).default(12),
  })
  .openapi('SimulationRequest');

const MoneyImpact = z
  .object({
    gainers: z.number(),
    losers: z.number(),
    total_delta: z.number().openapi({ description: 'Sum of all changes, PLN a month' }),
    gain_sum: z.number(),
    loss_sum: z.number(),
    mean_gain: z.number(),
    mean_loss: z.number(),
    histogram: z.array(
      z.object({
        from: z.number().nullable().openapi({ description: 'null: no lower bound' }),
        to: z.number().nullable().openapi({ description: 'null: no upper bound' }),
        persons: z.number(),
      }),
    ),
  })
  .openapi('MoneyImpact');

const PopulationSource = z
  .discriminatedUnion('source', [
    z.object({ source: z.literal('upload'), format: z.enum(['csv', 'jsonl']), bytes: z.number(), hash: z.string() }),
    z.object({
      source: z.literal('generated'),
      size: z.number(),
      seed: z.number(),
      date: z.string(),
      format: z.literal('jsonl'),
      hash: z.string().openapi({ description: 'sha256 of the JSON Lines text, as the command writes it' }),
      command: z.string().openapi({ description: 'The command that writes the same population' }),
      assumptions: z.string().openapi({ description: 'The generator’s assumptions, in Markdown' }),
    }),
  ])
  .openapi('PopulationSource');

const SimulationResult = z
  .object({
    question: z.string(),
    date: z.string(),
    baseline: z.object({ version: z.string().nullable(), hash: z.string().nullable() }),
    proposal: z.object({ version: z.string(), hash: z.string() }),
    persons: z.number(),
    errors: z.object({ count: z.number(), first: z.array(z.object({ line: z.number(), reason: z.string() })) }),
    changed: z.number(),
    transitions: z.record(z.string(), z.number()).openapi({ description: '`from → to` outcome counts, unchanged ones included' }),
    money: z.record(z.string(), MoneyImpact),
    yearly_cost_difference: z.record(z.string(), z.number()),
    assumptions: z.object({ months_per_year: z.number(), text: z.string() }),
    breakdowns: z.record(
      z.string(),
      z.record(z.string(), z.object({ persons: z.number(), changed: z.number(), total_delta: z.number() })),
    ),
    examples: z.record(
      z.string(),
      z.array(z.object({ line: z.number(), facts: z.record(z.string(), z.unknown()), baseline: Answer, proposal: Answer })),
    ),
    population: PopulationSource.optional().openapi({
      description: 'Where the persons came from; absent in runs stored before it was kept',
    }),
  })
  .openapi('SimulationResult');

const Simulation = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    processed: z.number().openapi({ description: 'Rows of the population read so far (persons and bad rows)' }),
    question: z.string(),
    date: z.string(),
    baseline: z.object({ version: z.string().nullable(), hash: z.string().nullable() }),
    proposal: z.object({ version: z.string(), hash: z.string() }),
    population_hash: z
      .string()
      .nullable()
      .openapi({ description: 'null while a generated population is still being drawn (its hash is known at the end)' }),
    result: z.union([SimulationResult, z.null()]),
    error: z.string().nullable(),
  })
  .openapi('Simulation');

const SimulationLimits = z
  .object({
    body_limit_bytes: z.number().openapi({ description: 'The largest request body the server accepts' }),
    max_generated_persons: z.number(),
    max_by: z.number().openapi({ description: 'How many facts a run may be broken down by' }),
  })
  .openapi('SimulationLimits');

type PopulationSource = z.infer<typeof PopulationSource>;

/** The lines of a text, each added to `hash` with its line break, as they pass. */
function* hashed(lines: Iterable<string>, hash: Hash): Generator<string> {
  for (const line of lines) {
    hash.update(`${line}\n`);
    yield line;
  }
}

/**
 * The rows, reporting how many were read every {@link PROGRESS_EVERY} and then yielding to the event loop:
 * without that pause the whole run is one chain of microtasks and no poll is answered until it ends.
 */
async function* paced(rows: AsyncIterable<PopulationRow>, report: (read: number) => void): AsyncGenerator<PopulationRow> {
  let read = 0;
  for await (const row of rows) {
    yield row;
    if (++read % PROGRESS_EVERY === 0) {
      report(read);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

function view(row: typeof simulations.$inferSelect) {
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
  };
}

/** POST /api/v1/simulations starts a run as a job; GET reports its progress and, when done, its result. */
export function simulationRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache; bodyLimitBytes: number }): void {
  const { db } = deps;
  app.use('/api/v1/simulations', requirePermission('evaluate_proposal'));
  app.use('/api/v1/simulations/*', requirePermission('evaluate_proposal'));

  // Declared before /{id}, which would otherwise take "limits" for an id.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/simulations/limits',
      tags: ['simulations'],
      summary: 'How large a run may be: the body limit for an uploaded population, the most persons generated',
      responses: { 200: { ...json(SimulationLimits), description: 'The limits' }, ...errorResponses },
    }),
    (c) => c.json({ body_limit_bytes: deps.bodyLimitBytes, max_generated_persons: MAX_GENERATED_PERSONS, max_by: 5 }, 200),
  );

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
      const library: Library = proposalLibrary(db, deps.law.get(), body.proposal) ?? deps.law.get();
      const proposalIr = library.version(body.question, body.proposal);
      if (!proposalIr) throw new ApiError(404, 'UNKNOWN_VERSION', `${body.question} has no proposal "${body.proposal}"`);
      const baselineIr = body.baseline
        ? library.version(body.question, body.baseline)
        : library.versionOn(body.question, body.date);
      if (body.baseline && !baselineIr)
        throw new ApiError(404, 'UNKNOWN_VERSION', `${body.question} has no version "${body.baseline}"`);
      const uploaded = 'content' in body.population ? body.population : undefined;
      const generate = 'generate' in body.population ? { ...body.population.generate, date: body.date } : undefined;
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
          populationHash: uploaded ? `sha256:${createHash('sha256').update(uploaded.content).digest('hex')}` : '',
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
      // A generated population is hashed as it is drawn, line by line as the command would write it.
      const generatedHash = createHash('sha256');
      const lines = generate
        ? hashed(toJsonLines(generatePopulation(generate)), generatedHash)
        : (uploaded?.content ?? '').split('\n');
      const source = (): PopulationSource =>
        generate
          ? {
              source: 'generated',
              ...generate,
              format: 'jsonl',
              hash: `sha256:${generatedHash.digest('hex')}`,
              command: `reintegra population --size ${generate.size} --seed ${generate.seed} --date ${generate.date} --format jsonl --out population.jsonl`,
              assumptions: populationAssumptions(generate),
            }
          : {
              source: 'upload',
              format: uploaded?.format ?? 'csv',
              bytes: Buffer.byteLength(uploaded?.content ?? ''),
              hash: row.populationHash,
            };
      let read = 0;
      // Runs after the response: the caller polls GET for progress.
      setImmediate(() => {
        simulate({
          library,
          compiled: new CompiledLibrary(library),
          question: body.question,
          date: body.date,
          ...(body.baseline ? { baseline: body.baseline } : {}),
          proposal: body.proposal,
          rows: paced(
            readPopulation(lines, { format: generate ? 'jsonl' : (uploaded?.format ?? 'csv'), catalogue: library.catalogue }),
            (n) => {
              read = n;
              update({ processed: n });
            },
          ),
          by: body.by,
          monthsPerYear: body.months_per_year,
        })
          .then((result) => {
            const population = source();
            update({
              status: 'done',
              processed: result.persons + result.errors.count,
              populationHash: population.hash,
              result: JSON.stringify({ ...result, population }),
              finishedAt: new Date().toISOString(),
            });
          })
          .catch((e: unknown) =>
            update({
              status: 'failed',
              processed: read,
              error: e instanceof Error ? e.message : String(e),
              finishedAt: new Date().toISOString(),
            }),
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
