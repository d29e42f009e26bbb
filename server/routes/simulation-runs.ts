import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import { tablesXlsx } from '../../src/adapters/xlsx/result-xlsx.ts';
import { INTERNATIONAL, POLISH_EXCEL, tablesCsv } from '../../src/simulate/result-csv.ts';
import { resultTables, type TabulatedResult } from '../../src/simulate/result-tables.ts';
import type { Db } from '../db/open.ts';
import { simulations } from '../db/schema.ts';
import type { AppEnv } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { getChangeSet } from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import type { LawCache } from '../store/rule-files.ts';
import { QueueState } from './simulation-schemas.ts';

type Row = typeof simulations.$inferSelect;

const RunSummary = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    question: z.string(),
    date: z.string(),
    baseline: z.object({ version: z.string().nullable(), hash: z.string().nullable() }),
    proposal: z.object({ version: z.string(), hash: z.string() }),
    population_hash: z.string().nullable(),
    created_at: z.string(),
    created_by: z.string(),
    persons: z.number().nullable().openapi({ description: 'Persons of a finished run; null until it ends' }),
    changed: z.number().nullable(),
    yearly_cost_difference: z.record(z.string(), z.number()).nullable(),
    error: z.string().nullable(),
    question_title: z.object({ pl: z.string(), en: z.string() }).nullable(),
    proposal_title: z
      .object({ pl: z.string(), en: z.string() })
      .nullable()
      .openapi({ description: 'The proposal’s title: its rule set’s, or a change set’s own (the same in both languages)' }),
  })
  .openapi('SimulationSummary');

const RunList = z
  .object({
    runs: z.array(RunSummary),
    next: z.string().nullable().openapi({ description: 'The `before` of the next (older) page, or null at the end' }),
  })
  .openapi('SimulationList');

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z
    .string()
    .regex(/^[^|]+\|[^|]+$/)
    .optional()
    .openapi({ description: 'A `next` from the page before: runs older than it' }),
});

const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['pl', 'en']).default('pl'),
  csv: z
    .enum(['excel-pl', 'international'])
    .default('excel-pl')
    .openapi({ description: 'excel-pl: `;` and a decimal comma (Polish Excel); international: `,` and a decimal point' }),
});

/** The file name of a run's export: `trial-cis-benefit-flexible-absence-2025-10-15.xlsx`. */
function fileName(row: Row, ext: string): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');
  return `trial-${safe(row.question)}-${safe(row.proposalVersion)}-${row.date}.${ext}`;
}

/** A run's question and proposal in words: the catalogue's title, and the proposal's (its rule set's, or its change set's). */
export async function runTitles(row: Row, deps: { db: Db; law: LawCache }) {
  const library = await deps.law.get();
  const draftTitle = (await getChangeSet(deps.db, row.proposalVersion))?.row.title;
  return {
    question_title: library.catalogue.questions.get(row.question)?.title ?? null,
    proposal_title: draftTitle
      ? { pl: draftTitle, en: draftTitle }
      : (library.version(row.question, row.proposalVersion)?.title ?? null),
  };
}

async function summary(row: Row, deps: { db: Db; law: LawCache }): Promise<z.infer<typeof RunSummary>> {
  const r = row.result ? (JSON.parse(row.result) as TabulatedResult) : undefined;
  return {
    ...(await runTitles(row, deps)),
    id: row.id,
    status: row.status as 'running' | 'done' | 'failed',
    question: row.question,
    date: row.date,
    baseline: { version: row.baselineVersion, hash: row.baselineHash },
    proposal: { version: row.proposalVersion, hash: row.proposalHash },
    population_hash: row.populationHash || null,
    created_at: row.createdAt,
    created_by: row.createdBy,
    persons: r?.persons ?? null,
    changed: r?.changed ?? null,
    yearly_cost_difference: r?.yearly_cost_difference ?? null,
    error: row.error,
  };
}

/**
 * The runs kept: the caller's own (every run for an admin), newest first, paged by key; the job queue's state for the
 * caller; and a run's result exported as CSV or XLSX, both written from the core's one set of result tables.
 */
export function simulationRunRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: { db: Db; law: LawCache; queue: JobQueue },
  visibleRun: (c: Context<AppEnv>, id: string) => Promise<Row>,
): void {
  const who = (c: Context<AppEnv>) => c.get('principal') as Principal;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/simulations',
      tags: ['simulations'],
      summary: 'The runs kept: the caller’s own (every run for an admin), newest first, a page at a time',
      request: { query: ListQuery },
      responses: { 200: { ...json(RunList), description: 'A page of runs' }, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const me = who(c);
      const where: (SQL | undefined)[] = [me.role === 'admin' ? undefined : eq(simulations.createdBy, me.id)];
      if (q.before) {
        const [at, id] = q.before.split('|') as [string, string];
        where.push(or(lt(simulations.createdAt, at), and(eq(simulations.createdAt, at), lt(simulations.id, id))));
      }
      const rows = await deps.db
        .select()
        .from(simulations)
        .where(and(...where))
        .orderBy(desc(simulations.createdAt), desc(simulations.id))
        .limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      const runs = [];
      for (const row of page) runs.push(await summary(row, deps));
      return c.json(
        {
          runs,
          next: rows.length > q.limit && last ? `${last.createdAt}|${last.id}` : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/simulations/queue',
      tags: ['simulations'],
      summary: 'The job queue as the caller sees it: how many jobs wait and run, how many are theirs, and the limits',
      responses: { 200: { ...json(QueueState), description: 'The queue' }, ...errorResponses },
    }),
    async (c) => c.json(await deps.queue.state(who(c).id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/simulations/{id}/export',
      tags: ['simulations'],
      summary:
        'A finished run’s result as tables: one CSV (each row starting with its table’s title, a header row per table; `;` and a decimal comma unless csv=international; UTF-8 with a BOM) or an XLSX workbook (assumptions and sources on the first sheet, a sheet per table)',
      request: { params: IdParam, query: ExportQuery },
      responses: {
        200: {
          content: {
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ format: 'binary' }),
            },
          },
          description: 'The file, as an attachment',
        },
        ...errorResponses,
        409: { ...json(z.object({ error: z.object({ code: z.string(), message: z.string() }) })), description: 'Not finished' },
      },
    }),
    async (c) => {
      const row = await visibleRun(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      if (row.status !== 'done' || !row.result)
        throw new ApiError(409, 'NOT_FINISHED', `the run has no result to export (${row.status})`);
      const tables = resultTables(JSON.parse(row.result) as TabulatedResult, {
        catalogue: (await deps.law.get()).catalogue,
        lang: q.lang,
      });
      if (q.format === 'csv') {
        const text = tablesCsv(tables, { lang: q.lang, style: q.csv === 'international' ? INTERNATIONAL : POLISH_EXCEL });
        c.header('Content-Disposition', `attachment; filename="${fileName(row, 'csv')}"`);
        return c.body(text, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      }
      const title = `${row.question} · ${row.proposalVersion} · ${row.date}`;
      const book = await tablesXlsx(tables, { lang: q.lang, title });
      c.header('Content-Disposition', `attachment; filename="${fileName(row, 'xlsx')}"`);
      return c.body(new Uint8Array(book), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    },
  );
}
