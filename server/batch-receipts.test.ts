// A large batch is answered through the compiled functions on a worker (issue 13): its receipts must hold exactly what
// the receipts of the same requests asked one at a time hold (json-rules-engine on the request's thread).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRulesDirOrThrow } from '../src/adapters/fs/read-rules.ts';
import { addDays } from '../src/dates/iso-date.ts';
import { queryOne } from './db/raw.ts';
import { createToken } from './store/people.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let analyst: Auth;

beforeAll(async () => {
  t = await testServer('batch-receipts', { WORKER_THREADS: '1', BATCH_INLINE_MAX: '10' });
  analyst = { token: await createToken(t.server.db, { name: 'ana', role: 'analyst' }) };
}, 60_000);
afterAll(() => t?.close());

interface Ask {
  question: string;
  date: string;
  facts: Record<string, unknown>;
  version?: string;
  case_ref?: string;
}

/** Every shared case's facts, on its own day and on days across every version's start (the day before and the day). */
function requests(): Ask[] {
  const dir = new URL('../test/shared-cases/', import.meta.url);
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parse(readFileSync(new URL(f, dir), 'utf8')) as { question: string; date: string; facts?: object }[]);
  const library = loadRulesDirOrThrow();
  const asks: Ask[] = [];
  for (const [n, c] of cases.entries()) {
    const edges = library.versions(c.question).flatMap((v) => [addDays(v.validFrom, -1), v.validFrom]);
    for (const date of new Set([String(c.date), '2003-06-01', '2016-02-29', ...edges])) {
      asks.push({ question: c.question, date, facts: { ...c.facts }, ...(n % 5 === 0 ? { case_ref: `ZS.${n}.2025` } : {}) });
    }
    // Facts left out: an undetermined answer naming what is missing.
    asks.push({ question: c.question, date: String(c.date), facts: {} });
    const proposals = library.questions().find((q) => q.id === c.question)?.proposals ?? [];
    for (const version of proposals) asks.push({ question: c.question, date: String(c.date), facts: { ...c.facts }, version });
  }
  return asks;
}

/** A receipt's stored columns that say what was asked and answered (not its id, time or batch job). */
const CONTENT = `question, date, facts, answer, outcome, ruleset_version, ruleset_hash, engine_version, asked_by, case_ref_hmac`;

describe("a large batch's receipts", () => {
  it('hold what single decisions store for the same requests: answer, reasons, texts, caveats, version and hash', async () => {
    const asks = requests();
    expect(new Set(asks.map((a) => a.question)).size).toBe(loadRulesDirOrThrow().questionIds().length);
    const before = t.server.jobs.pool.completed;
    const batch = await t.api('POST', '/api/v1/decisions/batch', { auth: analyst, body: { requests: asks } });
    expect(batch.status).toBe(200);
    expect(t.server.jobs.pool.completed).toBe(before + 1);
    const batchIds: string[] = batch.body.answers.map((a: { receipt?: { id: string }; error?: unknown }) => {
      expect(a.error).toBeUndefined();
      return a.receipt?.id;
    });
    const singleIds: string[] = [];
    for (const ask of asks) {
      const r = await t.api('POST', '/api/v1/decisions', { auth: analyst, body: ask });
      expect(r.status, JSON.stringify(ask)).toBe(200);
      singleIds.push(r.body.receipt.id);
    }
    const row = (id: string | undefined) =>
      queryOne<Record<string, unknown>>(t.server.db, `SELECT ${CONTENT} FROM decisions WHERE id = ?`, [id ?? null]);
    const outcomes = new Set<string>();
    for (const [i, ask] of asks.entries()) {
      const fromBatch = (await row(batchIds[i])) as Record<string, unknown>;
      const single = (await row(singleIds[i])) as Record<string, unknown>;
      expect(fromBatch, JSON.stringify(ask)).toEqual(single);
      expect(single.asked_by).toBeTruthy();
      outcomes.add(String(single.outcome));
    }
    // The spread reaches answers of every kind, not one path only.
    expect([...outcomes]).toEqual(expect.arrayContaining(['not_in_force', 'undetermined', 'eligible', 'payable']));
  }, 300_000);
});
