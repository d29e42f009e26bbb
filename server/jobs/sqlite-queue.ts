import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { jobs } from '../db/schema.ts';
import {
  type Job,
  type JobKind,
  type JobQueue,
  type JobStatus,
  QueueFullError,
  type QueueLimits,
  type QueueState,
} from './queue.ts';

type Row = typeof jobs.$inferSelect;
const ACTIVE: JobStatus[] = ['queued', 'running'];
const now = () => new Date().toISOString();
const asJob = (r: Row): Job => ({ ...r, kind: r.kind as JobKind, status: r.status as JobStatus });

/** The job queue in the server's SQLite database: each step one short transaction, limits checked inside it. */
export class SqliteJobQueue implements JobQueue {
  constructor(
    private readonly db: Db,
    private readonly limits: QueueLimits,
  ) {}

  async enqueue(input: {
    id?: string;
    kind: JobKind;
    owner: string;
    payloadRef?: string | null;
    priority?: number;
    total?: number | null;
  }) {
    // IMMEDIATE: two callers cannot both see room for one more job.
    return this.db.transaction(
      (tx) => {
        const t = tx as unknown as Db;
        const state = this.stateIn(t, input.owner);
        if (state.yours >= this.limits.perUser) throw new QueueFullError(state, 'user');
        if (state.queued + state.running >= this.limits.total) throw new QueueFullError(state, 'total');
        const row = t
          .insert(jobs)
          .values({
            id: input.id ?? randomUUID(),
            kind: input.kind,
            owner: input.owner,
            payloadRef: input.payloadRef ?? null,
            priority: input.priority ?? 0,
            total: input.total ?? null,
          })
          .returning()
          .get();
        return asJob(row);
      },
      { behavior: 'immediate' },
    );
  }

  async claim() {
    return this.db.transaction(
      (tx) => {
        const t = tx as unknown as Db;
        const next = t
          .select()
          .from(jobs)
          .where(eq(jobs.status, 'queued'))
          .orderBy(asc(jobs.priority), asc(jobs.createdAt))
          .limit(1)
          .get();
        if (!next) return undefined;
        const at = now();
        const row = t
          .update(jobs)
          .set({ status: 'running', attempts: next.attempts + 1, startedAt: at, updatedAt: at, error: null })
          .where(and(eq(jobs.id, next.id), eq(jobs.status, 'queued')))
          .returning()
          .get();
        return row ? asJob(row) : undefined;
      },
      { behavior: 'immediate' },
    );
  }

  async progress(id: string, progress: number, total?: number | null) {
    this.db
      .update(jobs)
      .set({ progress, ...(total === undefined ? {} : { total }), updatedAt: now() })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
      .run();
  }

  async finish(id: string) {
    this.end(id, 'done', null);
  }

  async fail(id: string, reason: string) {
    this.end(id, 'failed', reason);
  }

  async cancel(id: string) {
    this.end(id, 'cancelled', null);
    return this.get(id);
  }

  async recover(decide: (job: Job) => { requeue: true } | { requeue: false; reason: string }) {
    const requeued: Job[] = [];
    const failed: Job[] = [];
    const left = this.db.select().from(jobs).where(inArray(jobs.status, ACTIVE)).all().map(asJob);
    for (const job of left) {
      const verdict = decide(job);
      if (verdict.requeue) {
        if (job.status === 'running')
          this.db.update(jobs).set({ status: 'queued', progress: 0, updatedAt: now() }).where(eq(jobs.id, job.id)).run();
        requeued.push(job);
      } else {
        this.end(job.id, 'failed', verdict.reason);
        failed.push({ ...job, status: 'failed', error: verdict.reason });
      }
    }
    return { requeued, failed };
  }

  async get(id: string) {
    const row = this.db.select().from(jobs).where(eq(jobs.id, id)).get();
    return row ? asJob(row) : undefined;
  }

  async state(owner?: string) {
    return this.stateIn(this.db, owner);
  }

  async position(id: string) {
    const job = this.db.select().from(jobs).where(eq(jobs.id, id)).get();
    if (job?.status !== 'queued') return 0;
    const ahead = this.db
      .select({ n: sql<number>`count(*)` })
      .from(jobs)
      .where(and(eq(jobs.status, 'queued'), sql`(${jobs.priority}, ${jobs.createdAt}) < (${job.priority}, ${job.createdAt})`))
      .get();
    return ahead?.n ?? 0;
  }

  private stateIn(db: Db, owner?: string): QueueState {
    const rows = db
      .select({ status: jobs.status, owner: jobs.owner, n: sql<number>`count(*)` })
      .from(jobs)
      .where(inArray(jobs.status, ACTIVE))
      .groupBy(jobs.status, jobs.owner)
      .all();
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((a, r) => a + r.n, 0);
    return {
      queued: sum((r) => r.status === 'queued'),
      running: sum((r) => r.status === 'running'),
      yours: owner === undefined ? 0 : sum((r) => r.owner === owner),
      limit_per_user: this.limits.perUser,
      limit_total: this.limits.total,
    };
  }

  /** Ends a job that has not ended yet; an ended job keeps its first ending. */
  private end(id: string, status: JobStatus, error: string | null) {
    const at = now();
    this.db
      .update(jobs)
      .set({ status, error, updatedAt: at, finishedAt: at })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ACTIVE)))
      .run();
  }
}
