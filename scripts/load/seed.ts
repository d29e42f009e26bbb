import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { ENGINE_VERSION } from '../../server/store/decisions.ts';
import type { Library } from '../../src/library.ts';

/** Persons whose answers the seeded receipts carry (a real answer each, so rows have a real size). */
const PERSONS = [
  {
    question: 'pai-referral',
    date: '2014-09-15',
    facts: { registered_unemployed: true, help_profile: 'III', receives_social_assistance: true, social_contract: 'active' },
  },
  { question: 'cis-benefit', date: '2025-10-15', facts: { cis_period: 'participation', unexcused_absence_days: 2 } },
  { question: 'unemployment-benefit', date: '2024-08-01', facts: { qualifying_years: 12 } },
];

/**
 * Writes `total` receipts straight into the SQLite file (created by the store already), spread over `askers` round
 * robin and over the last year, in transactions without syncing: minutes of requests in seconds. The server opens
 * the file afterwards as always.
 */
export async function seedReceipts(file: string, library: Library, askers: string[], total: number): Promise<number> {
  const answers = await Promise.all(PERSONS.map(async (p) => ({ ...p, answer: await library.decide(p) })));
  const rows = answers.map((a) => ({
    question: a.question,
    date: a.date,
    facts: JSON.stringify(a.facts),
    answer: JSON.stringify(a.answer),
    outcome: a.answer.outcome,
    version: a.answer.ruleset.version,
    hash: a.answer.ruleset.hash,
  }));
  // A connection of our own: the store's handle reads only, and writes one awaited statement at a time.
  const client = new Database(file);
  try {
    client.pragma('foreign_keys = ON');
    client.pragma('synchronous = OFF');
    const insert = client.prepare(
      `INSERT INTO decisions (id, question, date, facts, answer, outcome, ruleset_version, ruleset_hash, engine_version, asked_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const start = performance.now();
    const from = Date.now() - 365 * 86_400_000;
    const step = (365 * 86_400_000) / total;
    const chunk = client.transaction((first: number, last: number) => {
      for (let i = first; i < last; i++) {
        const r = rows[i % rows.length] as (typeof rows)[number];
        const at = new Date(from + i * step).toISOString();
        insert.run(
          randomUUID(),
          r.question,
          r.date,
          r.facts,
          r.answer,
          r.outcome,
          r.version,
          r.hash,
          ENGINE_VERSION,
          askers[i % askers.length],
          at,
        );
      }
    });
    for (let i = 0; i < total; i += 100_000) chunk(i, Math.min(total, i + 100_000));
    client.pragma('synchronous = FULL');
    client.pragma('wal_checkpoint(TRUNCATE)');
    return (performance.now() - start) / 1000;
  } finally {
    client.close();
  }
}
