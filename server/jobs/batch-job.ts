import type { Db } from '../db/open.ts';
import { ENGINE_VERSION } from '../store/decisions.ts';
import type { WorkerPool } from './pool.ts';
import type { JobQueue } from './queue.ts';
import type { JobHandler, JobRunner } from './runner.ts';
import type { BatchItem, BatchTask } from './tasks/batch-task.ts';

/** Receipts stored per transaction: each holds the write lock for a few milliseconds, so single decisions slip in between. */
const GROUP = 250;

/** A stored receipt of a batch, as its answer slot names it. */
export interface StoredItem {
  item: BatchItem;
  createdAt: string | null;
}

interface Waiting {
  task: BatchTask;
  askedBy: string;
  caseRefs: (string | null)[];
  resolve(items: StoredItem[]): void;
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
  async submit(input: { owner: string; askedBy: string; task: BatchTask; caseRefs: (string | null)[] }): Promise<StoredItem[]> {
    const job = await this.deps.queue.enqueue({
      kind: 'batch',
      owner: input.owner,
      priority: 0,
      total: input.task.requests.length,
    });
    const done = new Promise<StoredItem[]>((resolve, reject) =>
      this.waiting.set(job.id, { task: input.task, askedBy: input.askedBy, caseRefs: input.caseRefs, resolve, reject }),
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
      const items = await this.deps.pool.run<BatchItem[]>(w.task, { signal: ctx.signal });
      const stored = await this.store(job.id, w, items, ctx);
      w.resolve(stored);
    } catch (e) {
      takeBack(this.deps.db, job.id);
      w.reject(e);
      throw e;
    }
  };

  private async store(jobId: string, w: Waiting, items: BatchItem[], ctx: Parameters<JobHandler>[1]): Promise<StoredItem[]> {
    const client = this.deps.db.$client;
    const insert = client.prepare(
      `INSERT INTO decisions (id, question, date, facts, answer, outcome, ruleset_version, ruleset_hash, engine_version,
         asked_by, case_ref_hmac, replay_of, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    );
    const out: StoredItem[] = new Array(items.length);
    const group = client.transaction((from: number, to: number) => {
      const at = new Date().toISOString();
      for (let i = from; i < to; i++) {
        const item = items[i] as BatchItem;
        if (!item.ok) {
          out[i] = { item, createdAt: null };
          continue;
        }
        insert.run(
          item.id,
          item.question,
          item.date,
          item.facts,
          item.answer,
          item.outcome,
          item.version,
          item.hash,
          ENGINE_VERSION,
          w.askedBy,
          w.caseRefs[i] ?? null,
          jobId,
          at,
        );
        out[i] = { item, createdAt: at };
      }
    });
    for (let from = 0; from < items.length; from += GROUP) {
      if (ctx.signal.aborted) throw new Error('the batch was stopped');
      group(from, Math.min(from + GROUP, items.length));
      ctx.progress(Math.min(from + GROUP, items.length), items.length);
      // Between groups the event loop answers other requests.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return out;
  }
}

/** Deletes the receipts a batch job stored: a batch that did not finish keeps none. */
export function takeBack(db: Db, jobId: string): number {
  return db.$client.prepare('DELETE FROM decisions WHERE job_id = ?').run(jobId).changes;
}
