import { MessageChannel } from 'node:worker_threads';
import { and, eq } from 'drizzle-orm';
import { caseloadOf } from '../../src/population/caseloads/index.ts';
import { populationAssumptions } from '../../src/population/generate/index.ts';
import type { Db } from '../db/open.ts';
import { simulations } from '../db/schema.ts';
import type { PopulationSource } from '../routes/simulation-schemas.ts';
import { lawFiles, proposalFiles } from './library-files.ts';
import type { WorkerPool } from './pool.ts';
import type { JobHandler } from './runner.ts';
import type { SimulationOutcome, SimulationTask } from './tasks/simulation-task.ts';
import { removeUpload, type UploadStore, uploadPath } from './uploads.ts';

/** What a run was asked, kept with it (never the population itself) so that it can run again after a restart. */
export interface SimulationRequest {
  baseline?: string | undefined;
  /** The draft kept as a proposal, when the proposal is one. */
  proposal_draft: string | null;
  population:
    | { generate: { size: number; seed: number; weighted?: boolean } }
    | { upload: string; format: 'csv' | 'jsonl'; bytes: number; hash: string };
  by: string[];
  months_per_year: number;
  /** A budget window; absent for a run on its one day. */
  window?: { from: number; to: number; rate_percent: number };
}

type Row = typeof simulations.$inferSelect;

/** Sets fields of a run that is still running (a cancelled run stays cancelled). */
export async function updateRunning(db: Db, id: string, set: Partial<typeof simulations.$inferInsert>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(simulations)
      .set(set)
      .where(and(eq(simulations.id, id), eq(simulations.status, 'running')));
  });
}

function source(request: SimulationRequest, question: string, date: string, generatedHash: string | null): PopulationSource {
  const p = request.population;
  if ('generate' in p) {
    const g = { size: p.generate.size, seed: p.generate.seed, date };
    const weightedTo = p.generate.weighted && caseloadOf(question) ? question : null;
    return {
      source: 'generated',
      ...g,
      weighted_to: weightedTo,
      format: 'jsonl',
      hash: generatedHash ?? '',
      command: `reintegra population --size ${g.size} --seed ${g.seed} --date ${g.date}${weightedTo ? ` --question ${weightedTo}` : ''} --format jsonl --out population.jsonl`,
      assumptions: populationAssumptions(g),
    };
  }
  return { source: 'upload', format: p.format, bytes: p.bytes, hash: p.hash };
}

/**
 * Runs a simulation job on the pool: the law (or the proposal) as files, the population generated or streamed
 * from its file in the worker; progress goes to the run and the job; the result is stored when it ends.
 */
export function simulationHandler(deps: { db: Db; pool: WorkerPool; uploads: UploadStore }): JobHandler {
  const { db } = deps;
  return async (job, ctx) => {
    const [run] = await db
      .select()
      .from(simulations)
      .where(eq(simulations.id, job.payloadRef ?? job.id));
    if (!run?.request) throw new Error('the run has no stored request: start it again');
    const request = JSON.parse(run.request) as SimulationRequest;
    try {
      const outcome = await runOnPool(deps, run, request, ctx);
      const { result } = outcome;
      // A proposal saved, or a version published, while the run waited would make the result answer another question.
      if (result.proposal.hash !== run.proposalHash || (result.baseline.hash ?? null) !== (run.baselineHash ?? null))
        throw new Error('the proposal or the baseline changed since the run was started: start it again');
      const population = source(request, run.question, run.date, outcome.generatedHash);
      await updateRunning(db, run.id, {
        status: 'done',
        processed: result.persons + result.errors.count,
        populationHash: population.hash,
        result: JSON.stringify({ ...result, population }),
        finishedAt: new Date().toISOString(),
      });
      await removeRunUpload(deps, run.request);
    } catch (e) {
      // Cancelled, or the server is stopping: the cancel (or the next start) says what became of the run.
      if (!ctx.signal.aborted) {
        await updateRunning(db, run.id, { status: 'failed', error: (e as Error).message, finishedAt: new Date().toISOString() });
        await removeRunUpload(deps, run.request);
      }
      throw e;
    }
  };
}

/** Removes the file a run read its persons from, once the run has ended (its hash stays in the result). */
export async function removeRunUpload(deps: { uploads: UploadStore }, request: string | null): Promise<void> {
  const p = request ? (JSON.parse(request) as SimulationRequest).population : undefined;
  if (p && 'upload' in p) await removeUpload(deps.uploads, p.upload);
}

async function runOnPool(
  deps: { db: Db; pool: WorkerPool; uploads: UploadStore },
  run: Row,
  request: SimulationRequest,
  ctx: Parameters<JobHandler>[1],
): Promise<SimulationOutcome> {
  const library = request.proposal_draft ? await proposalFiles(deps.db, request.proposal_draft) : await lawFiles(deps.db);
  if (!library) throw new Error('the proposal no longer exists or no longer validates');
  const p = request.population;
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (m: { read: number }) => {
    void updateRunning(deps.db, run.id, { processed: m.read }).catch(() => {
      // Progress is advisory: the run's end writes its count.
    });
    ctx.progress(m.read, 'generate' in p ? p.generate.size : null);
  });
  const task: SimulationTask = {
    kind: 'simulation',
    library,
    baselineLibrary: request.proposal_draft ? await lawFiles(deps.db) : undefined,
    question: run.question,
    date: run.date,
    baseline: request.baseline,
    proposal: run.proposalVersion,
    population:
      'generate' in p
        ? { generate: { size: p.generate.size, seed: p.generate.seed, date: run.date, weighted: p.generate.weighted === true } }
        : { file: uploadPath(deps.uploads, p.upload), format: p.format },
    by: request.by,
    monthsPerYear: request.months_per_year,
    ...(request.window
      ? { window: { from: request.window.from, to: request.window.to, ratePercent: request.window.rate_percent } }
      : {}),
    progress: port2,
  };
  try {
    return await deps.pool.run<SimulationOutcome>(task, { signal: ctx.signal, transferList: [port2] });
  } finally {
    port1.close();
  }
}
