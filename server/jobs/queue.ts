/** What the worker pool runs: a population trial, a large batch of decisions, or a change replayed over past decisions. */
export type JobKind = 'simulation' | 'batch' | 'replay-impact';
/** Where a job is: waiting, on a worker, or ended (done, failed, cancelled). */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
/** States a job never leaves. */
export const ENDED: readonly JobStatus[] = ['done', 'failed', 'cancelled'];

/** A job as the queue keeps it. */
export interface Job {
  id: string;
  kind: JobKind;
  /** Where the work is described (a simulation's id); null when its caller holds it (a batch). */
  payloadRef: string | null;
  owner: string;
  status: JobStatus;
  /** Lower runs first. */
  priority: number;
  progress: number;
  total: number | null;
  /** How many times a worker took it (a job resumed after a restart is taken again). */
  attempts: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  updatedAt: string;
  finishedAt: string | null;
}

/** How many jobs may wait or run: per user and in all. */
export interface QueueLimits {
  perUser: number;
  total: number;
}

/** The queue as a refused caller sees it: how full it is, and how much of it is theirs. */
export interface QueueState {
  queued: number;
  running: number;
  yours: number;
  limit_per_user: number;
  limit_total: number;
}

/** Raised by {@link JobQueue.enqueue} when the caller or the server has as many jobs as allowed. */
export class QueueFullError extends Error {
  constructor(
    readonly state: QueueState,
    readonly reason: 'user' | 'total',
  ) {
    super(
      reason === 'user'
        ? `you already have ${state.yours} jobs queued or running (at most ${state.limit_per_user}): wait for one to end or cancel it`
        : `the server has ${state.queued + state.running} jobs queued or running (at most ${state.limit_total}): try again later`,
    );
  }
}

/** What becomes of a job a stopped server left running: queued again, or failed with a reason a person reads. */
export type RecoveryVerdict = { requeue: true } | { requeue: false; reason: string };

/**
 * A job queue kept in a database. The server's only view of it: SQLite implements it now, and a PostgreSQL
 * implementation (pg-boss) can take its place without the routes or the runner changing.
 */
export interface JobQueue {
  /** Adds a job, or throws QueueFullError when the owner or the server is at its limit (checked atomically). */
  enqueue(input: {
    id?: string;
    kind: JobKind;
    owner: string;
    payloadRef?: string | null;
    priority?: number;
    total?: number | null;
  }): Promise<Job>;
  /** Takes the next queued job (lowest priority first, then oldest) for a worker: it becomes running, one attempt more. */
  claim(): Promise<Job | undefined>;
  /** Records how far a running job got. */
  progress(id: string, progress: number, total?: number | null): Promise<void>;
  /** Ends a running job as done. */
  finish(id: string): Promise<void>;
  /** Ends a job as failed, with the reason a person reads. */
  fail(id: string, reason: string): Promise<void>;
  /** Ends a queued or running job as cancelled; the job as it now is (unchanged when it had already ended). */
  cancel(id: string): Promise<Job | undefined>;
  /**
   * At start: every job left running by a stopped server is put back in the queue or failed, as `decide` says;
   * returns what became of each.
   */
  recover(decide: (job: Job) => Promise<RecoveryVerdict> | RecoveryVerdict): Promise<{ requeued: Job[]; failed: Job[] }>;
  get(id: string): Promise<Job | undefined>;
  /** How full the queue is, and how much of it belongs to `owner`. */
  state(owner?: string): Promise<QueueState>;
  /** How many queued jobs are ahead of this one (0 when it runs or ended). */
  position(id: string): Promise<number>;
  /** Lets go of what the queue holds in this process (timers, leases); the database keeps every job. */
  close?(): Promise<void>;
}
