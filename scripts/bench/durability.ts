// The cost of synchronous=FULL (the server's default) against NORMAL: one receipt a commit, as the server stores them.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { openDatabase, type Synchronous } from '../../server/db/open.ts';

/** Receipts a second, and the p50 and p99 of one commit in milliseconds. */
export interface CommitCost {
  per_s: number;
  p50_ms: number;
  p99_ms: number;
}

const ANSWER = JSON.stringify({ outcome: 'eligible', amounts: { monthly_amount: 1721.9 }, reasons: [{ text: 'x'.repeat(600) }] });

/** Stores `n` receipts one commit each in a fresh database at the given level; the same rows at every level. */
export async function commitCost(level: Synchronous, n: number): Promise<CommitCost> {
  const dir = mkdtempSync(join(tmpdir(), 'ri-bench-sync-'));
  const file = join(dir, 'bench.db');
  // The server's schema in WAL mode (kept in the file); then SQLite's own commit is measured on a connection of ours,
  // with the server's pragmas, since the store's handle reads only and writes in its async transactions.
  await openDatabase(file, { synchronous: level }).close();
  const db = new BetterSqlite(file);
  db.pragma(`synchronous = ${level}`);
  db.pragma('foreign_keys = ON');
  const insert = db.prepare(
    `INSERT INTO decisions (id, question, date, facts, answer, outcome, engine_version, asked_by)
     VALUES (?, 'cis-benefit', '2025-10-15', '{"cis_period":"participation"}', ?, 'payable', 'bench', 'bench')`,
  );
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    insert.run(randomUUID(), ANSWER);
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(3));
  return { per_s: Math.round(n / seconds), p50_ms: at(0.5), p99_ms: at(0.99) };
}
