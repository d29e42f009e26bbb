import { and, eq } from 'drizzle-orm';
import { emptyTally, type ImpactTally, mergeTallies, pickExamples } from '../../src/impact/replay-impact.ts';
import type { Answer, Reason } from '../../src/schema/answer.ts';
import type { Db } from '../db/open.ts';
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
export function updateRunningImpact(db: Db, id: string, set: Partial<typeof replayImpacts.$inferInsert>): void {
  db.update(replayImpacts)
    .set(set)
    .where(and(eq(replayImpacts.id, id), eq(replayImpacts.status, 'running')))
    .run();
}

/** The receipts a run replays: its questions, its period, not answered by a proposal. */
function scope(questions: string[]): string {
  const marks = questions.map(() => '?').join(', ');
  return `question IN (${marks}) AND date >= ? AND date <= ?`;
}
const NOT_PROPOSAL = `coalesce(json_extract(answer, '$.ruleset.kind'), 'law') <> 'proposal'`;

/** How many receipts a run will replay, and how many in its period it leaves out (answered by a proposal). */
export function countInScope(db: Db, questions: string[], from: string, to: string): { total: number; skipped: number } {
  const row = db.$client
    .prepare(
      `SELECT count(*) AS n, sum(CASE WHEN ${NOT_PROPOSAL} THEN 0 ELSE 1 END) AS skipped FROM decisions WHERE ${scope(questions)}`,
    )
    .get(...questions, from, to) as { n: number; skipped: number | null };
  return { total: row.n - (row.skipped ?? 0), skipped: row.skipped ?? 0 };
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
    const run = db.select().from(replayImpacts).where(eq(replayImpacts.id, id)).get();
    if (!run) throw new Error('the replay has no stored request: start it again');
    try {
      const cs = getChangeSet(db, run.draftId);
      if (!cs) throw new Error('the change set no longer exists');
      if (cs.row.revision !== run.draftRevision)
        throw new Error('the change set was changed since the replay was started: start it again');
      const base = {
        kind: 'replay-impact' as const,
        library: changeSetFiles(db, cs),
        proposal: cs.row.proposal ? cs.row.id : undefined,
      };
      const questions = JSON.parse(run.questions) as string[];
      const { total, skipped } = countInScope(db, questions, run.fromDate, run.toDate);
      updateRunningImpact(db, id, { total, processed: 0 });
      const page = db.$client
        .prepare(
          `SELECT id, question, date, facts, outcome, coalesce(json_extract(answer, '$.amounts'), '{}') AS amounts
           FROM decisions WHERE ${scope(questions)} AND ${NOT_PROPOSAL} AND (date, id) > (?, ?)
           ORDER BY date, id LIMIT ${PAGE}`,
        )
        .raw();
      let tally = emptyTally();
      let after: [string, string] = ['', ''];
      let processed = 0;
      for (;;) {
        const rows = page.all(...questions, run.fromDate, run.toDate, ...after) as string[][];
        if (!rows.length) break;
        // One JSON text for the page, from the stored texts as they are: nothing is parsed on this thread.
        const text = `[${rows.map(([rid, q, date, facts, outcome, amounts]) => `{"id":${JSON.stringify(rid)},"question":${JSON.stringify(q)},"date":${JSON.stringify(date)},"facts":${facts},"outcome":${JSON.stringify(outcome)},"amounts":${amounts}}`).join(',')}]`;
        const part = await pool.run<ReplayImpactOutcome>({ ...base, rows: text } satisfies ReplayImpactTask, {
          signal: ctx.signal,
        });
        if (!('tally' in part)) throw new Error('the worker did not tally the page');
        tally = mergeTallies(tally, part.tally);
        processed += rows.length;
        const last = rows.at(-1) as string[];
        after = [last[2] as string, last[0] as string];
        updateRunningImpact(db, id, { processed });
        ctx.progress(processed, total);
      }
      const examples = await explain(db, pool, base, pickExamples(tally, EXAMPLES), ctx.signal);
      const { candidates: _, ...counts } = tally;
      const result: ImpactResult = { ...counts, skipped, examples };
      updateRunningImpact(db, id, {
        status: 'done',
        processed,
        result: JSON.stringify(result),
        finishedAt: new Date().toISOString(),
      });
    } catch (e) {
      // Cancelled, or the server is stopping: the cancel (or the next start) says what became of the run.
      if (!ctx.signal.aborted)
        updateRunningImpact(db, id, { status: 'failed', error: (e as Error).message, finishedAt: new Date().toISOString() });
      throw e;
    }
  };
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
  const get = db.$client.prepare('SELECT id, question, date, facts, answer, asked_by, created_at FROM decisions WHERE id = ?');
  const rows = chosen.map(
    (c) =>
      get.get(c.id) as {
        id: string;
        question: string;
        date: string;
        facts: string;
        answer: string;
        asked_by: string;
        created_at: string;
      },
  );
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
