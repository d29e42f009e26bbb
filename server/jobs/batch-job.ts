import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { decisions } from '../db/schema.ts';
import { ENGINE_VERSION } from '../store/decisions.ts';
import type { WorkerPool } from './pool.ts';
import type { JobQueue } from './queue.ts';
import type { JobHandler, JobRunner } from './runner.ts';
import type { BatchColumns, BatchOutcome, BatchTask } from './tasks/batch-task.ts';

/** Receipts stored per transaction: each holds the write lock for a few milliseconds, so single decisions slip in between. */
const GROUP = 250;

/** A batch's answers, their receipts stored: the worker's columns and, per answered slot, when it was stored. */
export interface StoredBatch {
  columns: BatchColumns;
  createdAt: string[];
}

/** A batch's answers, stored; or the requests that fail their schema (nothing was answered or stored). */
export type BatchResult = { stored: StoredBatch } | { invalid: Extract<BatchOutcome, { invalid: unknown }>['invalid'] };

interface Waiting {
  task: BatchTask;
  askedBy: string;
  resolve(result: BatchResult): void;
  reject(e: unknown): void;
}

/**
 * Large batches: answered on the worker pool, their receipts stored in groups, each tagged with the job so that a
 * batch that does not finish (an error, a restart) has its receipts taken back: nothing half-saves.
 */
export class BatchJobs {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly deps: { db: Db; pool: WorkerPool; queue: JobQueue; runner: () => JobRunner }) {}

  /** Queues a batch and waits for its answers, stored; throws QueueFullError when the queue has no room. */
  async submit(input: { owner: string; askedBy: string; task: BatchTask }): Promise<BatchResult> {
    const job = await this.deps.queue.enqueue({
      kind: 'batch',
      owner: input.owner,
      priority: 0,
      total: input.task.libraryOf.length,
    });
    const done = new Promise<BatchResult>((resolve, reject) =>
      this.waiting.set(job.id, { task: input.task, askedBy: input.askedBy, resolve, reject }),
    );
    this.deps.runner().wake();
    return done;
  }

  /** The job handler: answer on the pool, then store in groups; on any failure the stored receipts are deleted. */
  readonly handler: JobHandler = async (job, ctx) => {
    const w = this.waiting.get(job.id);
    if (!w) throw new Error('the caller of this batch is gone');
    this.waiting.delete(job.id);
    try {
      const outcome = await this.deps.pool.run<BatchOutcome>(w.task, { signal: ctx.signal });
      if ('invalid' in outcome) w.resolve(outcome);
      else w.resolve({ stored: await this.store(job.id, w, outcome.columns, ctx) });
    } catch (e) {
      await takeBack(this.deps.db, job.id);
      w.reject(e);
      throw e;
    }
  };

  private async store(jobId: string, w: Waiting, c: BatchColumns, ctx: Parameters<JobHandler>[1]): Promise<StoredBatch> {
    const createdAt: string[] = new Array(c.id.length);
    // One multi-row insert per group, in a transaction of its own: a few statements for thousands of receipts.
    const group = (from: number, to: number) =>
      this.deps.db.transaction(async (tx) => {
        const at = new Date().toISOString();
        const rows: (typeof decisions.$inferInsert)[] = [];
        for (let k = from; k < to; k++) {
          rows.push({
            id: c.id[k] as string,
            question: c.question[k] as string,
            date: c.date[k] as string,
            facts: c.facts[k] as string,
            answer: c.slots[c.index[k] as number] as string,
            outcome: c.outcome[k] as string,
            rulesetVersion: c.version[k] ?? null,
            rulesetHash: c.hash[k] ?? null,
            engineVersion: ENGINE_VERSION,
            askedBy: w.askedBy,
            caseRefHmac: c.caseRef[k] ?? null,
            replayOf: null,
            knownOn: c.knownOn[k] ?? null,
            jobId,
            createdAt: at,
          });
          createdAt[k] = at;
        }
        await tx.insert(decisions).values(rows);
      });
    for (let from = 0; from < c.id.length; from += GROUP) {
      if (ctx.signal.aborted) throw new Error('the batch was stopped');
      const to = Math.min(from + GROUP, c.id.length);
      await group(from, to);
      ctx.progress(to, c.id.length);
      // Between groups the event loop answers other requests.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { columns: c, createdAt };
  }
}

/** Deletes the receipts a batch job stored: a batch that did not finish keeps none. */
export function takeBack(db: Db, jobId: string): Promise<number> {
  return db.transaction(
    async (tx) => (await tx.delete(decisions).where(eq(decisions.jobId, jobId)).returning({ id: decisions.id })).length,
  );
}
