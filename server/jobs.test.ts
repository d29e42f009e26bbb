// Heavy work off the request path (issue 13): simulations and large batches on a pool of worker threads fed by a job
// queue in the database, with limits, cancelling, streamed uploads and recovery after a stop.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, queryOne } from './db/raw.ts';
import { uploadDir } from './env.ts';
import { createToken } from './store/people.ts';
import { type Auth, type Reply, TEST_DATABASE, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
const as: Record<string, Auth> = {};

const sim = (size: number, extra: Record<string, unknown> = {}) => ({
  question: 'cis-benefit',
  date: '2025-10-15',
  proposal: 'flexible-absence',
  population: { generate: { size, seed: 5 } },
  by: ['cis_period'],
  ...extra,
});

/** How long a state may take to come on a busy machine before the test gives up. */
const PATIENCE_MS = 100_000;

/** Polls a run until it has ended; every answer on the way is kept. */
async function ended(id: string, auth: Auth): Promise<Reply[]> {
  const seen: Reply[] = [];
  for (const until = Date.now() + PATIENCE_MS; Date.now() < until; ) {
    const r = await t.api('GET', `/api/v1/simulations/${id}`, { auth });
    seen.push(r);
    // The run's result is stored before its job is marked ended (another transaction): wait for both.
    if (r.body.status !== 'running' && !['queued', 'running'].includes(r.body.queue?.state)) return seen;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`run ${id} still running`);
}

/** Waits until the run's job is on a worker. */
async function onWorker(id: string, auth: Auth): Promise<void> {
  for (const until = Date.now() + PATIENCE_MS; Date.now() < until; ) {
    const r = await t.api('GET', `/api/v1/simulations/${id}`, { auth });
    if (r.body.queue?.state === 'running') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`run ${id} never reached a worker`);
}

beforeAll(async () => {
  t = await testServer('jobs', {
    // On PostgreSQL a stopped server's jobs pass on when their lease runs out: a short one, for the restart below.
    JOB_EXPIRE_SECONDS: '3',
    WORKER_THREADS: '1',
    JOBS_PER_USER: '1',
    JOBS_TOTAL: '3',
    BATCH_INLINE_MAX: '10',
    UPLOAD_LIMIT_BYTES: '2000000',
  });
  for (const name of ['ana', 'bob', 'cyd', 'dan'])
    as[name] = { token: await createToken(t.server.db, { name, role: 'analyst' }) };
  as.cw = { token: await createToken(t.server.db, { name: 'cw', role: 'caseworker' }) };
});
afterAll(() => t?.close());

describe('simulations on the worker pool', { timeout: 150_000 }, () => {
  it('run on a worker thread of the real server (TypeScript loaded there) and store their result', async () => {
    const before = t.server.jobs.pool.completed;
    const started = await t.api('POST', '/api/v1/simulations', { auth: as.ana, body: sim(2000) });
    expect(started.status).toBe(202);
    expect(started.body.queue).toMatchObject({ attempts: expect.any(Number) });
    const run = (await ended(started.body.id, as.ana as Auth)).at(-1) as Reply;
    expect(run.body).toMatchObject({ status: 'done', processed: 2000, queue: { state: 'done', attempts: 1 } });
    expect(run.body.result).toMatchObject({ persons: 2000, errors: { count: 0 } });
    expect(t.server.jobs.pool.completed).toBe(before + 1);
    // Only its owner (and admins) see a run.
    expect((await t.api('GET', `/api/v1/simulations/${started.body.id}`, { auth: as.bob })).status).toBe(404);
  });

  it('limits jobs per user and in all (429 with the queue’s state), and cancels a run on its worker', async () => {
    const big = await t.api('POST', '/api/v1/simulations', { auth: as.ana, body: sim(1_000_000) });
    expect(big.status).toBe(202);
    const again = await t.api('POST', '/api/v1/simulations', { auth: as.ana, body: sim(10) });
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBeTruthy();
    expect(again.body.error).toMatchObject({ code: 'QUEUE_FULL', details: { yours: 1, limit_per_user: 1, limit_total: 3 } });
    const bobs = await t.api('POST', '/api/v1/simulations', { auth: as.bob, body: sim(10) });
    const cyds = await t.api('POST', '/api/v1/simulations', { auth: as.cyd, body: sim(10) });
    expect([bobs.status, cyds.status]).toEqual([202, 202]);
    expect(cyds.body.queue).toMatchObject({ state: 'queued', position: 1 });
    const full = await t.api('POST', '/api/v1/simulations', { auth: as.dan, body: sim(10) });
    expect(full.status).toBe(429);
    expect(full.body.error.details).toMatchObject({ yours: 0, limit_total: 3 });

    await onWorker(big.body.id, as.ana as Auth);
    const cancelled = await t.api('DELETE', `/api/v1/simulations/${big.body.id}`, { auth: as.ana });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'failed', error: 'cancelled by ana', queue: { state: 'cancelled' } });
    expect((await t.api('DELETE', `/api/v1/simulations/${big.body.id}`, { auth: as.ana })).body.error.code).toBe(
      'ALREADY_FINISHED',
    );
    // The thread was freed: the queued runs finish.
    expect(((await ended(bobs.body.id, as.bob as Auth)).at(-1) as Reply).body.status).toBe('done');
    expect(((await ended(cyds.body.id, as.cyd as Auth)).at(-1) as Reply).body.status).toBe('done');
  });

  it('streams an uploaded population to a file, runs it, and removes the file when the run ends', async () => {
    const lines = ['cis_period,unexcused_absence_days', ...Array.from({ length: 20_000 }, (_, i) => `participation,${i % 7}`)];
    const text = `${lines.join('\n')}\n`;
    const encoder = new TextEncoder();
    // Sent in chunks as a stream, the way a browser sends a file.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < lines.length; i += 1000)
          controller.enqueue(encoder.encode(`${lines.slice(i, i + 1000).join('\n')}\n`));
        controller.close();
      },
    });
    const res = await fetch(`${t.server.url}/api/v1/simulations/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${(as.dan as { token: string }).token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(201);
    const upload = (await res.json()) as { upload: string; bytes: number; hash: string };
    expect(upload).toMatchObject({
      format: 'csv',
      bytes: Buffer.byteLength(text),
      hash: `sha256:${createHash('sha256').update(text).digest('hex')}`,
    });
    expect(
      (await t.api('POST', '/api/v1/simulations', { auth: as.ana, body: sim(0, { population: { upload: upload.upload } }) }))
        .status,
    ).toBe(404);
    const started = await t.api('POST', '/api/v1/simulations', {
      auth: as.dan,
      body: sim(0, { population: { upload: upload.upload } }),
    });
    expect(started.status).toBe(202);
    const run = (await ended(started.body.id, as.dan as Auth)).at(-1) as Reply;
    expect(run.body.result).toMatchObject({ persons: 20_000, population: { source: 'upload', hash: upload.hash } });
    expect(readdirSync(uploadDir(t.env))).toEqual([]);
  });

  it('refuses an upload over the limit with 413 and keeps nothing of it', async () => {
    // Plain node:http: the server answers and closes while the rest of the body is still being sent, and the
    // client must be told to expect that (fetch would report the reset as an unhandled error).
    const url = new URL(`${t.server.url}/api/v1/simulations/uploads`);
    const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST' }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.setHeader('content-type', 'text/csv');
      req.setHeader('authorization', `Bearer ${(as.dan as { token: string }).token}`);
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
      });
      req.end(`cis_period\n${'trial\n'.repeat(400_000)}`);
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(readdirSync(uploadDir(t.env))).toEqual([]);
  });
});

describe('large batches on the worker pool', () => {
  const ask = (i: number) => ({
    question: 'unemployment-benefit',
    date: '2024-08-01',
    facts: { qualifying_years: i % 30 },
  });

  it('answer as single decisions do, in order, with their errors in place, receipts stored for the answers only', async () => {
    const requests = Array.from({ length: 60 }, (_, i) => (i === 7 ? { ...ask(i), facts: { qualifyng_years: 3 } } : ask(i)));
    const before = t.server.jobs.pool.completed;
    const r = await t.api('POST', '/api/v1/decisions/batch', { auth: as.cw, body: { requests } });
    expect(r.status).toBe(200);
    expect(t.server.jobs.pool.completed).toBe(before + 1);
    expect(r.body.answers).toHaveLength(60);
    expect(r.body.answers[7].error).toMatchObject({
      code: 'UNKNOWN_FACT',
      details: { index: 7, field: 'requests.7.facts.qualifyng_years' },
    });
    const single = await t.api('POST', '/api/v1/decisions', { auth: as.cw, body: ask(25) });
    const { receipt: a, ...fromBatch } = r.body.answers[25];
    const { receipt: b, ...alone } = single.body;
    expect(fromBatch).toEqual(alone);
    const stored = await t.api('GET', `/api/v1/decisions/${a.id}`, { auth: as.cw });
    expect(stored.body.answer).toEqual(alone);
    const tagged = await queryOne(t.server.db, 'SELECT count(*) AS n FROM decisions WHERE job_id IS NOT NULL');
    expect(tagged).toEqual({ n: 59 });
  });
});

describe('a batch with a request that fails its schema', () => {
  it('is a 400 naming the field, whether small (checked inline) or large (checked on a worker), and stores nothing', async () => {
    const count = async () =>
      ((await queryOne<{ n: number }>(t.server.db, 'SELECT count(*) AS n FROM decisions')) as { n: number }).n;
    const before = await count();
    for (const size of [5, 40]) {
      const requests = Array.from({ length: size }, (_, i) => ({
        question: 'unemployment-benefit',
        date: '2024-08-01',
        facts: { qualifying_years: i },
      }));
      requests[3] = { ...requests[3], date: 20240801, fact: {} } as never;
      const r = await t.api('POST', '/api/v1/decisions/batch', { auth: as.cw, body: { requests } });
      expect(r.status, `${size} requests`).toBe(400);
      expect(r.body.error.code).toBe('INVALID_REQUEST');
      expect(r.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['requests.3', 'requests.3.date']);
    }
    expect(await count()).toBe(before);
  });
});

describe('after a stop', () => {
  it('resumes a run that was on a worker, fails one tried too often, and takes back the receipts of an unfinished batch', async () => {
    const started = await t.api('POST', '/api/v1/simulations', { auth: as.bob, body: sim(100_000) });
    await onWorker(started.body.id, as.bob as Auth);
    const worn = await t.api('POST', '/api/v1/simulations', { auth: as.cyd, body: sim(10) });
    await t.server.db.transaction(async (tx) => {
      // cyd's run as if the server had already stopped three times while it ran.
      await execute(tx, "UPDATE jobs SET status = 'running', attempts = 3 WHERE id = ?", [worn.body.id]);
      // A batch the server was storing when it stopped (on PostgreSQL a batch is also a pg-boss job in its node's own
      // queue: server/jobs/pg-boss-queue.test.ts shows another node failing it and taking its receipts back).
      if (TEST_DATABASE === 'pg') return;
      await execute(tx, "INSERT INTO jobs (id, kind, owner, status, attempts) VALUES ('batch-1', 'batch', 'x', 'running', 1)");
      await execute(
        tx,
        "INSERT INTO decisions (id, question, date, facts, answer, outcome, engine_version, asked_by, job_id) VALUES ('r1', 'q', '2024-01-01', '{}', '{}', 'x', 'e', 'x', 'batch-1')",
      );
    });
    await t.restart();
    const resumed = (await ended(started.body.id, as.bob as Auth)).at(-1) as Reply;
    expect(resumed.body).toMatchObject({ status: 'done', processed: 100_000, queue: { attempts: 2 } });
    const failed = await t.api('GET', `/api/v1/simulations/${worn.body.id}`, { auth: as.cyd });
    expect(failed.body).toMatchObject({ status: 'failed', queue: { state: 'failed' } });
    expect(failed.body.error).toContain('3 times');
    if (TEST_DATABASE === 'pg') return;
    expect(await queryOne(t.server.db, "SELECT count(*) AS n FROM decisions WHERE id = 'r1'")).toEqual({ n: 0 });
    expect(await queryOne(t.server.db, "SELECT status, error FROM jobs WHERE id = 'batch-1'")).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('none of its receipts were kept'),
    });
    expect(t.lines.some((l) => l.includes('"msg":"job resumed"'))).toBe(true);
  }, 150_000);
});
