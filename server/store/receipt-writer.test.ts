import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/schema/answer.ts';
import { type Db, openDatabase } from '../db/open.ts';
import { ReceiptWriter } from './receipt-writer.ts';

const answer = (outcome: string) =>
  ({
    question: 'cis-benefit',
    date: '2025-10-15',
    outcome,
    ruleset: { version: '2025-01-01', hash: 'h' },
  }) as unknown as Answer;

describe('ReceiptWriter on a database file (its own thread)', () => {
  let dir: string;
  let path: string;
  let db: Db;
  let writer: ReceiptWriter;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ri-receipt-writer-'));
    path = join(dir, 'r.db');
    db = openDatabase(path);
    writer = new ReceiptWriter(db);
  });
  afterEach(async () => {
    await writer.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each receipt only once another connection can read it', async () => {
    const reader = new Database(path, { readonly: true });
    const has = reader.prepare('SELECT count(*) AS n FROM decisions WHERE id = ?');
    const seen: number[] = [];
    const stores = Array.from({ length: 300 }, (_, i) =>
      writer.store({ facts: { i }, answer: answer('eligible'), askedBy: `token:${i % 3}` }).then((row) => {
        seen.push((has.get(row.id) as { n: number }).n);
        return row;
      }),
    );
    const rows = await Promise.all(stores);
    reader.close();
    expect(seen).toEqual(Array(300).fill(1));
    expect(new Set(rows.map((r) => r.id)).size).toBe(300);
    expect(db.$client.prepare('SELECT count(*) AS n FROM decisions').get()).toEqual({ n: 300 });
    expect(JSON.parse((rows[7] as { facts: string }).facts)).toEqual({ i: 7 });
  });

  it('refuses only the receipts whose own transaction fails; the others are stored', async () => {
    db.$client.exec(
      "CREATE TRIGGER refuse_mallory BEFORE INSERT ON decisions WHEN NEW.asked_by = 'mallory' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    const good = writer.store({ facts: {}, answer: answer('eligible'), askedBy: 'alice' });
    await good;
    // Stored in separate turns, so that the bad receipt travels in its own group, perhaps in one transaction with the rest.
    const results = await Promise.allSettled([
      writer.store({ facts: {}, answer: answer('eligible'), askedBy: 'bob' }),
      new Promise((resolve) => setImmediate(resolve)).then(() =>
        writer.store({ facts: {}, answer: answer('not_eligible'), askedBy: 'mallory' }),
      ),
      new Promise((resolve) => setImmediate(resolve))
        .then(() => new Promise((resolve) => setImmediate(resolve)))
        .then(() => writer.store({ facts: {}, answer: answer('eligible'), askedBy: 'carol' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/refused/);
    const askers = db.$client.prepare('SELECT asked_by AS a FROM decisions ORDER BY a').all();
    expect(askers).toEqual([{ a: 'alice' }, { a: 'bob' }, { a: 'carol' }]);
  });

  it('commits what is waiting before it closes', async () => {
    const stored = writer.store({ facts: {}, answer: answer('eligible'), askedBy: 'alice' });
    await writer.close();
    const row = await stored;
    expect(db.$client.prepare('SELECT asked_by AS a FROM decisions WHERE id = ?').get(row.id)).toEqual({ a: 'alice' });
  });
});

describe('ReceiptWriter in memory (on the event loop)', () => {
  it('stores every receipt of a turn together', async () => {
    const db = openDatabase(':memory:');
    const writer = new ReceiptWriter(db);
    await Promise.all(Array.from({ length: 20 }, () => writer.store({ facts: {}, answer: answer('eligible'), askedBy: 'a' })));
    expect(db.$client.prepare('SELECT count(*) AS n FROM decisions').get()).toEqual({ n: 20 });
    await writer.close();
    db.$client.close();
  });
});
