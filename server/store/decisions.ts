import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Answer } from '../../src/schema/answer.ts';
import type { Db } from '../db/open.ts';
import { decisions } from '../db/schema.ts';

export type DecisionRow = typeof decisions.$inferSelect;

/** The version of the engine that answered, stored with every receipt. */
export const ENGINE_VERSION = 'reintegra/0.1.0';

/** A stored receipt, as the API returns it. */
export interface Receipt {
  id: string;
  question: string;
  date: string;
  facts: Record<string, unknown>;
  answer: Answer;
  ruleset: { version: string | null; hash: string | null };
  engine_version: string;
  asked_by: string;
  case_ref_hmac: string | null;
  replay_of: string | null;
  created_at: string;
}

/** Stores the receipt of one decision. */
export function storeDecision(
  db: Db,
  input: {
    facts: Record<string, unknown>;
    answer: Answer;
    askedBy: string;
    caseRefHmac?: string | null;
    replayOf?: string | null;
  },
): DecisionRow {
  const { answer } = input;
  return db
    .insert(decisions)
    .values({
      id: randomUUID(),
      question: answer.question,
      date: answer.date,
      facts: JSON.stringify(input.facts),
      answer: JSON.stringify(answer),
      outcome: answer.outcome,
      rulesetVersion: answer.ruleset.version,
      rulesetHash: answer.ruleset.hash,
      engineVersion: ENGINE_VERSION,
      askedBy: input.askedBy,
      caseRefHmac: input.caseRefHmac ?? null,
      replayOf: input.replayOf ?? null,
    })
    .returning()
    .get();
}

export function getDecision(db: Db, id: string): DecisionRow | undefined {
  return db.select().from(decisions).where(eq(decisions.id, id)).get();
}

/** A user's own decisions, newest first. */
export function decisionsBy(db: Db, askedBy: string, limit: number): DecisionRow[] {
  return db.select().from(decisions).where(eq(decisions.askedBy, askedBy)).orderBy(desc(decisions.createdAt)).limit(limit).all();
}

export function toReceipt(row: DecisionRow): Receipt {
  return {
    id: row.id,
    question: row.question,
    date: row.date,
    facts: JSON.parse(row.facts) as Record<string, unknown>,
    answer: JSON.parse(row.answer) as Answer,
    ruleset: { version: row.rulesetVersion, hash: row.rulesetHash },
    engine_version: row.engineVersion,
    asked_by: row.askedBy,
    case_ref_hmac: row.caseRefHmac,
    replay_of: row.replayOf,
    created_at: row.createdAt,
  };
}
