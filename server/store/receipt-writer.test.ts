import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/schema/answer.ts';
import { type Database as Opened, openDatabase } from '../db/open.ts';
import { query, queryOne } from '../db/raw.ts';
import { write } from '../testing/raw-sql.ts';
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
  let database: Opened;
  let writer: ReceiptWriter;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ri-receipt-writer-'));
    path = join(dir, 'r.db');
    database = openDatabase(path);
    writer = new ReceiptWriter(database);
  });
  afterEach(async () => {
    await writer.close();
    await database.close();
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
    expect(await queryOne(database.db, 'SELECT count(*) AS n FROM decisions')).toEqual({ n: 300 });
    expect(JSON.parse((rows[7] as { facts: string }).facts)).toEqual({ i: 7 });
  });

  it('refuses only the receipts whose own transaction fails; the others are stored', async () => {
    await write(
      database.db,
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
    const askers = await query(database.db, 'SELECT asked_by AS a FROM decisions ORDER BY a');
    expect(askers).toEqual([{ a: 'alice' }, { a: 'bob' }, { a: 'carol' }]);
  });

  it('commits what is waiting before it closes', async () => {
    const stored = writer.store({ facts: {}, answer: answer('eligible'), askedBy: 'alice' });
    await writer.close();
    const row = await stored;
    expect(await queryOne(database.db, 'SELECT asked_by AS a FROM decisions WHERE id = ?', [row.id])).toEqual({ a: 'alice' });
  });
});

describe('ReceiptWriter in memory (on the event loop)', () => {
  it('stores every receipt of a turn together', async () => {
    const database = openDatabase(':memory:');
    // `:memory:` is now a temporary file, which would get a thread: the event loop's path is asked for by name.
    const writer = new ReceiptWriter(database, { thread: false });
    await Promise.all(Array.from({ length: 20 }, () => writer.store({ facts: {}, answer: answer('eligible'), askedBy: 'a' })));
    expect(await queryOne(database.db, 'SELECT count(*) AS n FROM decisions')).toEqual({ n: 20 });
    await writer.close();
    await database.close();
  });
});
