import { z } from '@hono/zod-openapi';
import { Answer } from '../../src/schema/answer.ts';
import { LocalText } from '../../src/schema/common.ts';

/** The most persons the server draws for one run: it runs on the worker pool, so a million is a few seconds of a thread. */
export const MAX_GENERATED_PERSONS = 1_000_000;

export const UploadedPopulation = z
  .strictObject({ format: z.enum(['csv', 'jsonl']), content: z.string().min(1) })
  .openapi('UploadedPopulation', {
    description:
      'A population sent as the text of a CSV or JSON Lines file inside the request (at most the body limit); larger files go to POST /api/v1/simulations/uploads',
  });

export const StoredPopulation = z
  .strictObject({ upload: z.string().min(1).max(100).openapi({ description: 'The id POST /api/v1/simulations/uploads gave' }) })
  .openapi('StoredPopulation', { description: 'A population file streamed to the server beforehand' });

export const Upload = z
  .object({
    upload: z.string(),
    format: z.enum(['csv', 'jsonl']),
    bytes: z.number(),
    hash: z.string().openapi({ description: 'sha256 of the file as received' }),
  })
  .openapi('PopulationUpload');

export const GeneratedPopulation = z
  .strictObject({
    generate: z.strictObject({
      size: z.number().int().min(1).max(MAX_GENERATED_PERSONS),
      seed: z.number().int().min(0).max(0xffffffff),
      weighted: z.boolean().default(true).openapi({
        description:
          'Weight the rows to the national caseload of the question (when one is stated) and give each a voivodeship; false draws the plain population, every row weighing 1',
      }),
    }),
  })
  .openapi('GeneratedPopulation', {
    description:
      'A synthetic population the server draws for the run’s date, as `reintegra population --size --seed --date [--question] --format jsonl` would write it',
  });

export const BudgetWindowRequest = z
  .strictObject({
    from: z.number().int().min(1900).max(2100),
    to: z.number().int().min(1900).max(2100),
    rate_percent: z.number().min(-10).max(20).default(2.5).openapi({
      description: 'Yearly indexation of the amounts after the last announced year; 2.5 by default (the NBP inflation target)',
    }),
  })
  .openapi('BudgetWindowRequest', {
    description: 'Years to evaluate the run in, each on the run’s day and month in that year (at most 10 years)',
  });

export const StartBody = z
  .strictObject({
    question: z.string(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    baseline: z
      .string()
      .optional()
      .openapi({ description: 'A version by its valid_from; the law in force on the date when absent' }),
    proposal: z.string().openapi({ description: 'A bundled proposal name, or the id of a draft kept as a proposal' }),
    population: z.union([UploadedPopulation, GeneratedPopulation, StoredPopulation]),
    by: z.array(z.string()).max(5).default([]),
    months_per_year: z.number().min(1).max(12).default(12),
    window: BudgetWindowRequest.optional(),
  })
  .openapi('SimulationRequest');

export const MoneyImpact = z
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
    fd_histogram: z
      .object({
        width: z.number().openapi({ description: 'Bin width in PLN, by the Freedman–Diaconis rule' }),
        bins: z.array(z.object({ from: z.number(), to: z.number(), persons: z.number() })),
      })
      .nullable()
      .optional()
      .openapi({ description: 'The changes in bins chosen from the data; absent in runs stored before' }),
  })
  .openapi('MoneyImpact');

export const PopulationSource = z
  .discriminatedUnion('source', [
    z.object({ source: z.literal('upload'), format: z.enum(['csv', 'jsonl']), bytes: z.number(), hash: z.string() }),
    z.object({
      source: z.literal('generated'),
      size: z.number(),
      seed: z.number(),
      date: z.string(),
      weighted_to: z
        .string()
        .nullable()
        .optional()
        .openapi({ description: 'The question whose caseload the rows are weighted to' }),
      format: z.literal('jsonl'),
      hash: z.string().openapi({ description: 'sha256 of the JSON Lines text, as the command writes it' }),
      command: z.string().openapi({ description: 'The command that writes the same population' }),
      assumptions: z.string().openapi({ description: 'The generator’s assumptions, in Markdown' }),
    }),
  ])
  .openapi('PopulationSource');

export const SimulationResult = z
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
    assumptions: z.object({
      months_per_year: z.number(),
      text: z.string(),
      statements: z.array(LocalText).optional().openapi({ description: 'Every assumption of the run, in Polish and English' }),
    }),
    breakdowns: z.record(
      z.string(),
      z.record(z.string(), z.object({ persons: z.number(), changed: z.number(), total_delta: z.number() })),
    ),
    examples: z.record(
      z.string(),
      z.array(z.object({ line: z.number(), facts: z.record(z.string(), z.unknown()), baseline: Answer, proposal: Answer })),
    ),
    changed_outcomes: z
      .number()
      .optional()
      .openapi({ description: 'Persons whose outcome changed (changed counts any change: outcome, amount or value)' }),
    weighted: z
      .object({
        persons: z.number(),
        changed: z.number(),
        changed_outcomes: z.number(),
        totals: z.array(
          z.object({
            amount: z.string(),
            counted_total_delta: z.number(),
            weighted_total_delta: z.number(),
            counted_yearly: z.number(),
            weighted_yearly: z.number(),
          }),
        ),
      })
      .optional()
      .openapi({ description: 'Counts and totals with each row counted by its weight; absent in runs stored before weights' }),
    caseload: z
      .object({
        population: LocalText,
        unit: LocalText,
        payer: LocalText,
        labour_fund: z.boolean(),
        payer_basis: z.string(),
      })
      .nullable()
      .optional(),
    calibration: z
      .array(
        z.object({
          target: z.string().openapi({ description: '`national` or a voivodeship' }),
          expected: z.number(),
          weighted: z.number(),
          difference_percent: z.number(),
          source: z.string(),
          source_year: z.number(),
          url: z.string().nullable(),
          confidence: z.enum(['read', 'secondary', 'derived', 'recalled', 'assumption']),
        }),
      )
      .optional(),
    regions: z
      .array(
        z.object({
          voivodeship: z.string(),
          persons: z.number(),
          weighted_persons: z.number(),
          changed: z.number(),
          weighted_changed: z.number(),
          total_delta: z.number(),
          weighted_total_delta: z.number(),
        }),
      )
      .optional(),
    budget_window: z
      .object({
        amount: z.string(),
        rate_percent: z.number(),
        rate_reason: LocalText,
        announced_through: z.number(),
        labour_fund: z.boolean(),
        payer: z.object({ pl: z.string(), en: z.string() }).nullable(),
        rows: z.array(
          z.object({
            year: z.number(),
            date: z.string(),
            evaluated_on: z.string(),
            indexed: z.boolean(),
            index_factor: z.number(),
            baseline_cost: z.number(),
            proposal_cost: z.number(),
            cost_difference: z.number(),
            weighted_baseline_cost: z.number(),
            weighted_proposal_cost: z.number(),
            weighted_cost_difference: z.number(),
          }),
        ),
      })
      .nullable()
      .optional(),
    population: PopulationSource.optional().openapi({
      description: 'Where the persons came from; absent in runs stored before it was kept',
    }),
  })
  .openapi('SimulationResult');

export const Simulation = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done', 'failed']).openapi({
      description:
        'running until the run ends (queued or on a worker: see queue), then done or failed (a cancelled run is failed, its error saying who cancelled it)',
    }),
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
    inputs: z
      .object({
        baseline: z.string().optional(),
        proposal_draft: z.string().nullable(),
        population: z.union([
          z.object({ generate: z.object({ size: z.number(), seed: z.number() }) }),
          z.object({ upload: z.string(), format: z.enum(['csv', 'jsonl']), bytes: z.number(), hash: z.string() }),
        ]),
        by: z.array(z.string()),
        months_per_year: z.number(),
      })
      .nullable()
      .optional()
      .openapi({ description: 'What the run was asked besides its question and dates: population, breakdowns, options' }),
    created_at: z.string().optional(),
    question_title: z.object({ pl: z.string(), en: z.string() }).nullable().optional(),
    proposal_title: z.object({ pl: z.string(), en: z.string() }).nullable().optional(),
    created_by: z.string().optional().openapi({ description: 'The id of the person who started it: runs belong to them' }),
    queue: z
      .object({
        state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
        position: z.number().openapi({ description: 'Runs queued before this one (0 once it runs)' }),
        attempts: z.number().openapi({ description: 'Times a worker took it (more than 1 after a restart resumed it)' }),
      })
      .nullable()
      .optional()
      .openapi({ description: 'Where the run is in the job queue; null for runs stored before the queue' }),
  })
  .openapi('Simulation');

export const SimulationLimits = z
  .object({
    body_limit_bytes: z.number().openapi({ description: 'The largest request body the server accepts' }),
    max_generated_persons: z.number(),
    max_by: z.number().openapi({ description: 'How many facts a run may be broken down by' }),
    upload_limit_bytes: z.number().openapi({ description: 'The largest file POST /api/v1/simulations/uploads accepts' }),
  })
  .openapi('SimulationLimits');

export type PopulationSource = z.infer<typeof PopulationSource>;

/** The body of 429 QUEUE_FULL: how full the job queue is, and how much of it is the caller's. */
export const QueueState = z
  .object({
    queued: z.number(),
    running: z.number(),
    yours: z.number(),
    limit_per_user: z.number(),
    limit_total: z.number(),
  })
  .openapi('QueueState');
