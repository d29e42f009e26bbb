// `npm run bench -- --http`: what the full server costs over its engine, on 127.0.0.1 in one run. Two real servers in
// child processes: a bare Hono route over the same json-rules-engine evaluator (no storage, auth or logging), and the
// full server (token auth, request log, a receipt per decision in a real SQLite file under synchronous=FULL).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from '../../server/env.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createToken } from '../../server/store/people.ts';
import { startPgCluster } from '../../server/testing/pg-cluster.ts';
import { Client, closedLoop, type RunStats, stats } from '../load/client.ts';
import { type ServerProcess, startServerProcess } from '../load/server-process.ts';

const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 10_000);
const WARM_MS = 2_000;
const CONNECTIONS = [10, 50] as const;
const GOALS = { ratio: 0.8, p99_10_ms: 30 };

/** The same persons as `npm run load` asks about: three questions, four dates. */
const PEOPLE = [
  {
    question: 'pai-referral',
    date: '2014-09-15',
    facts: { registered_unemployed: true, help_profile: 'III', receives_social_assistance: true, social_contract: 'active' },
  },
  {
    question: 'cis-benefit',
    date: '2025-10-15',
    facts: { cis_period: 'participation', unexcused_absence_days: 1, sick_days: 3 },
  },
  { question: 'unemployment-benefit', date: '2024-08-01', facts: { qualifying_years: 7 } },
  {
    question: 'pai-referral',
    date: '2021-03-01',
    facts: { registered_unemployed: true, receives_social_assistance: true, pai_months_completed: 2 },
  },
];

export interface HttpBench {
  phase_s: number;
  load_average: number[];
  bare: Record<string, Phase>;
  full: Record<string, Phase>;
  /** Full ÷ bare decisions a second. */
  ratio: Record<string, number>;
  /** Bare ÷ full processor time a decision: the throughput ratio the machine would give with its processors free. */
  cpu_ratio: Record<string, number>;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const row = (name: string, s: Phase) =>
  say(
    `  ${name.padEnd(22)} ${String(s.per_s).padStart(6)} decisions/s  p50 ${s.p50_ms} ms  p99 ${s.p99_ms} ms  max ${s.max_ms} ms  ${s.cpu_us} µs of processor a decision  (${s.ok}/${s.requests} ok)`,
  );

/** A phase's figures, and the processor time the server spent per decision (all its threads), in microseconds. */
export type Phase = RunStats & { cpu_us: number };

/** Processor time (user + system) a process and its living children (WORKERS) have used, in microseconds (Linux /proc). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; in clock ticks of 10 ms.
  let us = (Number(fields[11]) + Number(fields[12])) * 10_000;
  for (const task of readdirSync(`/proc/${pid}/task`))
    for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean))
      us += cpuMicros(Number(child));
  return us;
}

/**
 * Decisions a second at `connections`, after a warm-up, against one server; with the processor time it spent a
 * decision, which on a machine shared with other work says more than the rate does.
 */
async function measure(server: ServerProcess, path: string, token: string, connections: number): Promise<Phase> {
  const client = new Client(server.url, connections);
  const send = (i: number) => client.send('POST', path, token, PEOPLE[i % PEOPLE.length]);
  await closedLoop(connections, WARM_MS, send);
  const pid = server.child.pid as number;
  const cpu = cpuMicros(pid);
  const run = await closedLoop(connections, PHASE_MS, send);
  const used = cpuMicros(pid) - cpu;
  client.close();
  const s = stats(run.times, run.seconds);
  return { ...s, cpu_us: Math.round(used / Math.max(1, s.ok)) };
}

/** Runs both servers, one phase per server and connection count, interleaved so that the machine's load hits both alike. */
export async function benchHttp(options: { workers?: number; cpuProf?: string; pg?: boolean } = {}): Promise<HttpBench> {
  const dir = mkdtempSync(join(tmpdir(), 'ri-bench-http-'));
  // With --pg the full server keeps its receipts in a throw-away PostgreSQL on loopback (fsync on, as deployed)
  // instead of the SQLite file.
  const cluster = options.pg ? await startPgCluster({ durable: true }) : undefined;
  const settings: Record<string, string> = {
    ...(cluster ? { DATABASE_URL: await cluster.createDatabase(), REINTEGRA_SECRET: randomBytes(32).toString('base64url') } : {}),
    DATABASE_PATH: join(dir, 'data', 'reintegra.db'),
    ADMIN_PASSWORD: 'a-long-bench-password',
    LOG_REQUESTS: 'true',
    DB_SYNCHRONOUS: 'FULL',
    ...(options.workers ? { WORKERS: String(options.workers) } : {}),
  };
  const store = await openStore(parseEnv(settings));
  const token = await createToken(store.db, { name: 'bench', role: 'caseworker' });
  await store.close();
  const prof = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] : [];
  const bare = await startServerProcess({}, 'scripts/bench/bare-server.ts', prof);
  const full = await startServerProcess(settings, 'server/main.ts', prof);
  const result: HttpBench = {
    phase_s: PHASE_MS / 1000,
    load_average: loadavg().map((l) => Number(l.toFixed(2))),
    bare: {},
    full: {},
    ratio: {},
    cpu_ratio: {},
  };
  say(
    `HTTP on 127.0.0.1, ${PHASE_MS / 1000} s a phase, the full server on ${cluster ? 'PostgreSQL' : 'SQLite'}; load average before: ${result.load_average.join(', ')}`,
  );
  try {
    for (const connections of CONNECTIONS) {
      const b = await measure(bare, '/decide', '', connections);
      const f = await measure(full, '/api/v1/decisions', token, connections);
      result.bare[connections] = b;
      result.full[connections] = f;
      result.ratio[connections] = Number((f.per_s / b.per_s).toFixed(2));
      result.cpu_ratio[connections] = Number((b.cpu_us / f.cpu_us).toFixed(2));
      say(`${connections} connections:`);
      row('bare Hono route', b);
      row(`full server${options.workers ? ` ×${options.workers}` : ''}`, f);
      say(
        `  full ÷ bare = ${result.ratio[connections]} (goal ≥ ${GOALS.ratio}); by processor time a decision ${result.cpu_ratio[connections]}`,
      );
    }
  } finally {
    await bare.stop();
    await full.stop();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const p99 = result.full[10]?.p99_ms ?? Number.NaN;
  say(
    `against the goals: full ÷ bare ${result.ratio[10]} at 10 and ${result.ratio[50]} at 50 connections (goal ≥ ${GOALS.ratio}); full p99 at 10 connections ${p99} ms (goal < ${GOALS.p99_10_ms} ms)`,
  );
  return result;
}
