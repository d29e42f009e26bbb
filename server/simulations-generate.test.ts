import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caseload, caseloadOf, generateCaseload, weightedLine } from '../src/population/caseloads/index.ts';
import { generatePopulation, populationAssumptions, toJsonLines } from '../src/population/generate/index.ts';
import { parseEnv } from './env.ts';
import { MAX_GENERATED_PERSONS } from './routes/simulations.ts';
import { type RunningServer, startServer } from './start.ts';
import { createToken } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-sim-gen-'));
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: join(dir, 'reintegra.db'),
  PORT: '0',
  ADMIN_PASSWORD: 'a-long-admin-password',
  LOG_REQUESTS: 'false',
  BODY_LIMIT_BYTES: '300000',
});
let server: RunningServer;
let analyst = '';

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever the server answered.
  body: any;
}

async function api(method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Asks for a run again as soon as each answer comes, until it is no longer running (or a minute has passed, which
 * the caller's check of the status then reports); every answer seen on the way is kept.
 */
async function finish(id: string): Promise<Reply[]> {
  const seen: Reply[] = [];
  // Asks again as soon as an answer comes, until the run ends (its worker thread may still be starting).
  for (const until = Date.now() + 60_000; Date.now() < until; ) {
    const run = await api('GET', `/api/v1/simulations/${id}`);
    seen.push(run);
    if (run.body.status !== 'running') return seen;
  }
  return seen;
}

const start = (generate: { size: number; seed: number; weighted?: boolean }, extra: Record<string, unknown> = {}) =>
  api('POST', '/api/v1/simulations', {
    question: 'cis-benefit',
    date: '2025-10-15',
    proposal: 'flexible-absence',
    population: { generate },
    by: ['cis_period'],
    ...extra,
  });

/** The sha256 of the population as `reintegra population --format jsonl` writes it. */
function fileHash(size: number, seed: number, date: string): string {
  const hash = createHash('sha256');
  for (const line of toJsonLines(generatePopulation({ size, seed, date }))) hash.update(`${line}\n`);
  return `sha256:${hash.digest('hex')}`;
}

beforeAll(async () => {
  server = await startServer(env, () => {});
  analyst = await createToken(server.db, { name: 'analyst-system', role: 'analyst' });
});
afterAll(async () => server?.close());

describe('simulations over a generated population', { timeout: 120_000 }, () => {
  it('draws the persons for the date, and keeps their hash and assumptions with the result', async () => {
    const started = await start({ size: 3000, seed: 7, weighted: false });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', population_hash: null });
    const seen = await finish(started.body.id);
    const run = seen.at(-1) as Reply;
    expect(run.body.status).toBe('done');
    const hash = fileHash(3000, 7, '2025-10-15');
    expect(run.body.population_hash).toBe(hash);
    expect(run.body.processed).toBe(3000);
    const result = run.body.result;
    expect(result).toMatchObject({ persons: 3000, errors: { count: 0 } });
    expect(result.population).toEqual({
      source: 'generated',
      size: 3000,
      seed: 7,
      date: '2025-10-15',
      weighted_to: null,
      format: 'jsonl',
      hash,
      command: 'reintegra population --size 3000 --seed 7 --date 2025-10-15 --format jsonl --out population.jsonl',
      assumptions: populationAssumptions({ size: 3000, seed: 7, date: '2025-10-15' }),
    });
    // The proposal turns some months lost for absence into paid ones, at a cost.
    expect(result.transitions['not_payable → payable']).toBeGreaterThan(0);
    expect(result.money.benefit.gainers).toBeGreaterThan(0);
    expect(result.yearly_cost_difference.benefit).toBeCloseTo(result.money.benefit.total_delta * 12, 2);
    expect(Object.keys(result.breakdowns.cis_period).sort()).toEqual(['participation', 'trial']);
    // Open-ended bins come back as null (JSON has no Infinity).
    expect(result.money.benefit.histogram[0].from).toBeNull();
    expect(result.money.benefit.histogram.at(-1).to).toBeNull();
  });

  it('weights the rows to the national caseload, by region, over a budget window, reproducible with --question', async () => {
    const started = await start(
      { size: 2000, seed: 5 },
      { date: '2026-07-15', window: { from: 2026, to: 2030, rate_percent: 3 } },
    );
    expect(started.status).toBe(202);
    const run = ((await finish(started.body.id)).at(-1) as Reply).body;
    expect(run.status).toBe('done');
    const hash = createHash('sha256');
    for (const p of generateCaseload({ size: 2000, seed: 5, date: '2026-07-15' }, caseloadOf('cis-benefit') as Caseload))
      hash.update(`${weightedLine(p)}\n`);
    expect(run.population_hash).toBe(`sha256:${hash.digest('hex')}`);
    const r = run.result;
    expect(r.population).toMatchObject({
      weighted_to: 'cis-benefit',
      command:
        'reintegra population --size 2000 --seed 5 --date 2026-07-15 --question cis-benefit --format jsonl --out population.jsonl',
    });
    const national = r.calibration.find((c: { target: string }) => c.target === 'national');
    expect(Math.abs(national.difference_percent)).toBeLessThan(1);
    expect(r.regions).toHaveLength(16);
    expect(r.budget_window.rows.map((x: { year: number }) => x.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(r.budget_window.rows[1].weighted_baseline_cost / r.budget_window.rows[0].weighted_baseline_cost).toBeCloseTo(1.03, 6);
  });

  it('refuses a window that ends before it starts or spans more than 10 years, naming the field', async () => {
    for (const window of [
      { from: 2030, to: 2026 },
      { from: 2026, to: 2040 },
    ]) {
      const r = await start({ size: 10, seed: 1 }, { window });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain('window.to');
    }
  });

  it('gives the same population and the same result for the same seed, and another for another seed', async () => {
    const runs = [];
    for (const seed of [11, 11, 12])
      runs.push(((await finish((await start({ size: 1000, seed })).body.id)).at(-1) as Reply).body);
    const [a, b, c] = runs;
    expect(a.population_hash).toBe(b.population_hash);
    expect(a.result.transitions).toEqual(b.result.transitions);
    expect(a.result.money).toEqual(b.result.money);
    expect(c.population_hash).not.toBe(a.population_hash);
  });

  it('reports progress while it runs, answering polls in between', async () => {
    const started = await start({ size: 40_000, seed: 3 }, { by: [] });
    const seen = await finish(started.body.id);
    const partial = seen.filter((r) => r.body.status === 'running' && r.body.processed > 0 && r.body.processed < 40_000);
    expect(partial.length).toBeGreaterThan(0);
    expect((seen.at(-1) as Reply).body).toMatchObject({ status: 'done', processed: 40_000 });
  });

  it('refuses a size over the cap, a bad seed, and a population given both ways', async () => {
    const over = await start({ size: MAX_GENERATED_PERSONS + 1, seed: 1 });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await start({ size: 10, seed: -1 })).status).toBe(400);
    expect((await start({ size: 0, seed: 1 })).status).toBe(400);
    const both = await api('POST', '/api/v1/simulations', {
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      population: { format: 'csv', content: 'cis_period\ntrial\n', generate: { size: 10, seed: 1 } },
    });
    expect(both.status).toBe(400);
  });

  it('tells the UI its limits, and still takes an uploaded population with its hash at once', async () => {
    const limits = await api('GET', '/api/v1/simulations/limits');
    expect(limits.body).toEqual({
      body_limit_bytes: 300_000,
      max_generated_persons: MAX_GENERATED_PERSONS,
      max_by: 5,
      upload_limit_bytes: 1024 * 1024 * 1024,
    });
    const content = 'cis_period,unexcused_absence_days\nparticipation,5\ntrial,0\n';
    const started = await api('POST', '/api/v1/simulations', {
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      population: { format: 'csv', content },
    });
    const hash = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    expect(started.body.population_hash).toBe(hash);
    const run = ((await finish(started.body.id)).at(-1) as Reply).body;
    expect(run.result.population).toEqual({ source: 'upload', format: 'csv', bytes: content.length, hash });
    expect(run.processed).toBe(2);
  });
});
