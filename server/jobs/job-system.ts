import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { execute } from '../db/raw.ts';
import { replayImpacts, simulations } from '../db/schema.ts';
import { BatchJobs, takeBack } from './batch-job.ts';
import { WorkerPool } from './pool.ts';
import type { Job, JobQueue, RecoveryVerdict } from './queue.ts';
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
  /** The queue to use (pg-boss's, on PostgreSQL); the embedded one in the server's own database when absent. */
  queue?: JobQueue;
  /** Look for work this often, besides when woken: another node may have queued it, or handed it over. */
  pollMs?: number;
}

/** Builds the job system over the database; nothing runs (no thread starts) until a job is queued. */
export function createJobSystem(db: Db, options: JobOptions): JobSystem {
  const queue: JobQueue = options.queue ?? new SqliteJobQueue(db, { perUser: options.perUser, total: options.total });
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
  const poll = options.pollMs ? setInterval(() => r.wake(), options.pollMs).unref() : undefined;
  return {
    queue,
    pool,
    runner: r,
    batches,
    uploads,
    async close() {
      clearInterval(poll);
      r.close();
      await pool.close();
      await queue.close?.();
    },
  };
}

/**
 * Whether a job a stopped server left running is run again from the start: never a batch (its caller is gone); a
 * replay or a simulation unless it ended meanwhile, was tried {@link MAX_ATTEMPTS} times, or lost its file.
 */
export async function resumeVerdict(db: Db, uploads: UploadStore, job: Job): Promise<RecoveryVerdict> {
  if (job.kind === 'batch')
    return {
      requeue: false,
      reason: 'the server stopped before the batch was answered; none of its receipts were kept: send it again',
    };
  if (job.kind === 'replay-impact') {
    // Replaying again from the start is safe: it reads receipts and stores nothing until it ends.
    const [impact] = await db
      .select()
      .from(replayImpacts)
      .where(eq(replayImpacts.id, job.payloadRef ?? job.id));
    if (impact?.status !== 'running') return { requeue: false, reason: 'the replay had already ended' };
    if (job.attempts >= MAX_ATTEMPTS)
      return {
        requeue: false,
        reason: `the server stopped while the replay was on a worker ${job.attempts} times: it is not tried again`,
      };
    return { requeue: true };
  }
  const [run] = await db
    .select()
    .from(simulations)
    .where(eq(simulations.id, job.payloadRef ?? job.id));
  const request = run?.request ? (JSON.parse(run.request) as SimulationRequest) : undefined;
  const p = request?.population;
  if (!run || !request)
    return { requeue: false, reason: 'the run was started by an older server and cannot be resumed: start it again' };
  if (run.status !== 'running') return { requeue: false, reason: `the run had already ended (${run.status})` };
  if (job.attempts >= MAX_ATTEMPTS)
    return {
      requeue: false,
      reason: `the server stopped while the run was on a worker ${job.attempts} times: it is not tried again`,
    };
  if (p && 'upload' in p && !existsSync(uploadPath(uploads, p.upload)))
    return { requeue: false, reason: 'the population file is gone: start the run again' };
  return { requeue: true };
}

/** What a job failed at resumption leaves behind is settled: a batch's receipts taken back, a run or replay failed. */
export async function settleFailedJob(db: Db, job: Job, reason: string): Promise<void> {
  if (job.kind === 'batch') await takeBack(db, job.id);
  else if (job.kind === 'replay-impact')
    await updateRunningImpact(db, job.payloadRef ?? job.id, {
      status: 'failed',
      error: reason,
      finishedAt: new Date().toISOString(),
    });
  else
    await updateRunning(db, job.payloadRef ?? job.id, { status: 'failed', error: reason, finishedAt: new Date().toISOString() });
}

/** A job run again from the start counts its progress from nothing. */
export async function restartProgress(db: Db, job: Job): Promise<void> {
  if (job.kind === 'replay-impact') await updateRunningImpact(db, job.payloadRef ?? job.id, { processed: 0 });
  else if (job.kind === 'simulation') await updateRunning(db, job.payloadRef ?? job.id, { processed: 0 });
}

/**
 * At start, what a stopped server left running ({@link resumeVerdict}): queued again or failed, and settled. On
 * PostgreSQL the queue keeps the verdict for the jobs another node's death hands to this one. Then the queue is
 * worked on.
 */
export async function recoverJobs(db: Db, system: JobSystem, log: (line: string) => void): Promise<void> {
  const { requeued, failed } = await system.queue.recover((job) => resumeVerdict(db, system.uploads, job));
  for (const job of failed) await settleFailedJob(db, job, job.error ?? 'the server stopped');
  for (const job of [...requeued, ...failed])
    log(
      JSON.stringify({
        level: failed.includes(job) ? 'warn' : 'info',
        msg: failed.includes(job) ? 'job failed at start' : 'job resumed',
        job: job.id,
        kind: job.kind,
        ...(job.error ? { reason: job.error } : {}),
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
  for (const job of requeued) await restartProgress(db, job);
  system.runner.wake();
}
