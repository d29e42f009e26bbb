import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { type Db, dialectOf, driverOf } from '../db/handle.ts';
import { exclusive, execute, query } from '../db/raw.ts';
import { jobs } from '../db/schema.ts';
import {
  ENDED,
  type Job,
  type JobKind,
  type JobQueue,
  type JobStatus,
  QueueFullError,
  type QueueLimits,
  type RecoveryVerdict,
} from './queue.ts';
import { QUEUE_LOCK, SqliteJobQueue } from './sqlite-queue.ts';

type Row = typeof jobs.$inferSelect;
type Decide = (job: Job) => Promise<RecoveryVerdict> | RecoveryVerdict;
const ACTIVE: JobStatus[] = ['queued', 'running'];
const now = () => new Date().toISOString();
/** Bigints come back as numbers: the handle was opened by openPgDatabase, which reads them so for the process. */
const asJob = (r: Row | Job): Job => ({ ...r, kind: r.kind as JobKind, status: r.status as JobStatus });
/** pg-boss's own schema (its default, which startBoss keeps): the heartbeat and lock statements name its job table. */
const BOSS_SCHEMA = 'pgboss';
/** How many jobs' tokens a process keeps (a few strings each). */
const TOKENS_KEPT = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How pg-boss hands jobs over, and what the queue tells its job system about a job resumed on another node. */
export interface PgBossQueueOptions {
  /** A job whose node stops beating for this long is taken back by pg-boss (at its next supervision) and retried. */
  expireSeconds: number;
  /** How often a running job's expiry is pushed forward; well under expireSeconds. */
  heartbeatSeconds: number;
  /** How many times a job may be taken; a job whose node died on its last attempt is failed when next fetched. */
  maxAttempts: number;
  /**
   * A job failed when resumed (its verdict, or maxAttempts): take back a batch's receipts, fail a simulation. Runs
   * before the failure commits, on the caller's own handle (never writing the job's row in `jobs`, locked until then);
   * it runs again if that commit is lost, so keep it idempotent.
   */
  onFailedAtResume?: (job: Job, reason: string) => Promise<void> | void;
  /** A job taken again after its node died, about to run from the start (reset what it had counted); as above, before commit. */
  onResumed?: (job: Job) => Promise<void> | void;
  log?: (line: string) => void;
}

/** pg-boss's statements through a transaction's own client, so that its job and our row commit together or not at all. */
function through(tx: Db): PgBoss.Db {
  const client = driverOf(tx);
  if (client instanceof pg.Pool) throw new Error('pg-boss statements must run inside a transaction (the pool is not one)');
  const c = client as pg.PoolClient;
  return { executeSql: (text, values) => c.query(text, values) };
}

/**
 * The job queue for several server processes sharing one PostgreSQL. Our `jobs` table stays the record the API reads
 * (status, owner, progress, attempts, limits); pg-boss delivers each job to one node, by priority, and hands a job to
 * another node when its node stops beating (expiry, then retry). A handler's failure is final: only a dead node retries.
 */
export class PgBossJobQueue implements JobQueue {
  /** The pg-boss queue all nodes share. */
  static readonly queueName = 'reintegra-jobs';
  /** Where batches wait: each process's own queue, for a batch is answered to a caller waiting on that process. */
  static readonly batchPrefix = 'reintegra-batch-';
  /** This process's batch queue. */
  readonly batchQueue = `${PgBossJobQueue.batchPrefix}${randomUUID()}`;
  /** The pg-boss queue of each job this process took (its heartbeat and its end name it). */
  private readonly queues = new Map<string, string>();
  private lastSweep = 0;
  /** Jobs this process runs (their heartbeat), with the startedAt it wrote when it took them. */
  private readonly held = new Map<string, string>();
  /**
   * That startedAt for the last jobs this process took, ended or not: the token that says no other node has taken one
   * since, so that a late or second report from here ends nothing of another node's run.
   */
  private readonly tokens = new Map<string, string>();
  private readonly lost = new Set<string>();
  private readonly table: SqliteJobQueue;
  private decide: Decide | undefined;
  private initialized: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private beating = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly boss: PgBoss,
    private readonly limits: QueueLimits,
    private readonly options: PgBossQueueOptions,
  ) {
    if (dialectOf(db) !== 'pg') throw new Error('PgBossJobQueue needs a PostgreSQL handle');
    const { expireSeconds, heartbeatSeconds, maxAttempts } = options;
    if (!Number.isInteger(expireSeconds) || expireSeconds < 1)
      throw new Error('expireSeconds: a whole number of seconds, 1 or more');
    if (!(heartbeatSeconds > 0 && heartbeatSeconds < expireSeconds))
      throw new Error('heartbeatSeconds must be above 0 and below expireSeconds, or healthy jobs would be handed over');
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts: a whole number, 1 or more');
    // Reads are the same as on the embedded queue: the table is the record either way.
    this.table = new SqliteJobQueue(db, limits);
  }

  /**
   * Creates (or brings up to date) the pg-boss queue; safe to call on every node and again. Retries are for dead nodes
   * only, at once: maxAttempts of them, one more than the attempts, so that the last dead node's job is fetched once more
   * to be failed in our table (pg-boss would otherwise fail it silently, and it would stay running here for ever).
   */
  init(): Promise<void> {
    this.initialized ??= (async () => {
      for (const name of [PgBossJobQueue.queueName, this.batchQueue]) {
        const q = { name, ...this.retryOptions() };
        await this.boss.createQueue(name, q);
        await this.boss.updateQueue(name, q);
      }
    })().catch((e: unknown) => {
      this.initialized = undefined;
      throw e;
    });
    return this.initialized;
  }

  async enqueue(input: {
    id?: string;
    kind: JobKind;
    owner: string;
    payloadRef?: string | null;
    priority?: number;
    total?: number | null;
  }) {
    await this.init();
    const id = input.id ?? randomUUID();
    if (!UUID.test(id)) throw new Error(`a job's id must be a UUID (pg-boss keeps it as one): ${id}`);
    const priority = input.priority ?? 0;
    return this.db.transaction(async (tx) => {
      // One adder at a time across nodes: two callers cannot both see room for one more job.
      await exclusive(tx, QUEUE_LOCK);
      const state = await new SqliteJobQueue(tx, this.limits).state(input.owner);
      if (state.yours >= this.limits.perUser) throw new QueueFullError(state, 'user');
      if (state.queued + state.running >= this.limits.total) throw new QueueFullError(state, 'total');
      const [row] = await tx
        .insert(jobs)
        .values({
          id,
          kind: input.kind,
          owner: input.owner,
          payloadRef: input.payloadRef ?? null,
          priority,
          total: input.total ?? null,
        })
        .returning();
      // pg-boss runs the highest priority first; ours runs the lowest first.
      const sent = await this.boss.send(
        input.kind === 'batch' ? this.batchQueue : PgBossJobQueue.queueName,
        { id },
        { id, priority: -priority, ...this.retryOptions(), db: through(tx) },
      );
      if (sent !== id) throw new Error(`pg-boss did not take job ${id} (is its queue created?)`);
      return asJob(row as Row);
    });
  }

  async claim() {
    await this.init();
    await this.sweepOrphanBatches();
    for (const name of [this.batchQueue, PgBossJobQueue.queueName]) {
      for (;;) {
        const taken = await this.db.transaction((tx) => this.takeNext(tx, name));
        if (taken === undefined) break;
        if (taken !== 'skipped') return taken;
      }
    }
    return undefined;
  }

  async progress(id: string, progress: number, total?: number | null) {
    const token = this.tokens.get(id);
    await this.db.transaction(async (tx) => {
      await tx
        .update(jobs)
        .set({ progress, ...(total === undefined ? {} : { total }), updatedAt: now() })
        .where(this.running(id, token));
    });
  }

  async finish(id: string) {
    await this.end(id, 'done', null);
  }

  async fail(id: string, reason: string) {
    await this.end(id, 'failed', reason);
  }

  async cancel(id: string) {
    this.release(id);
    await this.db.transaction(async (tx) => {
      // pg-boss's row first, as everywhere here: one lock order, no deadlock with a claim or a finish.
      await this.boss.cancel(await this.queueOf(tx, id), id, { db: through(tx) });
      await this.endRow(tx, id, 'cancelled', null, undefined);
    });
    return this.get(id);
  }

  /**
   * Keeps `decide` for jobs found running when fetched again (their node died). Queued jobs are already in pg-boss, and a
   * running job may be running on a live node: nothing is touched here.
   */
  async recover(decide: Decide) {
    this.decide = decide;
    return { requeued: [], failed: [] };
  }

  async get(id: string) {
    const job = await this.table.get(id);
    return job && asJob(job);
  }

  state(owner?: string) {
    return this.table.state(owner);
  }

  position(id: string) {
    return this.table.position(id);
  }

  /**
   * Stops the heartbeats (the caller stops pg-boss): the jobs this process ran expire, and other nodes take them. What
   * it ran still ends only if no other node has taken it since.
   */
  async close() {
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The pg-boss queue a job is in: remembered when this process took it, else read from pg-boss. */
  private async queueOf(tx: Db, id: string): Promise<string> {
    return this.queues.get(id) ?? (await this.nameIn(through(tx), id));
  }

  private async nameIn(via: PgBoss.Db, id: string): Promise<string> {
    const { rows } = (await via.executeSql(`SELECT name FROM ${BOSS_SCHEMA}.job WHERE id = $1::uuid LIMIT 1`, [id])) as {
      rows: { name: string }[];
    };
    return rows[0]?.name ?? PgBossJobQueue.queueName;
  }

  /**
   * Fails the batches of processes that are gone: a batch whose pg-boss job expired (its process stopped beating) or
   * that waited in a process's own queue for longer than any caller waits. Their callers went with their process, so
   * nobody will read them: the receipts are taken back (onFailedAtResume) and the limits freed. At most once a lease.
   */
  private async sweepOrphanBatches(): Promise<void> {
    const at = Date.now();
    if (at - this.lastSweep < this.options.expireSeconds * 1000) return;
    this.lastSweep = at;
    const orphans = await query<{ id: string; name: string }>(
      this.db,
      `SELECT j.id, p.name FROM jobs j JOIN ${BOSS_SCHEMA}.job p ON p.id = j.id::uuid
       WHERE j.kind = 'batch' AND j.status IN ('queued', 'running') AND p.name LIKE ? AND p.name <> ?
         AND (p.state IN ('retry', 'failed', 'cancelled', 'completed')
              OR (p.state = 'created' AND p.created_on < now() - interval '1 hour'))`,
      [`${PgBossJobQueue.batchPrefix}%`, this.batchQueue],
    );
    for (const orphan of orphans) {
      const reason = 'the server that held the batch stopped before answering it; none of its receipts were kept: send it again';
      await this.db.transaction(async (tx) => {
        const [row] = await tx.select().from(jobs).where(eq(jobs.id, orphan.id));
        if (!row || !(await this.endRow(tx, orphan.id, 'failed', reason, undefined))) return;
        const via = through(tx);
        await this.boss.complete(orphan.name, orphan.id, { failed: reason }, { db: via });
        await this.boss.cancel(orphan.name, orphan.id, { db: via });
        await this.options.onFailedAtResume?.(asJob(row), reason);
      });
      this.log({ level: 'warn', msg: 'batch of a stopped server failed', job: orphan.id });
    }
  }

  private retryOptions() {
    return {
      retryLimit: this.options.maxAttempts,
      retryDelay: 0,
      retryBackoff: false,
      expireInSeconds: this.options.expireSeconds,
    };
  }

  /** One fetched job, handled in the fetch's transaction: taken (a Job), none left (undefined), or ended ('skipped'). */
  private async takeNext(tx: Db, name: string): Promise<Job | undefined | 'skipped'> {
    const via = through(tx);
    const [fetched] = await this.boss.fetch<{ id: string }>(name, { batchSize: 1, db: via });
    if (!fetched) return undefined;
    const id = fetched.id;
    this.queues.set(id, name);
    // A retried job keeps the expiry its dead node's heartbeats had stretched: start from expireSeconds again.
    await execute(tx, `UPDATE ${BOSS_SCHEMA}.job SET expire_in = make_interval(secs => ?) WHERE name = ? AND id = ?::uuid`, [
      this.options.expireSeconds,
      name,
      id,
    ]);
    const [row] = await tx.select().from(jobs).where(eq(jobs.id, id));
    if (!row || ENDED.includes(row.status as JobStatus)) {
      await this.endBossJob(via, id, { skipped: row?.status ?? 'no such job' });
      return 'skipped';
    }
    if (row.status === 'queued') return this.start(tx, via, row, {});
    // Running, yet pg-boss delivered it again: its node stopped beating, so this is a resumption.
    const job = asJob(row);
    const verdict = await this.verdict(job);
    if (verdict.requeue) {
      const resumed = await this.start(tx, via, row, { progress: 0 });
      if (resumed !== 'skipped') await this.options.onResumed?.(resumed);
      return resumed;
    }
    await this.endBossJob(via, id, { failed: verdict.reason });
    if (!(await this.endRow(tx, id, 'failed', verdict.reason, row.startedAt ?? undefined))) return 'skipped';
    await this.options.onFailedAtResume?.(job, verdict.reason);
    this.log({ level: 'warn', msg: 'job failed at resumption', job: id, kind: job.kind, reason: verdict.reason });
    return 'skipped';
  }

  /** The registered verdict, held to maxAttempts: pg-boss will not deliver the job again after this. */
  private async verdict(job: Job): Promise<RecoveryVerdict> {
    const verdict = this.decide ? await this.decide(job) : { requeue: true as const };
    if (verdict.requeue && job.attempts >= this.options.maxAttempts)
      return { requeue: false, reason: `the server running it stopped ${job.attempts} times: it is not tried again` };
    return verdict;
  }

  /** Marks the row running for this process, one attempt more; skipped when the row changed since it was read. */
  private async start(tx: Db, via: PgBoss.Db, row: Row, extra: { progress?: number }): Promise<Job | 'skipped'> {
    const at = now();
    const seen = row.startedAt === null ? undefined : row.startedAt;
    const [started] = await tx
      .update(jobs)
      .set({ status: 'running', attempts: row.attempts + 1, startedAt: at, updatedAt: at, error: null, ...extra })
      .where(and(eq(jobs.id, row.id), eq(jobs.status, row.status), seen === undefined ? undefined : eq(jobs.startedAt, seen)))
      .returning();
    if (!started) {
      await this.endBossJob(via, row.id, { skipped: 'changed meanwhile' });
      return 'skipped';
    }
    this.hold(row.id, at);
    return asJob(started);
  }

  /** Ends a job this process ran (or any queued or running one, when it holds none by that id), and its pg-boss job. */
  private async end(id: string, status: 'done' | 'failed', error: string | null) {
    const token = this.release(id);
    await this.db.transaction(async (tx) => {
      await execute(tx, `SELECT 1 FROM ${BOSS_SCHEMA}.job WHERE name = ? AND id = ?::uuid FOR UPDATE`, [
        await this.queueOf(tx, id),
        id,
      ]);
      // Another node took the job meanwhile (this one was thought dead): its run, not ours, ends it.
      if (!(await this.endRow(tx, id, status, error, token))) return;
      await this.endBossJob(through(tx), id, status === 'done' ? {} : { failed: error });
    });
  }

  /** Ends our row unless it has ended already (or, with a token, unless another node has taken it since); true if it did. */
  private async endRow(tx: Db, id: string, status: JobStatus, error: string | null, token: string | undefined) {
    const at = now();
    const ended = await tx
      .update(jobs)
      .set({ status, error, updatedAt: at, finishedAt: at })
      .where(token === undefined ? and(eq(jobs.id, id), inArray(jobs.status, ACTIVE)) : this.running(id, token))
      .returning({ id: jobs.id });
    return ended.length > 0;
  }

  /** Our row while it runs, and (given a token) while it runs here. */
  private running(id: string, token: string | undefined) {
    return and(eq(jobs.id, id), eq(jobs.status, 'running'), token === undefined ? undefined : eq(jobs.startedAt, token));
  }

  /** Ends the pg-boss job without a retry: completed when active, cancelled when still waiting. */
  private async endBossJob(via: PgBoss.Db, id: string, output: object) {
    const name = this.queues.get(id) ?? (await this.nameIn(via, id));
    await this.boss.complete(name, id, output, { db: via });
    await this.boss.cancel(name, id, { db: via });
  }

  private hold(id: string, token: string) {
    this.held.set(id, token);
    this.tokens.delete(id);
    this.tokens.set(id, token);
    // The oldest go first; a job ended that long ago gets no more reports from the runner.
    for (const old of this.tokens.keys()) {
      if (this.tokens.size <= TOKENS_KEPT) break;
      this.tokens.delete(old);
      this.queues.delete(old);
    }
    this.lost.delete(id);
    if (!this.closed) this.timer ??= setInterval(() => this.beat(), this.options.heartbeatSeconds * 1000).unref();
  }

  /** Stops beating for a job; its token stays (see `tokens`). */
  private release(id: string): string | undefined {
    const token = this.tokens.get(id);
    this.held.delete(id);
    this.lost.delete(id);
    if (this.held.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    return token;
  }

  /** Pushes the expiry of every job this process runs to expireSeconds from now, while our row says it still runs here. */
  private beat() {
    if (this.beating || this.closed) return;
    this.beating = true;
    void (async () => {
      for (const [id, token] of this.held) {
        const kept = await execute(
          this.db,
          `UPDATE ${BOSS_SCHEMA}.job SET expire_in = (now() - started_on) + make_interval(secs => ?)
           WHERE name = ? AND id = ?::uuid AND state = 'active'
             AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND status = 'running' AND started_at = ?)`,
          [this.options.expireSeconds, this.queues.get(id) ?? PgBossJobQueue.queueName, id, id, token],
        );
        if (!kept && this.held.get(id) === token && !this.lost.has(id)) {
          this.lost.add(id);
          this.log({ level: 'warn', msg: 'job no longer held here (cancelled, ended or taken by another node)', job: id });
        }
      }
    })()
      .catch((e: unknown) => this.log({ level: 'error', msg: 'job heartbeat', error: (e as Error).message }))
      .finally(() => {
        this.beating = false;
      });
  }

  private log(entry: Record<string, unknown>) {
    this.options.log?.(JSON.stringify(entry));
  }
}

/**
 * Starts pg-boss on its own small pool (its schema `pgboss` is created or migrated on start, under its lock, whichever
 * node comes first). What matters for hand-over: expiry is acted on only when a node supervises (`supervise`, every
 * `maintenanceIntervalSeconds`, shared by all nodes through one timestamp: one node does it per interval), so a dead
 * node's job moves after expireSeconds plus up to about two supervision intervals. Maintenance also archives
 * finished pg-boss jobs after 12 h and deletes them after 7 days (our table keeps the record). State monitoring
 * (`monitorStateIntervalSeconds`) stays off, and cron scheduling (`schedule`) too: we use neither. Errors are logged.
 */
export async function startBoss(
  url: string,
  options: { superviseSeconds?: number; log?: (line: string) => void } = {},
): Promise<PgBoss> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    application_name: 'reintegra-jobs',
    supervise: true,
    maintenanceIntervalSeconds: options.superviseSeconds ?? 10,
    schedule: false,
    migrate: true,
  });
  // An unhandled 'error' event would end the process; a lost connection is pg-boss's to retry.
  boss.on('error', (e: Error) => log(JSON.stringify({ level: 'error', msg: 'pg-boss', error: e.message })));
  await boss.start();
  return boss;
}
