import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { auditKey, verifyAudit } from './store/audit.ts';
import { createToken } from './store/people.ts';
import { announcePublication, publishFile } from './store/rule-files.ts';
import { everyRowText, sqliteConnection, write } from './testing/raw-sql.ts';
import { TEST_DATABASE, testDatabaseSettings } from './testing/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-server-'));
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: join(dir, 'reintegra.db'),
  PORT: '0',
  ADMIN_PASSWORD: 'a-long-admin-password',
  LOG_REQUESTS: 'false',
  BODY_LIMIT_BYTES: '200000',
});
let server: RunningServer;
const tokens: Record<string, string> = {};

async function api(method: string, path: string, options: { token?: string; body?: unknown; raw?: string } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const PERSON = { registered_unemployed: true, help_profile: 'III', receives_social_assistance: true, social_contract: 'active' };

beforeAll(async () => {
  server = await startServer(env, () => {});
  for (const role of ['caseworker', 'analyst', 'editor', 'reviewer', 'admin'])
    tokens[role] = await createToken(server.db, { name: `${role}-system`, role });
});
afterAll(async () => server?.close());

describe('decisions over HTTP', () => {
  it('answers with the contract’s answer and keeps a receipt, the case reference only as a keyed hash', async () => {
    const r = await api('POST', '/api/v1/decisions', {
      token: tokens.caseworker,
      body: { question: 'pai-referral', date: '2014-09-15', facts: PERSON, case_ref: 'PUP-KR/2014/0042' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      question: 'pai-referral',
      outcome: 'eligible',
      values: { months_left: 4 },
      ruleset: { version: '2014-05-27' },
    });
    const receipt = await api('GET', `/api/v1/decisions/${r.body.receipt.id}`, { token: tokens.caseworker });
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({
      id: r.body.receipt.id,
      question: 'pai-referral',
      facts: PERSON,
      engine_version: expect.any(String),
    });
    expect(receipt.body.answer.outcome).toBe('eligible');
    expect(receipt.body.case_ref_hmac).toMatch(/^[0-9a-f]{64}$/);
    const stored = TEST_DATABASE === 'pg' ? await everyRowText(server.db) : readFileSync(env.DATABASE_PATH, 'latin1');
    expect(stored.includes('PUP-KR/2014/0042')).toBe(false);
  });

  it('answers not_eligible with 200', async () => {
    const r = await api('POST', '/api/v1/decisions', {
      token: tokens.caseworker,
      body: { question: 'pai-referral', date: '2014-09-15', facts: { ...PERSON, help_profile: 'II' } },
    });
    expect(r.status).toBe(200);
    expect(r.body.outcome).toBe('not_eligible');
  });

  it('keeps the order of a batch and answers a bad request in its own slot', async () => {
    const r = await api('POST', '/api/v1/decisions/batch', {
      token: tokens.analyst,
      body: {
        requests: [
          { question: 'unemployment-benefit', date: '2024-08-01', facts: { qualifying_years: 4 } },
          { question: 'pai-referral', date: '2019-07-10', facts: { help_profil: 'III' } },
          { question: 'unemployment-benefit', date: '2025-08-01', facts: { qualifying_years: 4 } },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.answers).toHaveLength(3);
    expect(r.body.answers[0]).toMatchObject({ amounts: { monthly_amount: 1329.6 }, values: { tier_percent: 80 } });
    expect(r.body.answers[1]).toMatchObject({
      error: { code: 'UNKNOWN_FACT', details: { index: 1, field: 'requests.1.facts.help_profil' } },
    });
    expect(r.body.answers[2]).toMatchObject({ amounts: { monthly_amount: 1721.9 }, values: { tier_percent: 100 } });
  });

  it('replays a decision under a version published later and shows what changed', async () => {
    const first = await api('POST', '/api/v1/decisions', {
      token: tokens.caseworker,
      body: {
        question: 'pai-referral',
        date: '2021-03-01',
        facts: { registered_unemployed: true, receives_social_assistance: true, pai_months_completed: 2 },
      },
    });
    expect(first.body.values.months_left).toBe(2);
    // A later version (an imagined amendment from 2021-01-01 capping PAI at 4 months) is published.
    const text = readFileSync('rules/pai-referral/2019-06-15.yaml', 'utf8')
      .replace('valid_from: 2019-06-15', 'valid_from: 2021-01-01')
      .replace('months_left: pai.total_months - months_after_edition', 'months_left: 4 - months_after_edition');
    await server.db.transaction(async (tx) => {
      await publishFile(tx, { path: 'rules/pai-referral/2021-01-01.yaml', text }, 'test-reviewer', 'publish');
      await announcePublication(tx);
    });
    const replay = await api('POST', `/api/v1/decisions/${first.body.receipt.id}/replay`, { token: tokens.caseworker });
    expect(replay.status).toBe(200);
    expect(replay.body.changed).toBe(true);
    expect(replay.body.replay.ruleset.version).toBe('2021-01-01');
    expect(replay.body.changes.map((c: { field: string }) => c.field)).toEqual(['values', 'ruleset']);
    expect(replay.body.replay.values.months_left).toBe(0);
  });
});

describe('errors, each with its code', () => {
  it('refuses bad JSON, unknown fields, unknown facts and questions, and oversized bodies', async () => {
    const bad = await api('POST', '/api/v1/decisions', { token: tokens.caseworker, raw: '{"question": ' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } });
    const unknownField = await api('POST', '/api/v1/decisions', {
      token: tokens.caseworker,
      body: { question: 'pai-referral', date: '2020-01-01', fact: {} },
    });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.body.error.details)).toContain('fact');
    const unknownFact = await api('POST', '/api/v1/decisions', {
      token: tokens.caseworker,
      body: { question: 'pai-referral', date: '2020-01-01', facts: { help_profil: 'I' } },
    });
    expect(unknownFact).toMatchObject({
      status: 400,
      body: { error: { code: 'UNKNOWN_FACT', details: { field: 'facts.help_profil' } } },
    });
    const unknownQuestion = await api('POST', '/api/v1/decisions', {
      token: tokens.caseworker,
      body: { question: 'pai-referal', date: '2020-01-01', facts: {} },
    });
    expect(unknownQuestion).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_QUESTION' } } });
    const big = await api('POST', '/api/v1/decisions', {
      token: tokens.caseworker,
      raw: JSON.stringify({ question: 'x'.repeat(300_000) }),
    });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const nowhere = await api('GET', '/api/v1/nowhere', { token: tokens.caseworker });
    expect(nowhere).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});

describe('roles', () => {
  const routes: [string, string, unknown?][] = [
    ['POST', '/api/v1/decisions', { question: 'pai-referral', date: '2020-01-01', facts: {} }],
    ['GET', '/api/v1/questions'],
    ['GET', '/api/v1/questions/pai-referral/versions'],
    ['GET', '/api/v1/audit'],
  ];
  it.each(routes)('%s %s needs a valid token (401)', async (method, path, body) => {
    expect((await api(method, path, { body })).status).toBe(401);
    expect((await api(method, path, { body, token: 'ri_not-a-token' })).status).toBe(401);
  });

  it('lets each role do what it may, and refuses the rest with 403', async () => {
    expect((await api('GET', '/api/v1/audit', { token: tokens.caseworker })).status).toBe(403);
    expect((await api('GET', '/api/v1/audit', { token: tokens.reviewer })).status).toBe(200);
    expect((await api('GET', '/api/v1/questions', { token: tokens.caseworker })).status).toBe(200);
    const one = await api('GET', '/api/v1/questions/pai-referral/versions/2014-05-27', { token: tokens.editor });
    expect(one.body).toMatchObject({ version: '2014-05-27', status: 'published', document: { question: 'pai-referral' } });
    expect(one.body.yaml).toContain('help-profile-iii');
  });
});

describe('audit, storage and restart', () => {
  it('keeps published files and the audit log append-only in the database itself', async () => {
    if (TEST_DATABASE === 'pg') {
      await expect(write(server.db, "UPDATE rule_files SET yaml = 'x' WHERE id = 1")).rejects.toThrow(/never change/);
      await expect(write(server.db, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      return;
    }
    const raw = new Database(env.DATABASE_PATH);
    expect(() => raw.prepare("UPDATE rule_files SET yaml = 'x' WHERE id = 1").run()).toThrow(/never change/);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    raw.close();
  });

  it('pages through the audit log, whose chain verifies, and fails after an entry is altered by hand', async () => {
    const page = await api('GET', '/api/v1/audit?limit=5', { token: tokens.admin });
    expect(page.body.entries).toHaveLength(5);
    expect(page.body.entries[0]).toMatchObject({ seq: 1, action: 'import', prevHash: 'sha256:genesis' });
    expect(page.body.chain.ok).toBe(true);
    const next = await api('GET', `/api/v1/audit?after=${page.body.next_after}&limit=5`, { token: tokens.admin });
    expect(next.body.entries[0].seq).toBe(6);

    if (TEST_DATABASE === 'pg') {
      // A determined tamperer with the owner's rights sets the guard aside first; the chain still tells.
      await write(server.db, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await write(server.db, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3");
      expect(await verifyAudit(server.db)).toMatchObject({ ok: false, seq: 3, code: 'CONTENT_CHANGED' });
      return;
    }
    const copy = join(dir, 'tampered.db');
    sqliteConnection(server.db).exec(`VACUUM INTO '${copy}'`);
    const raw = new Database(copy);
    // A determined tamperer drops the guard first; the chain still tells.
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3");
    const { drizzle } = await import('drizzle-orm/better-sqlite3');
    expect(await verifyAudit(drizzle(raw) as never, { key: auditKey(server.db) })).toMatchObject({
      ok: false,
      seq: 3,
      code: 'CONTENT_CHANGED',
    });
    raw.close();
    expect(await verifyAudit(server.db)).toMatchObject({ ok: true });
  });

  it('keeps data across a restart and imports nothing twice', async () => {
    const before = await api('POST', '/api/v1/decisions', {
      token: tokens.caseworker,
      body: { question: 'unemployment-benefit', date: '2024-08-01', facts: { qualifying_years: 25 } },
    });
    await server.close();
    const lines: string[] = [];
    server = await startServer(env, (l) => lines.push(l));
    expect(lines.join('\n')).toContain('"imported":0');
    const after = await api('GET', `/api/v1/decisions/${before.body.receipt.id}`, { token: tokens.caseworker });
    expect(after.status).toBe(200);
    expect(after.body.answer.amounts.monthly_amount).toBe(1994.4);
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document of the routes', async () => {
    const doc = await api('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/decisions', '/api/v1/decisions/batch', '/api/v1/decisions/{id}/replay', '/api/v1/audit']),
    );
  });
});

describe('docs and history', () => {
  it('serves readable docs at /api/docs', async () => {
    const res = await fetch(`${server.url}/api/docs`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('POST /api/v1/decisions/batch');
    expect(html).toContain('/api/openapi.json');
  });

  it('lists the caller’s own decisions, newest first, and nobody else’s', async () => {
    const mine = await api('GET', '/api/v1/decisions?limit=3', { token: tokens.caseworker });
    expect(mine.status).toBe(200);
    expect(mine.body.decisions.length).toBe(3);
    expect(new Set(mine.body.decisions.map((d: { asked_by: string }) => d.asked_by)).size).toBe(1);
    const theirs = await api('GET', '/api/v1/decisions', { token: tokens.editor });
    expect(theirs.body.decisions).toEqual([]);
  });
});

describe('every route checks its role', () => {
  const PUBLIC = new Set(['POST /api/v1/session', 'GET /api/v1/session', 'DELETE /api/v1/session']);
  /** The role that lacks each route's permission, where one does. */
  const DENIED: Record<string, string> = {
    'GET /api/v1/audit': 'caseworker',
    'GET /api/v1/drafts': 'caseworker',
    'POST /api/v1/drafts': 'analyst',
    'GET /api/v1/drafts/{id}': 'caseworker',
    'PUT /api/v1/drafts/{id}': 'reviewer',
    'POST /api/v1/drafts/{id}/validate': 'caseworker',
    'POST /api/v1/drafts/{id}/validate-text': 'caseworker',
    'POST /api/v1/drafts/{id}/test': 'analyst',
    'POST /api/v1/drafts/{id}/submit': 'reviewer',
    'POST /api/v1/drafts/{id}/publish': 'editor',
    'POST /api/v1/drafts/{id}/reject': 'editor',
    'GET /api/v1/drafts/{id}/diff': 'caseworker',
    'POST /api/v1/simulations': 'caseworker',
    'GET /api/v1/simulations/{id}': 'caseworker',
    'GET /api/v1/users': 'reviewer',
    'POST /api/v1/users': 'analyst',
    'PATCH /api/v1/users/{id}': 'editor',
  };

  it('answers 401 without credentials, and 403 to a role without the right, on every route of the OpenAPI document', async () => {
    const doc = (await api('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.length).toBeGreaterThan(18);
    for (const route of routes) {
      if (PUBLIC.has(route)) continue;
      const [method, template] = route.split(' ') as [string, string];
      const path = template
        .replace('{id}', '00000000-0000-0000-0000-000000000000')
        .replace('{question}', 'pai-referral')
        .replace('{version}', '2014-05-27');
      expect((await api(method, path, { body: method === 'GET' ? undefined : {} })).status, route).toBe(401);
      const denied = DENIED[route];
      if (denied)
        expect(
          (await api(method, path, { token: tokens[denied], body: method === 'GET' ? undefined : {} })).status,
          `${route} as ${denied}`,
        ).toBe(403);
    }
  });
});

describe('simulations over HTTP', () => {
  it('runs a proposal over a population as a job, with progress, result and the hashes to reproduce it', {
    timeout: 90_000,
  }, async () => {
    const content = readFileSync('test/fixtures/populations/cis-small.csv', 'utf8');
    const start = await api('POST', '/api/v1/simulations', {
      token: tokens.analyst,
      body: {
        question: 'cis-benefit',
        date: '2025-10-15',
        proposal: 'flexible-absence',
        population: { format: 'csv', content },
        by: ['cis_period'],
      },
    });
    expect(start.status).toBe(202);
    expect(start.body).toMatchObject({
      status: 'running',
      proposal: { version: 'flexible-absence' },
      population_hash: expect.stringMatching(/^sha256:/),
    });
    let run = start;
    // Waits for the run to end (its worker thread may be starting), asking again as soon as the answer comes.
    for (const until = Date.now() + 60_000; run.body.status === 'running' && Date.now() < until; )
      run = await api('GET', `/api/v1/simulations/${start.body.id}`, { token: tokens.analyst });
    expect(run.body.status).toBe('done');
    expect(run.body.result).toMatchObject({
      persons: 4,
      changed: 2,
      errors: { count: 1 },
      money: { benefit: { total_delta: 3047.76 } },
    });
    expect(run.body.baseline.hash).toMatch(/^sha256:/);
  });

  it('refuses caseworkers and unknown proposals', async () => {
    const body = {
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'nope',
      population: { format: 'csv', content: 'cis_period\ntrial\n' },
    };
    expect((await api('POST', '/api/v1/simulations', { token: tokens.caseworker, body })).status).toBe(403);
    expect((await api('POST', '/api/v1/simulations', { token: tokens.analyst, body })).status).toBe(404);
  });
});
