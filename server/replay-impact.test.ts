// What a change does to the past (issue 16, item 5): a change set replayed over 10,000 stored decisions on the worker
// pool, its counts, matrix and money checked exactly against a direct replay with the interpreter.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../src/money/rational.ts';
import type { Answer } from '../src/schema/answer.ts';
import { query, queryOne } from './db/raw.ts';
import { storeDecision } from './store/decisions.ts';
import { validateChangeSet } from './store/draft-checks.ts';
import { getChangeSet } from './store/drafts.ts';
import { createToken } from './store/people.ts';
import { LawCache } from './store/rule-files.ts';
import { type Auth, type Reply, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
const as: Record<string, Auth> = {};
const ids: Record<string, string> = {};
let draftId = '';

const PATIENCE_MS = 100_000;
const FROM = '2024-01-01';
const TO = '2025-12-31';

/** Polls a replay until it has ended. */
async function ended(path: string, auth: Auth): Promise<Reply> {
  for (const until = Date.now() + PATIENCE_MS; Date.now() < until; ) {
    const r = await t.api('GET', path, { auth });
    if (r.body.status !== 'running') return r;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${path} still running`);
}

/** The months of two years and the year before (outside the period): decisions are dated on the 15th. */
const days = ['2023', '2024', '2025'].flatMap((y) =>
  Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}-15`),
);

/** The i-th stored person: every kind of absence and sickness, in both periods of the programme. */
function factsOf(i: number): Record<string, unknown> {
  return {
    cis_period: i % 5 === 0 ? 'trial' : 'participation',
    unexcused_absence_days: i % 7,
    sick_days: (i * 7) % 31 === 0 ? 0 : (i * 3) % 26,
    ...(i % 11 === 0 ? { days_in_programme: 10 + (i % 15) } : {}),
  };
}

beforeAll(async () => {
  t = await testServer('replay-impact', { WORKER_THREADS: '1', JOBS_PER_USER: '2', JOBS_TOTAL: '4' });
  const db = t.server.db;
  for (const [name, role] of [
    ['ed', 'editor'],
    ['rev', 'reviewer'],
    ['cw', 'caseworker'],
    ['ana', 'analyst'],
    ['adm', 'admin'],
  ] as const) {
    as[name] = { token: await createToken(db, { name, role }) };
    const token = (await queryOne<{ id: string }>(db, 'SELECT id FROM api_tokens WHERE name = ?', [name])) as { id: string };
    ids[name] = `token:${token.id}`;
  }
  const yaml = readFileSync(new URL('../rules/cis-benefit/proposals/flexible-absence.yaml', import.meta.url), 'utf8');
  const draft = await t.api('POST', '/api/v1/drafts', {
    auth: as.ed,
    body: { proposal: true, title: 'Absence cut per day', files: [{ path: 'rules/cis-benefit/proposals/x.yaml', yaml }] },
  });
  expect(draft.status).toBe(201);
  draftId = draft.body.id;

  // 10,000 decisions of cis-benefit, answered by the published law, stored through the store in one transaction;
  // a few outside the period, of another question, and one answered by a proposal (left out of the replay).
  const law = await new LawCache(db).get();
  const answers = new Map<string, Answer>();
  const answer = async (question: string, date: string, facts: Record<string, unknown>, version?: string) => {
    const k = JSON.stringify([question, date, facts, version]);
    let a = answers.get(k);
    if (!a) {
      a = await law.decide({ question, date, facts, ...(version ? { version } : {}) });
      answers.set(k, a);
    }
    return a;
  };
  const rows: { facts: Record<string, unknown>; answer: Answer; askedBy: string }[] = [];
  for (let i = 0; i < 10_000; i++) {
    // 140 kinds of person on each of 36 days: answers are worked once per (day, person).
    const facts = factsOf(Math.floor(i / days.length) % 140);
    rows.push({
      facts,
      answer: await answer('cis-benefit', days[i % days.length] as string, facts),
      askedBy: i % 3 ? (ids.cw as string) : (ids.ed as string),
    });
  }
  rows.push({ facts: {}, answer: await answer('cis-admission', '2025-03-15', {}), askedBy: ids.cw as string });
  const proposalFacts = { cis_period: 'participation', unexcused_absence_days: 5 };
  rows.push({
    facts: proposalFacts,
    answer: await answer('cis-benefit', '2025-03-15', proposalFacts, 'flexible-absence'),
    askedBy: ids.cw as string,
  });
  await db.transaction(async (tx) => {
    for (const r of rows) await storeDecision(tx, r);
  });
}, 150_000);
afterAll(() => t?.close());

describe('POST /api/v1/drafts/{id}/replay-impact', { timeout: 200_000 }, () => {
  it('replays every decision of the period under the change set on the pool, exactly as a direct replay finds', async () => {
    const db = t.server.db;
    // The direct replay: every stored decision in scope, answered again by the interpreter under the changed law.
    const cs = await getChangeSet(db, draftId);
    const changed = cs && (await validateChangeSet(db, cs, await new LawCache(db).get())).library;
    if (!changed) throw new Error('the change set does not validate');
    const stored = await query<{ id: string; date: string; facts: string; answer: string }>(
      db,
      `SELECT id, date, facts, answer FROM decisions WHERE question = 'cis-benefit' AND date BETWEEN ? AND ?`,
      [FROM, TO],
    );
    const cache = new Map<string, Answer>();
    const expected = {
      replayed: 0,
      changed: 0,
      skipped: 0,
      matrix: new Map<string, number>(),
      gained: Rational.of(0n),
      lost: Rational.of(0n),
      gc: 0,
      lc: 0,
    };
    for (const r of stored) {
      const before = JSON.parse(r.answer) as Answer;
      if (before.ruleset.kind === 'proposal') {
        expected.skipped++;
        continue;
      }
      const k = r.date + r.facts;
      let after = cache.get(k);
      if (!after) {
        after = await changed.decide({ question: 'cis-benefit', date: r.date, facts: JSON.parse(r.facts), version: draftId });
        cache.set(k, after);
      }
      expected.replayed++;
      const cell = `${before.outcome}→${after.outcome}`;
      expected.matrix.set(cell, (expected.matrix.get(cell) ?? 0) + 1);
      const delta = Rational.fromNumber(after.amounts.benefit ?? 0).sub(Rational.fromNumber(before.amounts.benefit ?? 0));
      const sign = delta.cmp(Rational.of(0n));
      if (sign !== 0 || before.outcome !== after.outcome) expected.changed++;
      if (sign > 0) {
        expected.gained = expected.gained.add(delta);
        expected.gc++;
      } else if (sign < 0) {
        expected.lost = expected.lost.sub(delta);
        expected.lc++;
      }
    }
    // Days 12..35 of each cycle of 36 are in the period: 277 whole cycles of 24, and 16 of the last 28.
    expect(expected.replayed).toBe(277 * 24 + 16);
    expect(expected.changed).toBeGreaterThan(0);
    expect(expected.changed).toBeLessThan(expected.replayed);

    const started = await t.api('POST', `/api/v1/drafts/${draftId}/replay-impact`, { auth: as.ed, body: { from: FROM, to: TO } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', questions: ['cis-benefit'], total: expected.replayed });
    const path = `/api/v1/drafts/${draftId}/replay-impact/${started.body.id}`;
    const done = await ended(path, as.ed as Auth);
    expect(done.body).toMatchObject({ status: 'done', processed: expected.replayed, error: null });
    const result = done.body.result;
    expect(result).toMatchObject({
      replayed: expected.replayed,
      changed: expected.changed,
      failed: 0,
      skipped: expected.skipped,
    });
    expect(expected.skipped).toBe(1);
    const matrix = Object.fromEntries(
      (result.matrix as { question: string; from: string; to: string; count: number }[]).map((c) => [
        `${c.from}→${c.to}`,
        c.count,
      ]),
    );
    expect(matrix).toEqual(Object.fromEntries(expected.matrix));
    expect(matrix['not_payable→payable']).toBeGreaterThan(0);
    expect(result.amounts).toEqual([
      {
        question: 'cis-benefit',
        amount: 'benefit',
        gained: { total: expected.gained.toFixed(2), count: expected.gc },
        lost: { total: expected.lost.toFixed(2), count: expected.lc },
        net: expected.gained.sub(expected.lost).toFixed(2),
      },
    ]);

    // Examples: both explanations; facts only of the caller's own receipts.
    expect(result.examples.length).toBeGreaterThan(0);
    expect(result.examples.length).toBeLessThanOrEqual(5);
    for (const e of result.examples) {
      expect(e.before.reasons.length).toBeGreaterThan(0);
      expect(e.after.reasons.length).toBeGreaterThan(0);
      expect(e.before.outcome !== e.after.outcome || JSON.stringify(e.before.amounts) !== JSON.stringify(e.after.amounts)).toBe(
        true,
      );
      const owner = (await queryOne<{ asked_by: string }>(db, 'SELECT asked_by FROM decisions WHERE id = ?', [e.receipt])) as {
        asked_by: string;
      };
      expect(e.facts === null).toBe(owner.asked_by !== ids.ed);
    }
    // An admin may read every receipt: every example carries its facts (and the read is audited).
    const admin = await t.api('GET', path, { auth: as.adm });
    expect(admin.body.result.examples.every((e: { facts: unknown }) => e.facts !== null)).toBe(true);
    // Nothing personal outside the examples.
    const { examples: _, ...counts } = admin.body.result;
    expect(JSON.stringify(counts)).not.toContain('unexcused_absence_days');
    // Another editor does not see the run.
    expect((await t.api('GET', path, { auth: as.rev })).status).toBe(404);
  });

  it('is for editors, reviewers and admins only, and answers a bad period with a 400 naming the field', async () => {
    const body = { from: FROM, to: TO };
    for (const who of ['cw', 'ana'])
      expect((await t.api('POST', `/api/v1/drafts/${draftId}/replay-impact`, { auth: as[who], body })).status).toBe(403);
    const bad = await t.api('POST', `/api/v1/drafts/${draftId}/replay-impact`, { auth: as.rev, body: { from: TO, to: FROM } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('"to"');
    const notDay = await t.api('POST', `/api/v1/drafts/${draftId}/replay-impact`, { auth: as.rev, body: { from: 'x', to: TO } });
    expect(notDay.status).toBe(400);
    expect(JSON.stringify(notDay.body.error.details)).toContain('from');
    const unknown = await t.api('POST', '/api/v1/drafts/no-such/replay-impact', { auth: as.rev, body });
    expect(unknown.status).toBe(404);
  });

  it('cancels a queued replay, as simulations are cancelled', async () => {
    // The one thread is busy with a large simulation, so the replay waits in the queue.
    const sim = await t.api('POST', '/api/v1/simulations', {
      auth: as.ana,
      body: {
        question: 'cis-benefit',
        date: '2025-10-15',
        proposal: 'flexible-absence',
        population: { generate: { size: 1_000_000, seed: 1 } },
        by: [],
      },
    });
    expect(sim.status).toBe(202);
    const started = await t.api('POST', `/api/v1/drafts/${draftId}/replay-impact`, {
      auth: as.rev,
      body: { from: FROM, to: TO, question: 'cis-benefit' },
    });
    expect(started.status).toBe(202);
    expect(started.body.queue.state).toBe('queued');
    const path = `/api/v1/drafts/${draftId}/replay-impact/${started.body.id}`;
    const cancelled = await t.api('DELETE', path, { auth: as.rev });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'failed', error: 'cancelled by rev', queue: { state: 'cancelled' } });
    expect((await t.api('DELETE', path, { auth: as.rev })).status).toBe(409);
    expect((await t.api('DELETE', `/api/v1/simulations/${sim.body.id}`, { auth: as.ana })).status).toBe(200);
  });
});
