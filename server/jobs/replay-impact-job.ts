import { and, eq } from 'drizzle-orm';
import { emptyTally, type ImpactTally, mergeTallies, pickExamples } from '../../src/impact/replay-impact.ts';
import type { Answer, Reason } from '../../src/schema/answer.ts';
import type { Db } from '../db/open.ts';
import { jsonField, query, queryOne } from '../db/raw.ts';
import { replayImpacts } from '../db/schema.ts';
import { getChangeSet } from '../store/drafts.ts';
import { changeSetFiles } from './library-files.ts';
import type { WorkerPool } from './pool.ts';
import type { JobHandler } from './runner.ts';
import type { ReplayImpactOutcome, ReplayImpactTask } from './tasks/replay-impact-task.ts';

/** Decisions sent to a worker at a time: a page is read, replayed and tallied while the event loop stays free. */
export const PAGE = 1000;
/** How many changed decisions are shown with both explanations. */
export const EXAMPLES = 5;

/** One side of an example: what was (or would be) decided, and why. */
export interface ExampleSide {
  outcome: string;
  amounts: Record<string, number>;
  reasons: Reason[];
}

/** A changed decision shown in full; `facts` is kept in storage and shown only to who may read the receipt. */
export interface StoredExample {
  receipt: string;
  question: string;
  date: string;
  asked_by: string;
  created_at: string;
  facts: Record<string, unknown>;
  before: ExampleSide;
  after: ExampleSide;
}

/** What a replay-impact run stores when it ends. */
export interface ImpactResult extends Omit<ImpactTally, 'candidates'> {
  /** Receipts in the period answered by a proposal (not decisions the law gave): not replayed. */
  skipped: number;
  examples: StoredExample[];
}

/** Sets fields of a run that is still running (a cancelled run stays cancelled). */
export async function updateRunningImpact(db: Db, id: string, set: Partial<typeof replayImpacts.$inferInsert>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(replayImpacts)
      .set(set)
      .where(and(eq(replayImpacts.id, id), eq(replayImpacts.status, 'running')));
  });
}

/** The receipts a run replays: its questions, its period, not answered by a proposal. */
function scope(questions: string[]): string {
  const marks = questions.map(() => '?').join(', ');
  return `question IN (${marks}) AND date >= ? AND date <= ?`;
}
const notProposal = (db: Db) => `coalesce(${jsonField(db, 'answer', ['ruleset', 'kind'], 'text')}, 'law') <> 'proposal'`;

/** How many receipts a run will replay, and how many in its period it leaves out (answered by a proposal). */
export async function countInScope(
  db: Db,
  questions: string[],
  from: string,
  to: string,
): Promise<{ total: number; skipped: number }> {
  const row = await queryOne<{ n: number; skipped: number | null }>(
    db,
    `SELECT count(*) AS n, sum(CASE WHEN ${notProposal(db)} THEN 0 ELSE 1 END) AS skipped FROM decisions WHERE ${scope(questions)}`,
    [...questions, from, to],
  );
  const skipped = Number(row?.skipped ?? 0);
  return { total: (row?.n ?? 0) - skipped, skipped };
}

/**
 * Replays a change set over the stored decisions of a period, a page at a time on the pool (the compiled functions
 * there), merging the pages' tallies; then explains a few changed decisions with the interpreter's reasons, old
 * (as the receipt holds them) and new. Progress goes to the run and the job; the result is stored when it ends.
 */
export function replayImpactHandler(deps: { db: Db; pool: WorkerPool }): JobHandler {
  const { db, pool } = deps;
  return async (job, ctx) => {
    const id = job.payloadRef ?? job.id;
    const [run] = await db.select().from(replayImpacts).where(eq(replayImpacts.id, id));
    if (!run) throw new Error('the replay has no stored request: start it again');
    try {
      const cs = await getChangeSet(db, run.draftId);
      if (!cs) throw new Error('the change set no longer exists');
      if (cs.row.revision !== run.draftRevision)
        throw new Error('the change set was changed since the replay was started: start it again');
      const base = {
        kind: 'replay-impact' as const,
        library: await changeSetFiles(db, cs),
        proposal: cs.row.proposal ? cs.row.id : undefined,
      };
      const questions = JSON.parse(run.questions) as string[];
      const { total, skipped } = await countInScope(db, questions, run.fromDate, run.toDate);
      await updateRunningImpact(db, id, { total, processed: 0 });
      const page = `SELECT id, question, date, facts, outcome, coalesce(${jsonField(db, 'answer', ['amounts'], 'json')}, '{}') AS amounts
           FROM decisions WHERE ${scope(questions)} AND ${notProposal(db)} AND (date, id) > (?, ?)
           ORDER BY date, id LIMIT ${PAGE}`;
      let tally = emptyTally();
      let after: [string, string] = ['', ''];
      let processed = 0;
      for (;;) {
        const rows = await query<PageRow>(db, page, [...questions, run.fromDate, run.toDate, ...after]);
        if (!rows.length) break;
        // One JSON text for the page, from the stored texts as they are: nothing is parsed on this thread.
        const text = `[${rows.map((r) => `{"id":${JSON.stringify(r.id)},"question":${JSON.stringify(r.question)},"date":${JSON.stringify(r.date)},"facts":${r.facts},"outcome":${JSON.stringify(r.outcome)},"amounts":${r.amounts}}`).join(',')}]`;
        const part = await pool.run<ReplayImpactOutcome>({ ...base, rows: text } satisfies ReplayImpactTask, {
          signal: ctx.signal,
        });
        if (!('tally' in part)) throw new Error('the worker did not tally the page');
        tally = mergeTallies(tally, part.tally);
        processed += rows.length;
        const last = rows.at(-1) as PageRow;
        after = [last.date, last.id];
        await updateRunningImpact(db, id, { processed });
        ctx.progress(processed, total);
      }
      const examples = await explain(db, pool, base, pickExamples(tally, EXAMPLES), ctx.signal);
      const { candidates: _, ...counts } = tally;
      const result: ImpactResult = { ...counts, skipped, examples };
      await updateRunningImpact(db, id, {
        status: 'done',
        processed,
        result: JSON.stringify(result),
        finishedAt: new Date().toISOString(),
      });
    } catch (e) {
      // Cancelled, or the server is stopping: the cancel (or the next start) says what became of the run.
      if (!ctx.signal.aborted)
        await updateRunningImpact(db, id, {
          status: 'failed',
          error: (e as Error).message,
          finishedAt: new Date().toISOString(),
        });
      throw e;
    }
  };
}

/** A receipt as the examples read it. */
interface ExampleRow {
  id: string;
  question: string;
  date: string;
  facts: string;
  answer: string;
  asked_by: string;
  created_at: string;
}

/** A receipt of a page as the replay reads it: its stored texts as they are. */
interface PageRow {
  id: string;
  question: string;
  date: string;
  facts: string;
  outcome: string;
  amounts: string;
}

/** The chosen decisions with their receipts' reasons beside the changed law's. */
async function explain(
  db: Db,
  pool: WorkerPool,
  base: Omit<ReplayImpactTask, 'rows' | 'explain'>,
  chosen: { id: string }[],
  signal: AbortSignal,
): Promise<StoredExample[]> {
  if (!chosen.length) return [];
  const rows: ExampleRow[] = [];
  for (const c of chosen) {
    const row = await queryOne<ExampleRow>(
      db,
      'SELECT id, question, date, facts, answer, asked_by, created_at FROM decisions WHERE id = ?',
      [c.id],
    );
    if (row) rows.push(row);
  }
  const asked = rows.map((r) => ({ question: r.question, date: r.date, facts: JSON.parse(r.facts) as Record<string, unknown> }));
  const out = await pool.run<ReplayImpactOutcome>({ ...base, explain: asked } as ReplayImpactTask, { signal });
  if (!('answers' in out)) throw new Error('the worker did not explain the examples');
  return rows.map((r, i) => {
    const before = JSON.parse(r.answer) as Answer;
    const now = out.answers[i] as Answer;
    return {
      receipt: r.id,
      question: r.question,
      date: r.date,
      asked_by: r.asked_by,
      created_at: r.created_at,
      facts: asked[i]?.facts ?? {},
      before: { outcome: before.outcome, amounts: before.amounts, reasons: before.reasons },
      after: { outcome: now.outcome, amounts: now.amounts, reasons: now.reasons },
    };
  });
}
