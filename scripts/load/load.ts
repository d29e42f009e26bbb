// npm run load: the server under load on 127.0.0.1, over a database of 1,000,000 receipts, bounded in time.
// Prints decisions/s and latency at 10 and 50 connections, a single decision's p99 while a 10,000-request batch and
// two 1,000,000-person simulations run, the receipts listing's p99, and the receipts lost to a kill -9 under load.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { queryOne } from '../../server/db/raw.ts';
import { parseEnv } from '../../server/env.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createToken } from '../../server/store/people.ts';
import { loadRulesDirOrThrow } from '../../src/adapters/fs/read-rules.ts';
import { Client, closedLoop, type RunStats, stats, type Timed } from './client.ts';
import { seedReceipts } from './seed.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

const RECEIPTS = Number(process.env.LOAD_RECEIPTS ?? 1_000_000);
const CASEWORKERS = 16;
const SIMULATED_PERSONS = 1_000_000;
const BATCH = 10_000;
const PHASE_MS = 10_000;
const HEAVY_MAX_MS = 420_000;
const GOALS = { single_p99_ms: 50, listing_p99_ms: 20, lost: 0 };

const say = (line: string) => process.stdout.write(`${line}\n`);
/**
 * How late this script's own timers fire while it waits on the server: on a shared machine the scheduler, not the
 * server, sets a floor under every p99, and this measures that floor in the same run.
 */
function machineNoise() {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  return () => {
    h.disable();
    return { p99_ms: Number((h.percentile(99) / 1e6).toFixed(1)), max_ms: Number((h.max / 1e6).toFixed(1)) };
  };
}

const row = (name: string, s: RunStats) =>
  say(
    `  ${name.padEnd(34)} ${String(s.per_s).padStart(6)}/s  p50 ${s.p50_ms} ms  p99 ${s.p99_ms} ms  max ${s.max_ms} ms  (${s.ok}/${s.requests} ok)`,
  );

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
const person = (i: number) => PEOPLE[i % PEOPLE.length] as (typeof PEOPLE)[number];

const dir = mkdtempSync(join(tmpdir(), 'ri-load-'));
const settings = { DATABASE_PATH: join(dir, 'data', 'reintegra.db'), ADMIN_PASSWORD: 'a-long-load-test-password' };
const started = performance.now();
const result: Record<string, unknown> = { receipts: RECEIPTS };

// Seed: tokens for the callers, then the receipts straight into SQLite.
const store = await openStore(parseEnv(settings));
const token = async (name: string, role: string) => {
  const secret = await createToken(store.db, { name, role });
  const row = await queryOne<{ id: string }>(store.db, 'SELECT id FROM api_tokens WHERE name = ?', [name]);
  if (!row) throw new Error(`the token ${name} was not stored`);
  return { secret, principal: `token:${row.id}` };
};
const caseworkers: { secret: string; principal: string }[] = [];
for (let i = 0; i < CASEWORKERS; i++) caseworkers.push(await token(`caseworker-${i}`, 'caseworker'));
const analyst = await token('analyst', 'analyst');
const batcher = await token('batcher', 'caseworker');
const single = await token('single', 'caseworker');
await store.close();
const seconds = await seedReceipts(
  settings.DATABASE_PATH,
  loadRulesDirOrThrow(),
  caseworkers.map((c) => c.principal),
  RECEIPTS,
);
say(`seeded ${RECEIPTS.toLocaleString('en')} receipts (${RECEIPTS / CASEWORKERS} per caller) in ${seconds.toFixed(1)} s`);

let server: ServerProcess = await startServerProcess(settings);
say(`server ${server.url.href} (synchronous=FULL, one worker thread on this machine)`);
const decide = (client: Client, i: number, who = caseworkers[i % CASEWORKERS]?.secret as string) =>
  client.send('POST', '/api/v1/decisions', who, person(i));

try {
  // 1. Decisions a second at 10 and 50 connections.
  say('decisions (POST /api/v1/decisions, a receipt each):');
  for (const connections of [10, 50]) {
    const client = new Client(server.url, connections);
    await closedLoop(connections, 1500, (i) => decide(client, i));
    const run = await closedLoop(connections, PHASE_MS, (i) => decide(client, i));
    const s = stats(run.times, run.seconds);
    result[`decisions_${connections}`] = s;
    row(`${connections} connections`, s);
    client.close();
  }
  {
    // The floor: what an answer that does nothing costs over the same HTTP, measured in the same run.
    const client = new Client(server.url, 10);
    const run = await closedLoop(10, 3000, () => client.send('GET', '/healthz', ''));
    const s = stats(run.times, run.seconds);
    result.healthz_10 = s;
    row('GET /healthz, 10 connections', s);
    const d = result.decisions_10 as RunStats;
    say(`  a decision costs ${(s.per_s / d.per_s).toFixed(1)} × a bare request (throughput ratio at 10 connections)`);
    client.close();
  }

  // 2. Receipts listing: the newest page and the pages after it, of a caller with 62,500 receipts.
  say('receipts listing (GET /api/v1/decisions?limit=50, following next_cursor):');
  for (const connections of [1, 10]) {
    const client = new Client(server.url, connections);
    const owner = caseworkers[0]?.secret as string;
    const cursors: (string | null)[] = Array.from({ length: connections }, () => null);
    const run = await closedLoop(connections, 5000, async (i) => {
      const slot = i % connections;
      const cursor = cursors[slot];
      const t = await client.send('GET', `/api/v1/decisions?limit=50${cursor ? `&cursor=${cursor}` : ''}`, owner);
      cursors[slot] = t.status === 200 ? ((JSON.parse(t.text) as { next_cursor: string | null }).next_cursor ?? null) : null;
      return t;
    });
    const s = stats(run.times, run.seconds);
    result[`listing_${connections}`] = s;
    row(`${connections} connection${connections > 1 ? 's' : ''}, ${RECEIPTS / CASEWORKERS} receipts`, s);
    client.close();
  }

  // The baseline of the next step: one decision at a time on the idle server.
  {
    const client = new Client(server.url, 1);
    const noise = machineNoise();
    const run = await closedLoop(1, 5000, (i) => decide(client, i, single.secret));
    const s = stats(run.times, run.seconds);
    result.single_idle = { ...s, machine_noise: noise() };
    say('a single decision on the idle server:');
    row('1 connection', s);
    say(
      `  this script's own timers fired up to ${(result.single_idle as { machine_noise: { p99_ms: number } }).machine_noise.p99_ms} ms late (p99): the machine's noise floor`,
    );
    client.close();
  }

  // 3. One decision at a time while a 10,000-request batch and two 1,000,000-person simulations run.
  {
    say(
      `a single decision while a ${BATCH.toLocaleString('en')}-request batch and two ${SIMULATED_PERSONS.toLocaleString('en')}-person simulations run:`,
    );
    const heavy = new Client(server.url, 4);
    const heavyStart = performance.now();
    const sim = () =>
      heavy.send('POST', '/api/v1/simulations', analyst.secret, {
        question: 'cis-benefit',
        date: '2025-10-15',
        proposal: 'flexible-absence',
        population: { generate: { size: SIMULATED_PERSONS, seed: 7 } },
      });
    const sims = [await sim(), await sim()];
    const ids = sims.map((s) => (JSON.parse(s.text) as { id: string }).id);
    let batchDone: Timed | undefined;
    const batch = heavy
      .send('POST', '/api/v1/decisions/batch', batcher.secret, { requests: Array.from({ length: BATCH }, (_, i) => person(i)) })
      .then((t) => {
        batchDone = t;
        return t;
      });
    const simsEnded = new Map<string, number>();
    const poll = setInterval(() => {
      for (const id of ids)
        if (!simsEnded.has(id))
          void heavy.send('GET', `/api/v1/simulations/${id}`, analyst.secret).then((t) => {
            if (t.status === 200 && (JSON.parse(t.text) as { status: string }).status !== 'running')
              simsEnded.set(id, (performance.now() - heavyStart) / 1000);
          });
    }, 500);
    const client = new Client(server.url, 1);
    const noise = machineNoise();
    const run = await closedLoop(
      1,
      HEAVY_MAX_MS,
      (i) => decide(client, i, single.secret),
      () => Boolean(batchDone) && simsEnded.size === 2,
    );
    const floor = noise();
    clearInterval(poll);
    const b = await batch;
    const s = stats(run.times, run.seconds);
    result.single_during_heavy = {
      ...s,
      machine_noise: floor,
      batch_status: b.status,
      batch_s: Number((b.ms / 1000).toFixed(1)),
      simulations_s: [...simsEnded.values()].map((v) => Number(v.toFixed(1))),
    };
    row('single decision, 1 connection', s);
    say(
      `  p99 ${(s.p99_ms / (result.single_idle as RunStats).p99_ms).toFixed(1)} × the idle server's; this script's own timers fired up to ${floor.p99_ms} ms late (p99)`,
    );
    say(
      `  batch answered ${b.status} in ${(b.ms / 1000).toFixed(1)} s; simulations ended after ${[...simsEnded.values()].map((v) => v.toFixed(1)).join(' s and ')} s${simsEnded.size < 2 ? ' (not all within the bound)' : ''}`,
    );
    client.close();
    heavy.close();
  }

  // 4. kill -9 under load at 50 connections: every receipt answered 200 must be there after the restart.
  {
    say('kill -9 under load (50 connections):');
    const client = new Client(server.url, 50);
    const acknowledged: string[] = [];
    let killed = false;
    const victim = server;
    setTimeout(() => {
      killed = true;
      void victim.kill9();
    }, 4000).unref();
    await closedLoop(
      50,
      8000,
      async (i) => {
        const t = await decide(client, i);
        if (t.status === 200) acknowledged.push((JSON.parse(t.text) as { receipt: { id: string } }).receipt.id);
        return t;
      },
      () => killed,
    );
    await victim.kill9();
    client.close();
    server = await startServerProcess(settings);
    const db = new Database(settings.DATABASE_PATH, { readonly: true });
    const has = db.prepare('SELECT 1 FROM decisions WHERE id = ?');
    const lost = acknowledged.filter((id) => !has.get(id)).length;
    db.close();
    result.kill9 = { acknowledged: acknowledged.length, lost };
    say(`  ${acknowledged.length} receipts answered 200 before the kill; after the restart ${lost} of them are missing`);
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const single_p99 = (result.single_during_heavy as RunStats).p99_ms;
const listing_p99 = (result.listing_1 as RunStats).p99_ms;
const lost = (result.kill9 as { lost: number }).lost;
say('against the goals:');
say(
  `  single decision p99 under heavy work: ${single_p99} ms (goal < ${GOALS.single_p99_ms} ms): ${(single_p99 / GOALS.single_p99_ms).toFixed(2)} × the goal`,
);
say(
  `  receipts listing p99 (one caller at a time): ${listing_p99} ms (goal < ${GOALS.listing_p99_ms} ms): ${(listing_p99 / GOALS.listing_p99_ms).toFixed(2)} × the goal; with 10 at once ${(result.listing_10 as RunStats).p99_ms} ms`,
);
say(`  receipts lost to kill -9: ${lost} (goal ${GOALS.lost})`);
say(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.stdout.write(`${JSON.stringify(result)}\n`);
