import type { Job, JobKind, JobQueue } from './queue.ts';

/** What a job's handler is given: a signal that fires when the job is cancelled, and a way to report progress. */
export interface JobContext {
  signal: AbortSignal;
  progress(done: number, total?: number | null): void;
}

/** Runs one kind of job to its end; resolving means done (the handler has stored the result), throwing means failed. */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

/**
 * Takes jobs from the queue while the pool has a free thread and runs each with its kind's handler. Cancelling
 * aborts a running job's task (the pool ends its thread). The queue, not this object, is the record of every job.
 */
export class JobRunner {
  private readonly active = new Map<string, AbortController>();
  private pumping = false;
  private closed = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly capacity: number,
    private readonly handlers: Record<JobKind, JobHandler>,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Looks for queued work; call after enqueueing. */
  wake(): void {
    void this.pump();
  }

  /** Ends a queued or running job as cancelled; its thread is stopped. The job as it now is. */
  async cancel(id: string): Promise<Job | undefined> {
    const job = await this.queue.cancel(id);
    this.active.get(id)?.abort(new Error('cancelled'));
    return job;
  }

  /** Stops taking work and aborts what runs (the queue keeps it as running, so the next start resumes or fails it). */
  close(): void {
    this.closed = true;
    for (const ac of this.active.values()) ac.abort(new Error('the server is stopping'));
  }

  /** How many jobs run now. */
  get running(): number {
    return this.active.size;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && this.active.size < this.capacity) {
        const job = await this.queue.claim();
        if (!job) break;
        this.start(job);
      }
    } catch (e) {
      this.log(JSON.stringify({ level: 'error', msg: 'job queue', error: (e as Error).message }));
    } finally {
      this.pumping = false;
    }
  }

  private start(job: Job): void {
    const ac = new AbortController();
    this.active.set(job.id, ac);
    let lastWrite = 0;
    const ctx: JobContext = {
      signal: ac.signal,
      progress: (done, total) => {
        // A few writes a second at most, whatever the worker reports.
        const now = Date.now();
        if (now - lastWrite < 200) return;
        lastWrite = now;
        void this.queue.progress(job.id, done, total);
      },
    };
    const handler = this.handlers[job.kind];
    void handler(job, ctx)
      .then(() => this.queue.finish(job.id))
      .catch(async (e: unknown) => {
        if (ac.signal.aborted) return;
        const reason = e instanceof Error ? e.message : String(e);
        this.log(JSON.stringify({ level: 'error', msg: 'job failed', job: job.id, kind: job.kind, reason }));
        await this.queue.fail(job.id, reason);
      })
      .catch((e: unknown) => this.log(JSON.stringify({ level: 'error', msg: 'job queue', error: (e as Error).message })))
      .finally(() => {
        this.active.delete(job.id);
        this.wake();
      });
  }
}
