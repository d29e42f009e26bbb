import { checkLibraryReport } from '../../src/check/check-library.ts';
import { solverContext } from '../../src/check/z3-context.ts';
import type { Library } from '../../src/library.ts';
import type { RuleFile } from '../../src/load/load-library.ts';
import type { Problem } from '../../src/load/problem.ts';
import type { ChangeSet } from './drafts.ts';

/** How long a validation waits for the proofs before it answers with a warning instead. */
export const CHECK_BUDGET_MS = 4000;
/** How long the one start of z3 in a process may take (its WebAssembly build loads once, then is kept). */
const START_BUDGET_MS = 30_000;

/**
 * The static checks (`reintegra check`, proven with z3: dead, shadowed and redundant rules, unreachable outcomes) of
 * the rule sets a change set adds or changes, as warnings with file, line, column and the facts that show each.
 * Bounded in time: when the proofs take longer than `budgetMs`, one warning says so and nothing blocks. Z3 is
 * started once per process (src/check/z3-context.ts) and kept: that one start is awaited apart (bounded too), so the
 * budget measures the proofs, not the start.
 */
export async function staticCheckWarnings(
  cs: ChangeSet,
  library: Library,
  files: readonly RuleFile[],
  budgetMs = CHECK_BUDGET_MS,
): Promise<Problem[]> {
  const own = new Set(cs.files.map((f) => f.path));
  // A change set of values, tests or the catalogue only has no rule set to prove: z3 is not even started.
  const touched = library
    .questions()
    .some(
      (q) =>
        library.versions(q.id).some((v) => own.has(v.file)) ||
        q.proposals.some((name) => own.has(library.version(q.id, name)?.file ?? '')),
    );
  if (!touched) return [];
  let timer: NodeJS.Timeout | undefined;
  const late = (ms: number) =>
    new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms);
    });
  try {
    const started = await Promise.race([solverContext(), late(START_BUDGET_MS)]);
    clearTimeout(timer);
    const report =
      started === 'late'
        ? 'late'
        : await Promise.race([checkLibraryReport(library, { files, only: (ir) => own.has(ir.file) }), late(budgetMs)]);
    if (report === 'late') {
      const first = [...own].sort()[0] ?? '';
      return [
        {
          file: first,
          line: 1,
          col: 1,
          code: 'CHECKS_UNFINISHED',
          message: `the static checks (dead, shadowed and redundant rules, unreachable outcomes) did not finish within ${budgetMs / 1000} s`,
          hint: 'Validate again in a moment, or run reintegra check on the rules.',
          severity: 'warning',
        },
      ];
    }
    // Findings never block a change set: they are shown for the author to fix or to explain (checks: accept).
    return report.problems.map((p) => ({ ...p, severity: 'warning' as const }));
  } finally {
    clearTimeout(timer);
  }
}
