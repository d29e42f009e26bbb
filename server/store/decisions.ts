import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
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

/** Where a page of receipts ends: the last receipt's time and id (a keyset, not an offset). */
export interface DecisionCursor {
  createdAt: string;
  id: string;
}

/** The cursor as the API passes it: opaque, URL-safe. */
export const encodeCursor = (c: DecisionCursor) => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');

/** A cursor back from its text; undefined when it is not one this server wrote. */
export function decodeCursor(text: string): DecisionCursor | undefined {
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { createdAt: v[0], id: v[1] };
  } catch {
    // not JSON: not ours
  }
  return undefined;
}

/**
 * A user's decisions, newest first, a page at a time: after `cursor` when given. Paged by (created_at, id) on the
 * index (asked_by, created_at, id), so the thousandth page costs what the first does.
 */
export function decisionsBy(db: Db, askedBy: string, limit: number, cursor?: DecisionCursor): DecisionRow[] {
  const after = cursor ? sql`(${decisions.createdAt}, ${decisions.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined;
  return db
    .select()
    .from(decisions)
    .where(and(eq(decisions.askedBy, askedBy), after))
    .orderBy(desc(decisions.createdAt), desc(decisions.id))
    .limit(limit)
    .all();
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
