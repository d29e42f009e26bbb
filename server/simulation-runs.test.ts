// Issue 17 item 5: every run is kept, listed to its owner, exported as CSV and XLSX, and read back after a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from './store/people.ts';
import { databaseEnv } from './testing/database-env.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let t: TestServer;
let anita: Auth;
let adam: Auth;
let admin: Auth;
let child: ChildProcess | undefined;
const ids: string[] = [];

// biome-ignore lint/suspicious/noExplicitAny: the first amount of a stored result, whatever it is called.
const first = (record: Record<string, any>) => Object.values(record)[0];

/** Asks again as soon as each answer comes, until the run has ended. */
async function finished(id: string, auth: Auth) {
  for (;;) {
    const r = await t.api('GET', `/api/v1/simulations/${id}`, { auth });
    if (r.status !== 200 || r.body.status !== 'running') return r;
  }
}

async function run(seed: number, auth: Auth) {
  const started = await t.api('POST', '/api/v1/simulations', {
    auth,
    body: {
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      population: { generate: { size: 1500, seed } },
      by: ['cis_period'],
    },
  });
  expect(started.status).toBe(202);
  const done = await finished(started.body.id, auth);
  expect(done.body.status).toBe('done');
  return done.body;
}

const download = async (path: string, auth: Auth) => {
  const headers: Record<string, string> = 'token' in auth ? { authorization: `Bearer ${auth.token}` } : {};
  const res = await fetch(`${t.server.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
};

beforeAll(async () => {
  t = await testServer('runs');
  anita = { token: await createToken(t.server.db, { name: 'anita', role: 'analyst' }) };
  adam = { token: await createToken(t.server.db, { name: 'adam', role: 'analyst' }) };
  admin = { token: await createToken(t.server.db, { name: 'ops', role: 'admin' }) };
  for (const seed of [1, 2, 3]) ids.push((await run(seed, anita)).id);
}, 180_000);
afterAll(async () => {
  if (child) child.kill('SIGTERM');
  else await t?.close();
});

describe('runs kept and shared', { timeout: 120_000 }, () => {
  it('keeps each run with its inputs, versions’ hashes, population hash and result', async () => {
    const r = (await t.api('GET', `/api/v1/simulations/${ids[0]}`, { auth: anita })).body;
    expect(r.inputs).toEqual({
      proposal_draft: null,
      population: { generate: { size: 1500, seed: 1, weighted: true } },
      by: ['cis_period'],
      months_per_year: 12,
    });
    expect(r.baseline.hash).toMatch(/\S{16}/);
    expect(r.proposal.hash).toMatch(/\S{16}/);
    expect(r.population_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.result.persons).toBe(1500);
  });

  it('lists the caller’s own runs newest first, a page at a time; an admin sees every run', async () => {
    const first = await t.api('GET', '/api/v1/simulations?limit=2', { auth: anita });
    expect(first.status).toBe(200);
    expect(first.body.runs.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.runs[0].persons).toBe(1500);
    const second = await t.api('GET', `/api/v1/simulations?limit=2&before=${encodeURIComponent(first.body.next)}`, {
      auth: anita,
    });
    expect(second.body.runs.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect(second.body.next).toBeNull();
    expect((await t.api('GET', '/api/v1/simulations', { auth: adam })).body.runs).toEqual([]);
    expect((await t.api('GET', '/api/v1/simulations', { auth: admin })).body.runs).toHaveLength(3);
  });

  it('answers another analyst 404 for a run, its export and its cancel', async () => {
    expect((await t.api('GET', `/api/v1/simulations/${ids[0]}`, { auth: adam })).status).toBe(404);
    expect((await download(`/api/v1/simulations/${ids[0]}/export?format=csv`, adam)).status).toBe(404);
    expect((await t.api('DELETE', `/api/v1/simulations/${ids[0]}`, { auth: adam })).status).toBe(404);
  });

  it('reports the job queue with the caller’s limit', async () => {
    const q = await t.api('GET', '/api/v1/simulations/queue', { auth: anita });
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ yours: 0, limit_per_user: expect.any(Number), limit_total: expect.any(Number) });
  });

  it('exports CSV as Polish Excel reads it: BOM, `;`, a decimal comma; or `,` and a point when asked', async () => {
    const run = (await t.api('GET', `/api/v1/simulations/${ids[0]}`, { auth: anita })).body;
    const csv = await download(`/api/v1/simulations/${ids[0]}/export?format=csv&lang=pl`, anita);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8').slice(1);
    const rows = parse(text, { delimiter: ';', relax_column_count: true, skip_empty_lines: true }) as string[][];
    const header = rows.find((r) => r[0] === 'Tabela' && r.includes('Zmiana miesięczna (zł)')) as string[];
    const money = rows.find((r) => r[0] === 'Kwoty: zmiana miesięczna i roczna') as string[];
    const cell = (name: string) => money[header.indexOf(name)];
    const delta = first(run.result.money).total_delta as number;
    expect(cell('Zmiana miesięczna (zł)')).toBe(delta.toFixed(2).replace('.', ','));
    expect(cell('Zmiana roczna (zł)')).toBe((first(run.result.yearly_cost_difference) as number).toFixed(2).replace('.', ','));
    expect(rows.some((r) => r[0] === 'Założenia i źródła' && r[1] === 'proposal_hash' && r[4] === run.proposal.hash)).toBe(true);

    const intl = await download(`/api/v1/simulations/${ids[0]}/export?format=csv&lang=en&csv=international`, anita);
    const en = parse(intl.bytes.toString('utf8').slice(1), {
      delimiter: ',',
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    const enHeader = en.find((r) => r[0] === 'Table' && r.includes('Monthly change (PLN)')) as string[];
    const enMoney = en.find((r) => r[0] === 'Amounts: monthly and yearly change') as string[];
    expect(enMoney[enHeader.indexOf('Monthly change (PLN)')]).toBe(delta.toFixed(2));
  });

  it('exports XLSX with the assumptions and sources on their own sheet and a sheet per table, numbers as numbers', async () => {
    const run = (await t.api('GET', `/api/v1/simulations/${ids[0]}`, { auth: anita })).body;
    const file = await download(`/api/v1/simulations/${ids[0]}/export?format=xlsx&lang=pl`, anita);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Założenia i źródła');
    expect(names).toEqual(expect.arrayContaining(['Macierz zmian rozstrzygnięć', 'Rozkład zmian kwot', 'Podział według faktów']));
    const assumptions = book.worksheets[0] as ExcelJS.Worksheet;
    const values = assumptions.getSheetValues().flat().map(String);
    expect(values).toContain(run.population_hash);
    expect(values).toContain(run.baseline.hash);
    const money = book.worksheets.find((w) => w.name.startsWith('Kwoty')) as ExcelJS.Worksheet;
    const head = (money.getRow(1).values as unknown[]).map(String);
    const col = head.indexOf('Zmiana miesięczna (zł)');
    expect(money.getRow(2).getCell(col).value).toBe(first(run.result.money).total_delta);
    const matrix = book.worksheets.find((w) => w.name === 'Macierz zmian rozstrzygnięć') as ExcelJS.Worksheet;
    const persons = matrix.getColumn(5).values.slice(2) as number[];
    expect(persons.reduce((a, b) => a + b, 0)).toBe(1500);
  });

  it('reads a run back by id after the real server process restarts on the same database', async () => {
    const before = (await t.api('GET', `/api/v1/simulations/${ids[1]}`, { auth: anita })).body;
    await t.server.close();
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...databaseEnv(t.env),
        ADMIN_PASSWORD: 'a-long-admin-password',
        LOG_REQUESTS: 'false',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let url = '';
    for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
      const m = /"msg":"listening","url":"([^"]+)"/.exec(line);
      if (m) {
        url = m[1] as string;
        break;
      }
    }
    expect(url).toMatch(/^http:/);
    const res = await fetch(`${url}/api/v1/simulations/${ids[1]}`, {
      headers: { authorization: `Bearer ${(anita as { token: string }).token}` },
    });
    expect(res.status).toBe(200);
    const after = (await res.json()) as { result: unknown; population_hash: string };
    expect(after.result).toEqual(before.result);
    expect(after.population_hash).toBe(before.population_hash);
    const other = await fetch(`${url}/api/v1/simulations/${ids[1]}`, {
      headers: { authorization: `Bearer ${(adam as { token: string }).token}` },
    });
    expect(other.status).toBe(404);
  });
});
