import { CompiledLibrary } from '../../../src/compile/compile.ts';
import { type ImpactTally, replayDecisions, replayVersion, type StoredDecision } from '../../../src/impact/replay-impact.ts';
import type { Library } from '../../../src/library.ts';
import type { Answer } from '../../../src/schema/answer.ts';
import { type LibraryFiles, libraryOf } from './library-cache.ts';

/**
 * A part of a replay-impact job as a worker runs it: the changed law's files, the proposal's version name (the change
 * set's id) if it is a proposal, and either a page of stored decisions to tally (one JSON text: one copy across
 * threads) or the few decisions to explain in full.
 */
export type ReplayImpactTask = {
  kind: 'replay-impact';
  library: LibraryFiles;
  proposal?: string | undefined;
} & ({ rows: string } | { explain: { question: string; date: string; facts: Record<string, unknown> }[] });

/** A tally of a page, or the changed law's full answers (with reasons) for the decisions asked about. */
export type ReplayImpactOutcome = { tally: ImpactTally } | { answers: Answer[] };

const compiledOf = new WeakMap<Library, CompiledLibrary>();

/** Replays a page of decisions with the compiled functions, or explains a few with the interpreter's reasons. */
export async function runReplayImpact(task: ReplayImpactTask): Promise<ReplayImpactOutcome> {
  const library = libraryOf(task.library);
  if ('explain' in task)
    return {
      answers: await Promise.all(
        task.explain.map((d) => {
          const version = replayVersion(library, d.question, task.proposal);
          return library.decide({ question: d.question, date: d.date, facts: d.facts, ...(version ? { version } : {}) });
        }),
      ),
    };
  let compiled = compiledOf.get(library);
  if (!compiled) {
    compiled = new CompiledLibrary(library);
    compiledOf.set(library, compiled);
  }
  return { tally: replayDecisions(library, compiled, JSON.parse(task.rows) as StoredDecision[], task.proposal) };
}
