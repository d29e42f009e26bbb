// Two server processes on one throw-away PostgreSQL, behind a real HAProxy on loopback, configured by
// deploy/haproxy.cfg: what deploy/README.md promises, shown.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../scripts/load/server-process.ts';
import { parseEnv } from '../../server/env.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createToken } from '../../server/store/people.ts';
import { type PgCluster, startPgCluster } from '../../server/testing/pg-cluster.ts';
import { type Balancer, startBalancer } from './balancer.ts';
import { type Reply, send } from './send.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-two-nodes-'));
let cluster: PgCluster;
let databaseUrl: string;
let a: ServerProcess;
let b: ServerProcess;
let balancer: Balancer;
const t: Record<string, string> = {};
/** Nodes started during the tests (after a kill), stopped at the end. */
const later: ServerProcess[] = [];
/** What the run measured, printed once at the end: the figures deploy/README.md and the closing note quote. */
const measured: Record<string, number> = {};

/** A node's settings: the one database and secret, its own local files, one worker thread, a short job lease. */
function nodeEnv(name: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REINTEGRA_SECRET: secret,
    DATABASE_PATH: join(dir, name, 'unused.db'),
    AUDIT_ANCHOR_PATH: join(dir, name, 'audit-heads'),
    UPLOAD_DIR: join(dir, 'shared-uploads'),
    ADMIN_PASSWORD: 'a-long-admin-password',
    WORKER_THREADS: '1',
    JOB_EXPIRE_SECONDS: '3',
  };
}
const secret = randomBytes(32).toString('base64url');

/** The node behind a URL, as its /healthz names it. */
async function nodeOf(url: URL | string): Promise<string> {
  return (await send(url, 'GET', '/healthz')).body.node as string;
}

beforeAll(async () => {
  cluster = await startPgCluster();
  databaseUrl = await cluster.createDatabase();
  // A first, alone: it migrates the database and imports the law; B then finds both done.
  a = await startServerProcess(nodeEnv('a'));
  b = await startServerProcess(nodeEnv('b'));
  balancer = await startBalancer(dir, a.url, b.url);
  const store = await openStore(parseEnv(nodeEnv('test')));
  try {
    for (const role of ['caseworker', 'editor', 'reviewer', 'analyst', 'admin'] as const)
      t[role] = await createToken(store.db, { name: `cluster-${role}`, role });
  } finally {
    await store.close();
  }
}, 180_000);

afterAll(async () => {
  console.info(JSON.stringify({ cluster_measured: measured }));
  await balancer?.stop();
  await Promise.allSettled([a?.stop(), b?.stop(), ...later.map((n) => n.stop())]);
  await cluster?.stop();
});

describe('two nodes on one PostgreSQL behind HAProxy', () => {
  it('balances over both nodes, each a process of its own', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10 && seen.size < 2; i++) seen.add(await nodeOf(balancer.url));
    expect(seen).toEqual(new Set([await nodeOf(a.url), await nodeOf(b.url)]));
  });

  it('reads through node B a decision made through node A', async () => {
    const made = await send(a.url, 'POST', '/api/v1/decisions', t.caseworker, {
      question: 'unemployment-benefit',
      date: '2026-07-01',
      facts: { qualifying_years: 10 },
    });
    expect(made.status).toBe(200);
    const read = await send(b.url, 'GET', `/api/v1/decisions/${made.body.receipt.id}`, t.caseworker);
    expect(read.status).toBe(200);
    expect(read.body.answer.amounts).toEqual(made.body.amounts);
  });

  it('answers on node B by a law published on node A within a second', async () => {
    const opened = await send(a.url, 'POST', '/api/v1/drafts', t.editor, { parameters: 'zasilek' });
    const row =
      '      - { from: 2026-06-01, value: 1783.90, basis: "URP art. 224, obwieszczenie MRPiPS", confidence: secondary, published_on: 2026-06-01, published_confidence: recalled }\n';
    const yaml = (opened.body.yaml as string).replace(
      `${row}  zasilek.later_days:`,
      `${row}      - { from: 2027-06-01, value: 1830.00, basis: "URP art. 224, obwieszczenie MRPiPS", confidence: recalled }\n  zasilek.later_days:`,
    );
    expect(yaml).not.toBe(opened.body.yaml);
    const id = opened.body.id as string;
    const saved = await send(a.url, 'PUT', `/api/v1/drafts/${id}`, t.editor, { yaml }, { 'if-match': opened.etag ?? '' });
    expect(saved.status).toBe(200);
    const withCase = await send(
      a.url,
      'POST',
      `/api/v1/drafts/${id}/cases`,
      t.editor,
      {
        case: {
          name: 'Zasiłek od czerwca 2027',
          question: 'unemployment-benefit',
          date: '2027-07-01',
          facts: { qualifying_years: 10 },
        },
      },
      { 'if-match': saved.etag ?? '' },
    );
    expect(withCase.status).toBe(200);
    expect((await send(a.url, 'POST', `/api/v1/drafts/${id}/submit`, t.editor)).status).toBe(200);
    const ask = () =>
      send(b.url, 'POST', '/api/v1/decisions', t.caseworker, {
        question: 'unemployment-benefit',
        date: '2027-07-01',
        facts: { qualifying_years: 10 },
      });
    expect((await ask()).body.amounts.monthly_amount).toBe(1783.9);
    const published = await send(a.url, 'POST', `/api/v1/drafts/${id}/publish`, t.reviewer, {});
    expect(published.status).toBe(200);
    const at = performance.now();
    let answer: Reply = await ask();
    while (answer.body.amounts.monthly_amount !== 1830 && performance.now() - at < 5_000) answer = await ask();
    const elapsed = performance.now() - at;
    measured.publication_seen_on_b_ms = Math.round(elapsed);
    expect(answer.body.amounts.monthly_amount).toBe(1830);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('refuses with 409 a save on node B made against a revision node A has moved on from', async () => {
    const opened = await send(a.url, 'POST', '/api/v1/drafts', t.editor, { parameters: 'zasilek' });
    const id = opened.body.id as string;
    const first = await send(
      a.url,
      'PATCH',
      `/api/v1/drafts/${id}`,
      t.editor,
      { title: 'na A' },
      { 'if-match': opened.etag ?? '' },
    );
    expect(first.status).toBe(200);
    const stale = await send(
      b.url,
      'PATCH',
      `/api/v1/drafts/${id}`,
      t.editor,
      { title: 'na B' },
      { 'if-match': opened.etag ?? '' },
    );
    expect(stale.status).toBe(409);
    expect((await send(b.url, 'GET', `/api/v1/drafts/${id}`, t.editor)).body.title).toBe('na A');
  });

  it('keeps one audit chain through 1,000 concurrent changes spread over both nodes', async () => {
    const before = (await send(a.url, 'GET', '/api/v1/audit?limit=1&order=desc', t.admin)).body;
    const nodes = [a.url, b.url];
    let next = 0;
    const statuses: number[] = [];
    // 40 clients at a time, each change a token created (one audited transaction), alternately on A and on B.
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        for (let i = next++; i < 1_000; i = next++) {
          const r = await send(nodes[i % 2] as URL, 'POST', '/api/v1/tokens', t.admin, {
            name: `load-${i}`,
            role: 'caseworker',
            days: 1,
          });
          statuses.push(r.status);
        }
      }),
    );
    expect(statuses.filter((s) => s !== 201 && s !== 200)).toEqual([]);
    measured.audit_changes = statuses.length;
    for (const node of nodes) {
      const audit = await send(node, 'GET', '/api/v1/audit?limit=1&order=desc', t.admin);
      expect(audit.body.chain).toMatchObject({ ok: true });
      expect(audit.body.chain.entries).toBeGreaterThanOrEqual(before.chain.entries + 1_000);
    }
  });

  it('loses no acknowledged receipt when node A is killed under load, and its clients go on with node B', async () => {
    const acknowledged: string[] = [];
    const failed: number[] = [];
    let killedAt = -1;
    let stop = false;
    const deadline = Date.now() + 60_000;
    const client = async () => {
      while (!stop && Date.now() < deadline) {
        const r = await send(balancer.url, 'POST', '/api/v1/decisions', t.caseworker, {
          question: 'unemployment-benefit',
          date: '2026-07-01',
          facts: { qualifying_years: 10 },
        }).catch(() => ({ status: 0 }) as Reply);
        if (r.status === 200) acknowledged.push(r.body.receipt.id);
        else failed.push(r.status);
        if (killedAt < 0 && acknowledged.length >= 300) {
          killedAt = acknowledged.length;
          await a.kill9();
        }
        if (killedAt >= 0 && acknowledged.length >= killedAt + 300) stop = true;
      }
    };
    await Promise.all(Array.from({ length: 10 }, client));
    expect(killedAt).toBeGreaterThan(0);
    Object.assign(measured, { kill_acknowledged: acknowledged.length, kill_failed_requests: failed.length });
    // The balancer's clients went on: 300 more answers after the kill, and what answers now is B.
    expect(acknowledged.length).toBeGreaterThanOrEqual(killedAt + 300);
    expect(await nodeOf(balancer.url)).toBe(await nodeOf(b.url));
    // Every receipt answered 200 is in the database.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const found = await db.query('SELECT count(*)::int AS n FROM decisions WHERE id = ANY($1)', [acknowledged]);
      expect(found.rows[0].n).toBe(new Set(acknowledged).size);
    } finally {
      await db.end();
    }
    // Only requests in flight to A when it died may have failed: a handful, not the rest of the run.
    expect(failed.length).toBeLessThan(20);
  });

  it('finishes on node B a simulation node A was running when it was killed', async () => {
    // A alone runs it: B is stopped (gracefully) until A has taken the job and is under way.
    const a2 = await startServerProcess(nodeEnv('a'));
    later.push(a2);
    await b.stop();
    const started = await send(a2.url, 'POST', '/api/v1/simulations', t.analyst, {
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      population: { generate: { size: 1_000_000, seed: 7 } },
    });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    const run = () => send(a2.url, 'GET', `/api/v1/simulations/${id}`, t.analyst);
    let seen = await run();
    for (const until = Date.now() + 60_000; !(seen.body.processed > 0) && seen.body.status === 'running' && Date.now() < until; )
      seen = await run();
    expect(seen.body).toMatchObject({ status: 'running' });
    expect(seen.body.processed).toBeGreaterThan(0);
    const b2 = await startServerProcess(nodeEnv('b'));
    later.push(b2);
    await a2.kill9();
    const killed = performance.now();
    // B takes the job once A's lease runs out (3 s), and runs it again from the start.
    const onB = () => send(b2.url, 'GET', `/api/v1/simulations/${id}`, t.analyst);
    let done = await onB();
    for (const until = Date.now() + 180_000; done.body.status === 'running' && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      done = await onB();
    }
    expect(done.body.status).toBe('done');
    measured.simulation_done_on_b_after_kill_ms = Math.round(performance.now() - killed);
    expect(done.body.result.persons + done.body.result.errors.count).toBe(1_000_000);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const job = await db.query('SELECT status, attempts FROM jobs WHERE id = $1', [id]);
      expect(job.rows[0]).toEqual({ status: 'done', attempts: 2 });
    } finally {
      await db.end();
    }
  }, 300_000);
});
