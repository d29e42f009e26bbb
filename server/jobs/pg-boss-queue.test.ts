import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open.ts';
import { openPgDatabase } from '../db/open-pg.ts';
import { query, queryOne } from '../db/raw.ts';
import { type PgCluster, startPgCluster } from '../testing/pg-cluster.ts';
import { PgBossJobQueue, type PgBossQueueOptions, startBoss } from './pg-boss-queue.ts';
import { type Job, QueueFullError, type QueueLimits, type RecoveryVerdict } from './queue.ts';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

/** A server process ("node"): its own pool, its own pg-boss (supervising every second) and its queue. */
interface Node {
  database: Database;
  boss: PgBoss;
  queue: PgBossJobQueue;
  /** Lines the queue logged. */
  logged: string[];
  /** Ends it as a killed process would leave it: no heartbeat, no pg-boss, no connection, nothing finished. */
  die(): Promise<void>;
}

const nodes: Node[] = [];
afterEach(async () => {
  for (const node of nodes.splice(0)) await node.die();
});

const LIMITS: QueueLimits = { perUser: 10, total: 50 };
const QUICK = { expireSeconds: 2, heartbeatSeconds: 0.5, maxAttempts: 3 };

async function startNode(url: string, limits = LIMITS, options: Partial<PgBossQueueOptions> = {}): Promise<Node> {
  const database = await openPgDatabase(url, { poolSize: 6 });
  const logged: string[] = [];
  const boss = await startBoss(url, { superviseSeconds: 1, log: (l) => logged.push(l) });
  const queue = new PgBossJobQueue(database.db, boss, limits, { ...QUICK, log: (l) => logged.push(l), ...options });
  await queue.init();
  let dead = false;
  const node: Node = {
    database,
    boss,
    queue,
    logged,
    async die() {
      if (dead) return;
      dead = true;
      await queue.close();
      await boss.stop({ graceful: false });
      await database.close();
    },
  };
  nodes.push(node);
  return node;
}

/** pg-boss's record of a job. */
function bossJob(db: Database, id: string) {
  return queryOne<{ state: string; priority: number; retryCount: number; retryLimit: number }>(
    db.db,
    'SELECT state, priority, retry_count AS "retryCount", retry_limit AS "retryLimit" FROM pgboss.job WHERE id = ?::uuid',
    [id],
  );
}

/** Asks `probe` every 100 ms until it gives a value, for at most `ms`: waits for a state, never for a fixed time. */
async function eventually<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Resolves once pg-boss has supervised (expired what was due) `times` times after the moment `after` (ms since the
 * epoch), on any of the nodes (one of them does it each interval); rejects after `ms`.
 */
function supervisedAfter(bosses: PgBoss[], after: number, times: number, ms = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const stop = () => {
      clearTimeout(timer);
      for (const b of bosses) b.off('maintenance', heard);
    };
    const heard = () => {
      if (Date.now() <= after || ++seen < times) return;
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`pg-boss did not supervise ${times} times within ${ms} ms`));
    }, ms);
    for (const b of bosses) b.on('maintenance', heard);
  });
}

describe('the job queue on PostgreSQL through pg-boss', () => {
  it('enqueues, claims and finishes a job: our row and pg-boss job move together', async () => {
    const a = await startNode(await cluster.createDatabase());
    const job = await a.queue.enqueue({ kind: 'simulation', owner: 'u1', payloadRef: 'run-1', priority: 3, total: 10 });
    expect(job).toMatchObject({ kind: 'simulation', owner: 'u1', status: 'queued', attempts: 0, priority: 3 });
    expect(await bossJob(a.database, job.id)).toMatchObject({ state: 'created', priority: -3, retryLimit: 3 });

    const claimed = await a.queue.claim();
    expect(claimed).toMatchObject({ id: job.id, status: 'running', attempts: 1 });
    expect(await bossJob(a.database, job.id)).toMatchObject({ state: 'active' });
    await a.queue.progress(job.id, 4, 10);
    expect(await a.queue.get(job.id)).toMatchObject({ progress: 4, total: 10 });
    expect(await a.queue.claim()).toBeUndefined();

    await a.queue.finish(job.id);
    expect(await a.queue.get(job.id)).toMatchObject({ status: 'done', error: null });
    expect((await a.queue.get(job.id))?.finishedAt).toBeTruthy();
    expect(await bossJob(a.database, job.id)).toMatchObject({ state: 'completed' });
    expect(await a.queue.state('u1')).toMatchObject({ queued: 0, running: 0, yours: 0 });
  });

  it('adds the row and the pg-boss job in one transaction: neither stays when the other fails', async () => {
    const a = await startNode(await cluster.createDatabase());
    await a.boss.deleteQueue(PgBossJobQueue.queueName);
    await expect(a.queue.enqueue({ id: randomUUID(), kind: 'simulation', owner: 'u1' })).rejects.toThrow('pg-boss did not take');
    expect(await query(a.database.db, 'SELECT id FROM jobs')).toEqual([]);
    await expect(a.queue.enqueue({ id: 'not-a-uuid', kind: 'replay-impact', owner: 'u1' })).rejects.toThrow('must be a UUID');
  });

  it('refuses past the limits per user and in all, and leaves no pg-boss job for a refusal', async () => {
    const a = await startNode(await cluster.createDatabase(), { perUser: 2, total: 3 });
    await a.queue.enqueue({ kind: 'replay-impact', owner: 'u1' });
    await a.queue.enqueue({ kind: 'replay-impact', owner: 'u1' });
    const user = await a.queue.enqueue({ kind: 'replay-impact', owner: 'u1' }).catch((e: unknown) => e);
    expect(user).toBeInstanceOf(QueueFullError);
    expect(user).toMatchObject({ reason: 'user', state: { queued: 2, yours: 2, limit_per_user: 2 } });
    await a.queue.enqueue({ kind: 'replay-impact', owner: 'u2' });
    const total = await a.queue.enqueue({ kind: 'replay-impact', owner: 'u3' }).catch((e: unknown) => e);
    expect(total).toMatchObject({ reason: 'total', state: { queued: 3, yours: 0, limit_total: 3 } });
    expect(await query(a.database.db, 'SELECT id FROM pgboss.job WHERE name = ?', [PgBossJobQueue.queueName])).toHaveLength(3);
  });

  it('keeps the limits when 20 enqueue at once on two nodes', async () => {
    const url = await cluster.createDatabase();
    const limits = { perUser: 3, total: 5 };
    const [a, b] = [await startNode(url, limits), await startNode(url, limits)];
    const tries = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).queue.enqueue({ kind: 'simulation', owner: `u${i % 4}` }));
    const settled = await Promise.allSettled(tries);
    const kept = settled.filter((s) => s.status === 'fulfilled');
    expect(kept).toHaveLength(5);
    for (const s of settled) if (s.status === 'rejected') expect(s.reason).toBeInstanceOf(QueueFullError);
    const perUser = await query<{ owner: string; n: number }>(
      a.database.db,
      'SELECT owner, count(*) AS n FROM jobs GROUP BY owner',
    );
    for (const row of perUser) expect(row.n).toBeLessThanOrEqual(3);
    expect(perUser.reduce((s, r) => s + r.n, 0)).toBe(5);
    expect(await query(a.database.db, 'SELECT id FROM pgboss.job WHERE name = ?', [PgBossJobQueue.queueName])).toHaveLength(5);
  });

  it('hands out the lowest priority first, then the oldest, and says how many are ahead', async () => {
    const a = await startNode(await cluster.createDatabase());
    const late = await a.queue.enqueue({ kind: 'simulation', owner: 'u1', priority: 5 });
    const first = await a.queue.enqueue({ kind: 'batch', owner: 'u1', priority: 0 });
    const second = await a.queue.enqueue({ kind: 'simulation', owner: 'u1', priority: 1 });
    const third = await a.queue.enqueue({ kind: 'simulation', owner: 'u2', priority: 1 });
    expect(await Promise.all([first, second, third, late].map((j) => a.queue.position(j.id)))).toEqual([0, 1, 2, 3]);

    expect((await a.queue.claim())?.id).toBe(first.id);
    expect(await a.queue.position(first.id)).toBe(0);
    expect(await a.queue.position(late.id)).toBe(2);
    expect((await a.queue.claim())?.id).toBe(second.id);
    expect((await a.queue.claim())?.id).toBe(third.id);
    expect((await a.queue.claim())?.id).toBe(late.id);
    expect(await a.queue.claim()).toBeUndefined();
    expect(await a.queue.state()).toMatchObject({ queued: 0, running: 4 });
  });

  it('never hands out a job cancelled while queued', async () => {
    const a = await startNode(await cluster.createDatabase());
    const gone = await a.queue.enqueue({ kind: 'simulation', owner: 'u1', priority: 0 });
    const kept = await a.queue.enqueue({ kind: 'simulation', owner: 'u1', priority: 1 });
    expect(await a.queue.cancel(gone.id)).toMatchObject({ status: 'cancelled' });
    expect(await bossJob(a.database, gone.id)).toMatchObject({ state: 'cancelled' });
    expect(await a.queue.position(kept.id)).toBe(0);
    expect((await a.queue.claim())?.id).toBe(kept.id);
    expect(await a.queue.claim()).toBeUndefined();
    // Cancelling again, or once ended, changes nothing.
    expect(await a.queue.cancel(gone.id)).toMatchObject({ status: 'cancelled' });
  });

  it('moves the job of a node that died to another node after expiry, asking the verdict: attempt 2', async () => {
    const url = await cluster.createDatabase();
    const resumed: Job[] = [];
    const a = await startNode(url);
    const b = await startNode(url, LIMITS, { onResumed: (job) => void resumed.push(job) });
    const asked: Job[] = [];
    await b.queue.recover((job) => {
      asked.push(job);
      return { requeue: true };
    });
    const job = await a.queue.enqueue({ kind: 'simulation', owner: 'u1' });
    const claimed = Date.now();
    expect(await a.queue.claim()).toMatchObject({ id: job.id, attempts: 1 });
    await a.queue.progress(job.id, 7, 9);
    await a.die();

    const taken = await eventually(() => b.queue.claim(), 30_000, 'node B takes the dead node A’s job');
    const took = Date.now() - claimed;
    expect(taken).toMatchObject({ id: job.id, status: 'running', attempts: 2, progress: 0 });
    expect(took).toBeGreaterThanOrEqual(QUICK.expireSeconds * 1000); // not before its expiry
    expect(asked).toEqual([expect.objectContaining({ id: job.id, status: 'running', attempts: 1, progress: 7 })]);
    expect(resumed.map((j) => j.id)).toEqual([job.id]);
    expect(await bossJob(b.database, job.id)).toMatchObject({ state: 'active', retryCount: 1 });

    await b.queue.finish(job.id);
    expect(await b.queue.get(job.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await bossJob(b.database, job.id)).toMatchObject({ state: 'completed' });
  });

  it('lets a node thought dead end nothing once another node has taken its job', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = [await startNode(url), await startNode(url)];
    const job = await a.queue.enqueue({ kind: 'simulation', owner: 'u1' });
    await a.queue.claim();
    // A stalls: no heartbeat any more, yet it lives on and will report later.
    await a.queue.close();
    expect(await eventually(() => b.queue.claim(), 30_000, 'node B takes the stalled job')).toMatchObject({ attempts: 2 });
    await a.queue.progress(job.id, 99);
    await a.queue.fail(job.id, 'a late failure from the stalled node');
    await a.queue.finish(job.id);
    expect(await b.queue.get(job.id)).toMatchObject({ status: 'running', attempts: 2, progress: 0, error: null });
    expect(await bossJob(b.database, job.id)).toMatchObject({ state: 'active' });
    await b.queue.finish(job.id);
    expect(await b.queue.get(job.id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('fails a dead node’s job when the verdict says so, or at maxAttempts, and says so to the job system', async () => {
    const url = await cluster.createDatabase();
    const failedAtResume: Array<[string, string]> = [];
    const options = {
      maxAttempts: 2,
      onFailedAtResume: (job: Job, reason: string) => void failedAtResume.push([job.id, reason]),
    };
    const a = await startNode(url, LIMITS, options);
    const b = await startNode(url, LIMITS, options);
    const batch = await a.queue.enqueue({ kind: 'batch', owner: 'u1', priority: 0 });
    const run = await a.queue.enqueue({ kind: 'simulation', owner: 'u1', priority: 1 });
    await b.queue.recover(
      (job): RecoveryVerdict => (job.kind === 'batch' ? { requeue: false, reason: 'the caller is gone' } : { requeue: true }),
    );
    // A batch waits in its own node's queue (its caller waits on that node); B fails it once A's lease has run out.
    const gone = 'the server that held the batch stopped before answering it; none of its receipts were kept: send it again';
    expect((await a.queue.claim())?.id).toBe(batch.id);
    expect((await a.queue.claim())?.id).toBe(run.id);
    await a.die();

    // The batch fails (its verdict); the run is taken again: attempt 2 of 2.
    expect(await eventually(() => b.queue.claim(), 30_000, 'node B resumes the run')).toMatchObject({ id: run.id, attempts: 2 });
    await eventually(
      async () => ((await b.queue.claim()) === undefined && (await b.queue.get(batch.id))?.status === 'failed') || undefined,
      30_000,
      'node B fails the batch',
    );
    expect(await b.queue.get(batch.id)).toMatchObject({ status: 'failed', error: gone });
    // Its lease had run out (pg-boss would retry it, in a queue nobody reads): it ends without a retry.
    expect(await bossJob(b.database, batch.id)).toMatchObject({ state: 'cancelled' });

    // B dies too, on the last attempt: the next node fails the run though the verdict would resume it.
    await b.die();
    const c = await startNode(url, LIMITS, options);
    await c.queue.recover(() => ({ requeue: true }));
    await eventually(
      async () => ((await c.queue.claim()) === undefined && (await c.queue.get(run.id))?.status === 'failed') || undefined,
      30_000,
      'node C fails the run taken twice',
    );
    expect(await c.queue.get(run.id)).toMatchObject({ status: 'failed', attempts: 2, error: expect.stringContaining('2 times') });
    expect(failedAtResume).toEqual([
      [batch.id, gone],
      [run.id, expect.stringContaining('not tried again')],
    ]);
    expect(await c.queue.state('u1')).toMatchObject({ queued: 0, running: 0, yours: 0 });
  });

  it('does not retry a job whose handler failed', async () => {
    const a = await startNode(await cluster.createDatabase());
    const job = await a.queue.enqueue({ kind: 'simulation', owner: 'u1' });
    await a.queue.claim();
    const expiresAt = Date.now() + QUICK.expireSeconds * 1000;
    await a.queue.fail(job.id, 'the population file is malformed');
    expect(await a.queue.get(job.id)).toMatchObject({ status: 'failed', error: 'the population file is malformed' });
    expect(await bossJob(a.database, job.id)).toMatchObject({ state: 'completed', retryCount: 0 });
    // Two supervisions past its expiry, nobody is given it again.
    await supervisedAfter([a.boss], expiresAt, 2);
    expect(await a.queue.claim()).toBeUndefined();
    expect(await a.queue.get(job.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('keeps a healthy job on its node past expireSeconds while its heartbeat runs', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = [await startNode(url), await startNode(url)];
    const job = await a.queue.enqueue({ kind: 'simulation', owner: 'u1' });
    await a.queue.claim();
    const expiresAt = Date.now() + QUICK.expireSeconds * 1000;
    // Two supervisions past twice its first expiry: without a heartbeat it would have been retried by now.
    await supervisedAfter([a.boss, b.boss], expiresAt + QUICK.expireSeconds * 1000, 2);
    expect(await b.queue.claim()).toBeUndefined();
    expect(await bossJob(a.database, job.id)).toMatchObject({ state: 'active', retryCount: 0 });
    const stretched = await queryOne<{ seconds: number }>(
      a.database.db,
      'SELECT extract(epoch FROM expire_in)::float8 AS seconds FROM pgboss.job WHERE id = ?::uuid',
      [job.id],
    );
    expect(stretched?.seconds).toBeGreaterThan(2 * QUICK.expireSeconds);
    expect(await a.queue.get(job.id)).toMatchObject({ status: 'running', attempts: 1 });
    await a.queue.finish(job.id);
    expect(await b.queue.get(job.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(a.logged.filter((l) => l.includes('"error"'))).toEqual([]);
  });
});
