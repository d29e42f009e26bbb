import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { execute } from '../db/raw.ts';
import { replayImpacts, simulations } from '../db/schema.ts';
import { BatchJobs, takeBack } from './batch-job.ts';
import { WorkerPool } from './pool.ts';
import type { JobQueue } from './queue.ts';
import { replayImpactHandler, updateRunningImpact } from './replay-impact-job.ts';
import { JobRunner } from './runner.ts';
import { type SimulationRequest, simulationHandler, updateRunning } from './simulation-job.ts';
import { SqliteJobQueue } from './sqlite-queue.ts';
import { type UploadStore, uploadPath } from './uploads.ts';

/** A job taken this many times (each start after a crash takes it again) is failed rather than tried once more. */
export const MAX_ATTEMPTS = 3;

/** The queue, the pool and what runs on it: everything heavy, off the request path. */
export interface JobSystem {
  queue: JobQueue;
  pool: WorkerPool;
  runner: JobRunner;
  batches: BatchJobs;
  uploads: UploadStore;
  close(): Promise<void>;
}

export interface JobOptions {
  threads: number;
  perUser: number;
  total: number;
  uploadDir: string;
  uploadLimitBytes: number;
  log: (line: string) => void;
}

/** Builds the job system over the database; nothing runs (no thread starts) until a job is queued. */
export function createJobSystem(db: Db, options: JobOptions): JobSystem {
  const queue = new SqliteJobQueue(db, { perUser: options.perUser, total: options.total });
  const pool = new WorkerPool(options.threads);
  const uploads: UploadStore = { db, dir: options.uploadDir, limitBytes: options.uploadLimitBytes };
  let runner: JobRunner | undefined;
  const batches = new BatchJobs({ db, pool, queue, runner: () => runner as JobRunner });
  runner = new JobRunner(
    queue,
    pool.size,
    {
      simulation: simulationHandler({ db, pool, uploads }),
      batch: batches.handler,
      'replay-impact': replayImpactHandler({ db, pool }),
    },
    options.log,
  );
  const r = runner;
  return {
    queue,
    pool,
    runner: r,
    batches,
    uploads,
    async close() {
      r.close();
      await pool.close();
    },
  };
}

/**
 * At start, what a stopped server left running: a batch's caller is gone, so it fails and its receipts are taken
 * back; a simulation is queued again (from the start) unless it was already tried {@link MAX_ATTEMPTS} times or its
 * file is gone, and then fails with the reason. Then the queue is worked on.
 */
export async function recoverJobs(db: Db, system: JobSystem, log: (line: string) => void): Promise<void> {
  const reasons = new Map<string, string>();
  const { requeued, failed } = await system.queue.recover(async (job) => {
    if (job.kind === 'batch') {
      const reason = 'the server stopped before the batch was answered; none of its receipts were kept: send it again';
      reasons.set(job.id, reason);
      return { requeue: false, reason };
    }
    if (job.kind === 'replay-impact') {
      // Replaying again from the start is safe: it reads receipts and stores nothing until it ends.
      const [impact] = await db
        .select()
        .from(replayImpacts)
        .where(eq(replayImpacts.id, job.payloadRef ?? job.id));
      let reason: string | undefined;
      if (impact?.status !== 'running') reason = 'the replay had already ended';
      else if (job.attempts >= MAX_ATTEMPTS)
        reason = `the server stopped while the replay was on a worker ${job.attempts} times: it is not tried again`;
      if (reason === undefined) return { requeue: true };
      reasons.set(job.id, reason);
      return { requeue: false, reason };
    }
    const [run] = await db
      .select()
      .from(simulations)
      .where(eq(simulations.id, job.payloadRef ?? job.id));
    const request = run?.request ? (JSON.parse(run.request) as SimulationRequest) : undefined;
    const p = request?.population;
    let reason: string | undefined;
    if (!run || !request) reason = 'the run was started by an older server and cannot be resumed: start it again';
    else if (run.status !== 'running') reason = `the run had already ended (${run.status})`;
    else if (job.attempts >= MAX_ATTEMPTS)
      reason = `the server stopped while the run was on a worker ${job.attempts} times: it is not tried again`;
    else if (p && 'upload' in p && !existsSync(uploadPath(system.uploads, p.upload)))
      reason = 'the population file is gone: start the run again';
    if (reason === undefined) return { requeue: true };
    reasons.set(job.id, reason);
    return { requeue: false, reason };
  });
  for (const job of failed) {
    if (job.kind === 'batch') await takeBack(db, job.id);
    else if (job.kind === 'replay-impact')
      await updateRunningImpact(db, job.payloadRef ?? job.id, {
        status: 'failed',
        error: reasons.get(job.id) ?? null,
        finishedAt: new Date().toISOString(),
      });
    else
      await updateRunning(db, job.payloadRef ?? job.id, {
        status: 'failed',
        error: reasons.get(job.id) ?? null,
        finishedAt: new Date().toISOString(),
      });
  }
  for (const job of [...requeued, ...failed])
    log(
      JSON.stringify({
        level: failed.includes(job) ? 'warn' : 'info',
        msg: failed.includes(job) ? 'job failed at start' : 'job resumed',
        job: job.id,
        kind: job.kind,
        ...(reasons.has(job.id) ? { reason: reasons.get(job.id) } : {}),
      }),
    );
  // Runs left running with no job to run them (started before the queue existed) would stay running forever.
  await db.transaction((tx) =>
    execute(
      tx,
      `UPDATE simulations SET status = 'failed', error = ?, finished_at = ?
       WHERE status = 'running' AND id NOT IN (SELECT id FROM jobs WHERE status IN ('queued', 'running'))`,
      ['the server stopped while the run was going: start it again', new Date().toISOString()],
    ),
  );
  for (const job of requeued)
    if (job.kind === 'replay-impact') await updateRunningImpact(db, job.payloadRef ?? job.id, { processed: 0 });
    else await updateRunning(db, job.payloadRef ?? job.id, { processed: 0 });
  system.runner.wake();
}
