// WORKERS=2: the real server as two processes (node:cluster) on one port and one SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../scripts/load/server-process.ts';
import { queryOne } from './db/raw.ts';
import { parseEnv } from './env.ts';
import { verifyAudit } from './store/audit.ts';
import { openStore } from './store/open-store.ts';
import { createToken } from './store/people.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-cluster-'));
const settings = {
  DATABASE_PATH: join(dir, 'data', 'reintegra.db'),
  ADMIN_PASSWORD: 'a-long-admin-password',
  WORKERS: '2',
  WORKER_THREADS: '1',
  LOG_REQUESTS: 'false',
};
const tokens: Record<string, string> = {};
/** Ids of tokens of systems, to revoke. */
const systemTokens: string[] = [];
let server: ServerProcess;

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the server answered.
  body: any;
  etag: string | undefined;
}

/** One request on the given connection pool (one socket: the same process answers everything sent through it). */
function send(agent: Agent, method: string, path: string, token = '', body?: unknown, headers: Record<string, string> = {}) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: server.url.hostname,
        port: server.url.port,
        method,
        path,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, etag: res.headers.etag });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A connection to each of the two processes: new connections until both have answered (the cluster deals them in turn). */
async function connectionPerProcess(): Promise<Map<number, Agent>> {
  const byWorker = new Map<number, Agent>();
  for (let i = 0; i < 40 && byWorker.size < 2; i++) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const r = await send(agent, 'GET', '/healthz');
    const worker = r.body.worker as number;
    if (byWorker.has(worker)) agent.destroy();
    else byWorker.set(worker, agent);
  }
  return byWorker;
}

beforeAll(async () => {
  const store = await openStore(parseEnv(settings));
  for (const [name, role] of [
    ['ewa', 'editor'],
    ['renata', 'reviewer'],
    ['celina', 'caseworker'],
    ['adam', 'admin'],
  ] as const)
    tokens[name] = await createToken(store.db, { name, role });
  for (let i = 0; i < 20; i++) {
    await createToken(store.db, { name: `system-${i}`, role: 'caseworker' });
    systemTokens.push(
      ((await queryOne<{ id: string }>(store.db, 'SELECT id FROM api_tokens WHERE name = ?', [`system-${i}`])) as { id: string })
        .id,
    );
  }
  await store.close();
  server = await startServerProcess(settings);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('WORKERS=2 on one SQLite file', () => {
  const person = { question: 'cis-benefit', date: '2031-06-15', facts: { cis_period: 'participation' } };

  it('answers decisions from both processes, each receipt readable through the other', async () => {
    const processes = await connectionPerProcess();
    expect([...processes.keys()].sort()).toEqual([1, 2]);
    const [a, b] = [...processes.values()] as [Agent, Agent];
    const fromA = await send(a, 'POST', '/api/v1/decisions', tokens.celina, person);
    const fromB = await send(b, 'POST', '/api/v1/decisions', tokens.celina, person);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect((await send(b, 'GET', `/api/v1/decisions/${fromA.body.receipt.id}`, tokens.celina)).status).toBe(200);
    expect((await send(a, 'GET', `/api/v1/decisions/${fromB.body.receipt.id}`, tokens.celina)).status).toBe(200);
    for (const agent of processes.values()) agent.destroy();
  });

  it('publishes a change set through one process, and the other answers by it at once', async () => {
    const processes = await connectionPerProcess();
    const [a, b] = [...processes.values()] as [Agent, Agent];
    const before = await send(b, 'POST', '/api/v1/decisions', tokens.celina, person);
    const opened = await send(a, 'POST', '/api/v1/drafts', tokens.ewa, { parameters: 'zasilek', title: 'Zasiłek od 2031 r.' });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    // After the 2026 row of the first-90-days amount, whatever else that row carries (its publication day…).
    const yaml = (opened.body.files[0].yaml as string).replace(
      /^ {6}- \{ from: 2026-06-01, value: 1783\.90,.*\n/m,
      (row) => `${row}      - { from: 2031-06-01, value: 1900.00, basis: "URP art. 224", confidence: secondary }\n`,
    );
    expect(yaml).not.toBe(opened.body.files[0].yaml);
    const path = encodeURIComponent('parameters/zasilek.yaml');
    const saved = await send(
      b,
      'PUT',
      `/api/v1/drafts/${id}/files/${path}`,
      tokens.ewa,
      { yaml },
      { 'if-match': opened.etag ?? '' },
    );
    expect(saved.status).toBe(200);
    const shown = await send(
      a,
      'POST',
      `/api/v1/drafts/${id}/cases`,
      tokens.ewa,
      {
        case: {
          name: 'Od czerwca 2031 r. świadczenie liczone od zasiłku 1900,00 zł',
          ...person,
          expect: { outcome: 'payable', amounts: { benefit: 2280 } },
        },
      },
      { 'if-match': saved.etag ?? '' },
    );
    expect(shown.status).toBe(200);
    const submitted = await send(a, 'POST', `/api/v1/drafts/${id}/submit`, tokens.ewa, {});
    expect(submitted.status).toBe(200);
    const published = await send(b, 'POST', `/api/v1/drafts/${id}/publish`, tokens.renata, {});
    expect(published.status).toBe(200);
    const afterA = await send(a, 'POST', '/api/v1/decisions', tokens.celina, person);
    const afterB = await send(b, 'POST', '/api/v1/decisions', tokens.celina, person);
    expect(afterA.body.amounts).toEqual(afterB.body.amounts);
    expect(before.body.amounts.benefit).toBe(2140.68);
    expect(afterB.body.amounts.benefit).toBe(2280);
    for (const agent of processes.values()) agent.destroy();
  });

  it('keeps one audit chain while both processes append to it at once', async () => {
    const processes = [...(await connectionPerProcess()).values()];
    const [a] = processes as [Agent];
    const receipt = (await send(a, 'POST', '/api/v1/decisions', tokens.celina, person)).body.receipt.id as string;
    // Each of these reads before it appends (an admin's read of another's receipt, a revocation), the case where a
    // process could read a head of the chain that another process is replacing.
    const changes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const via = processes[i % 2] as Agent;
        return i % 4 < 2
          ? send(via, 'GET', `/api/v1/decisions/${receipt}`, tokens.adam)
          : send(via, 'DELETE', `/api/v1/tokens/${systemTokens[Math.floor(i / 4) * 2 + (i % 2)]}`, tokens.adam);
      }),
    );
    expect(changes.map((c) => c.status)).toEqual(Array(40).fill(200));
    for (const agent of processes) agent.destroy();
    const store = await openStore(parseEnv(settings));
    const chain = await verifyAudit(store.db);
    const count = async (action: string) =>
      (await queryOne<{ n: number }>(store.db, 'SELECT count(*) AS n FROM audit_log WHERE action = ?', [action])) as {
        n: number;
      };
    const reads = await count('decision.read');
    const revokes = await count('token.revoke');
    await store.close();
    expect(chain).toMatchObject({ ok: true });
    expect([reads.n, revokes.n]).toEqual([20, 20]);
  });
});
