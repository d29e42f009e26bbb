import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Answer } from '../../src/schema/answer.ts';
import type { Db } from '../db/open.ts';
import { execute, query } from '../db/raw.ts';
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
  office: string | null;
  replay_of: string | null;
  /** The day whose knowledge of the law answered (the receipt keeps it beside `date`, the day in force). */
  known_on: string | null;
  created_at: string;
}

/** What a receipt is made of: the facts asked about, the answer, who asked, and the keyed case reference. */
export interface NewReceipt {
  facts: Record<string, unknown>;
  answer: Answer;
  askedBy: string;
  caseRefHmac?: string | null;
  /** The office the decision was taken for. */
  office?: string | null;
  replayOf?: string | null;
  /** The day the request asked the law as known on; the day it was asked when absent. */
  knownOn?: string | undefined;
}

/** The row of a new receipt, with a fresh id. */
export function receiptRow(input: NewReceipt): typeof decisions.$inferInsert & { id: string; createdAt: string } {
  const { answer } = input;
  const createdAt = new Date().toISOString();
  return {
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
    office: input.office ?? null,
    replayOf: input.replayOf ?? null,
    knownOn: input.knownOn ?? createdAt.slice(0, 10),
    createdAt,
  };
}

/** Stores the receipt of one decision, in the caller's transaction if there is one. */
export async function storeDecision(db: Db, input: NewReceipt): Promise<DecisionRow> {
  const [row] = await db.insert(decisions).values(receiptRow(input)).returning();
  return row as DecisionRow;
}

export async function getDecision(db: Db, id: string): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
  return row;
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

/** The columns of a receipt, named as drizzle names them. */
const COLUMNS = `id, question, date, facts, answer, outcome, ruleset_version AS "rulesetVersion", ruleset_hash AS "rulesetHash",
  engine_version AS "engineVersion", asked_by AS "askedBy", case_ref_hmac AS "caseRefHmac", office, replay_of AS "replayOf",
  known_on AS "knownOn", job_id AS "jobId", created_at AS "createdAt"`;

/** Which of a user's receipts a list shows: without incomplete attempts (`undetermined`), of one case (its HMAC). */
export interface DecisionFilter {
  hideUndetermined?: boolean;
  caseRefHmac?: string;
}

/**
 * A user's decisions, newest first, a page at a time: after `cursor` when given. Paged by (created_at, id) on the
 * index (asked_by, created_at, id), so the thousandth page costs what the first does; a filter narrows the range.
 */
export function decisionsBy(
  db: Db,
  askedBy: string,
  limit: number,
  cursor?: DecisionCursor,
  filter: DecisionFilter = {},
): Promise<DecisionRow[]> {
  const where = ['asked_by = ?'];
  const args: (string | number)[] = [askedBy];
  if (cursor) {
    where.push('(created_at, id) < (?, ?)');
    args.push(cursor.createdAt, cursor.id);
  }
  if (filter.hideUndetermined) where.push("outcome <> 'undetermined'");
  if (filter.caseRefHmac !== undefined) {
    where.push('case_ref_hmac = ?');
    args.push(filter.caseRefHmac);
  }
  const sql = `SELECT ${COLUMNS} FROM decisions WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`;
  return query<DecisionRow>(db, sql, [...args, limit]);
}

/** The statement that stores one receipt; its parameters are {@link receiptValues} in order. */
export const INSERT_RECEIPT = `INSERT INTO decisions (id, question, date, facts, answer, outcome, ruleset_version, ruleset_hash,
  engine_version, asked_by, case_ref_hmac, office, replay_of, known_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** A receipt's row as the parameters of {@link INSERT_RECEIPT} (plain values: they cross to the writer's thread). */
export function receiptValues(row: ReturnType<typeof receiptRow>): (string | null)[] {
  return [
    row.id,
    row.question,
    row.date,
    row.facts,
    row.answer,
    row.outcome,
    row.rulesetVersion ?? null,
    row.rulesetHash ?? null,
    row.engineVersion,
    row.askedBy,
    row.caseRefHmac ?? null,
    row.office ?? null,
    row.replayOf ?? null,
    row.knownOn ?? null,
    row.createdAt,
  ];
}

/** Inserts receipts on the request path (a statement prepared once); the caller holds the transaction. */
export async function insertReceipt(db: Db, row: ReturnType<typeof receiptRow>): Promise<void> {
  await execute(db, INSERT_RECEIPT, receiptValues(row));
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
    office: row.office,
    replay_of: row.replayOf,
    known_on: row.knownOn,
    created_at: row.createdAt,
  };
}

/**
 * The receipt's JSON as the API sends it (the same fields as {@link toReceipt}), written from the stored texts of
 * facts and answer without parsing them: a page of fifty receipts costs string copies, not fifty parses and dumps.
 */
export function receiptJson(row: DecisionRow, askerOffice?: string | null): string {
  const q = JSON.stringify;
  // The office the receipt was asked for; a receipt stored before offices were kept shows its asker's office now.
  const office = row.office ?? askerOffice ?? null;
  return `{"id":${q(row.id)},"question":${q(row.question)},"date":${q(row.date)},"facts":${row.facts},"answer":${row.answer},"ruleset":${q({ version: row.rulesetVersion, hash: row.rulesetHash })},"engine_version":${q(row.engineVersion)},"asked_by":${q(row.askedBy)},"case_ref_hmac":${q(row.caseRefHmac)},"office":${q(office)},"replay_of":${q(row.replayOf)},"known_on":${q(row.knownOn)},"created_at":${q(row.createdAt)}}`;
}
