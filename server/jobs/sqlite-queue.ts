import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { exclusive } from '../db/raw.ts';
import { jobs } from '../db/schema.ts';
import {
  type Job,
  type JobKind,
  type JobQueue,
  type JobStatus,
  QueueFullError,
  type QueueLimits,
  type QueueState,
  type RecoveryVerdict,
} from './queue.ts';

type Row = typeof jobs.$inferSelect;
const ACTIVE: JobStatus[] = ['queued', 'running'];
const now = () => new Date().toISOString();
/** Held by whoever adds or takes a job, so that nodes sharing PostgreSQL neither overfill the queue nor take one job twice. */
export const QUEUE_LOCK = 0x52494a51; // 'RIJQ'
const asJob = (r: Row): Job => ({ ...r, kind: r.kind as JobKind, status: r.status as JobStatus });

/** The job queue in the server's own database: each step one short transaction, limits checked inside it. */
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
    // One writer at a time (on PostgreSQL, across nodes too): two callers cannot both see room for one more job.
    return this.db.transaction(async (t) => {
      await exclusive(t, QUEUE_LOCK);
      const state = await this.stateIn(t, input.owner);
      if (state.yours >= this.limits.perUser) throw new QueueFullError(state, 'user');
      if (state.queued + state.running >= this.limits.total) throw new QueueFullError(state, 'total');
      const [row] = await t
        .insert(jobs)
        .values({
          id: input.id ?? randomUUID(),
          kind: input.kind,
          owner: input.owner,
          payloadRef: input.payloadRef ?? null,
          priority: input.priority ?? 0,
          total: input.total ?? null,
        })
        .returning();
      return asJob(row as Row);
    });
  }

  async claim() {
    return this.db.transaction(async (t) => {
      await exclusive(t, QUEUE_LOCK);
      const [next] = await t
        .select()
        .from(jobs)
        .where(eq(jobs.status, 'queued'))
        .orderBy(asc(jobs.priority), asc(jobs.createdAt))
        .limit(1);
      if (!next) return undefined;
      const at = now();
      const [row] = await t
        .update(jobs)
        .set({ status: 'running', attempts: next.attempts + 1, startedAt: at, updatedAt: at, error: null })
        .where(and(eq(jobs.id, next.id), eq(jobs.status, 'queued')))
        .returning();
      return row ? asJob(row) : undefined;
    });
  }

  async progress(id: string, progress: number, total?: number | null) {
    await this.db.transaction(async (t) => {
      await t
        .update(jobs)
        .set({ progress, ...(total === undefined ? {} : { total }), updatedAt: now() })
        .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
    });
  }

  async finish(id: string) {
    await this.end(id, 'done', null);
  }

  async fail(id: string, reason: string) {
    await this.end(id, 'failed', reason);
  }

  async cancel(id: string) {
    await this.end(id, 'cancelled', null);
    return this.get(id);
  }

  async recover(decide: (job: Job) => Promise<RecoveryVerdict> | RecoveryVerdict) {
    const requeued: Job[] = [];
    const failed: Job[] = [];
    const left = (await this.db.select().from(jobs).where(inArray(jobs.status, ACTIVE))).map(asJob);
    for (const job of left) {
      const verdict = await decide(job);
      if (verdict.requeue) {
        if (job.status === 'running')
          await this.db.transaction(async (t) => {
            await t.update(jobs).set({ status: 'queued', progress: 0, updatedAt: now() }).where(eq(jobs.id, job.id));
          });
        requeued.push(job);
      } else {
        await this.end(job.id, 'failed', verdict.reason);
        failed.push({ ...job, status: 'failed', error: verdict.reason });
      }
    }
    return { requeued, failed };
  }

  async get(id: string) {
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row ? asJob(row) : undefined;
  }

  async state(owner?: string) {
    return this.stateIn(this.db, owner);
  }

  async position(id: string) {
    const [job] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    if (job?.status !== 'queued') return 0;
    const [ahead] = await this.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(jobs)
      .where(and(eq(jobs.status, 'queued'), sql`(${jobs.priority}, ${jobs.createdAt}) < (${job.priority}, ${job.createdAt})`));
    return ahead?.n ?? 0;
  }

  private async stateIn(db: Db, owner?: string): Promise<QueueState> {
    const rows = await db
      .select({ status: jobs.status, owner: jobs.owner, n: sql<number>`count(*)`.mapWith(Number) })
      .from(jobs)
      .where(inArray(jobs.status, ACTIVE))
      .groupBy(jobs.status, jobs.owner);
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
  private async end(id: string, status: JobStatus, error: string | null) {
    const at = now();
    await this.db.transaction(async (t) => {
      await t
        .update(jobs)
        .set({ status, error, updatedAt: at, finishedAt: at })
        .where(and(eq(jobs.id, id), inArray(jobs.status, ACTIVE)));
    });
  }
}
