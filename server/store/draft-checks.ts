import { parseCaseFiles, runCases } from '../../src/cases/run-cases.ts';
import type { Library } from '../../src/library.ts';
import { classify, loadLibrary, type RuleFile } from '../../src/load/load-library.ts';
import type { Problem } from '../../src/load/problem.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import type { Db } from '../db/open.ts';
import type { DraftRow } from './drafts.ts';
import { currentFiles, toRuleFile } from './rule-files.ts';

/** Where a draft would be published: a new version file, a proposal, or a new revision of a parameters file. */
export function targetPath(draft: DraftRow): { path?: string; problem?: string } {
  if (classify(draft.path) === 'parameters') return { path: draft.path };
  const value = parseSource('draft.yaml', draft.yaml).value as { question?: unknown; valid_from?: unknown } | undefined;
  const question = typeof value?.question === 'string' ? value.question : draft.question;
  if (!question) return { problem: 'the draft names no question' };
  if (draft.proposal) return { path: `rules/${question}/proposals/${draft.id}.yaml` };
  if (typeof value?.valid_from !== 'string') return { problem: 'the draft has no valid_from' };
  return { path: `rules/${question}/${value.valid_from}.yaml` };
}

/** The published files with the draft in its place, ready to load; a problem when it would rewrite history. */
export function filesWithDraft(db: Db, draft: DraftRow): { files: RuleFile[]; path: string; problems: Problem[] } {
  const syntax = parseSource(draft.path, draft.yaml).problems;
  if (syntax.length) return { files: [], path: draft.path, problems: syntax };
  const { path, problem } = targetPath(draft);
  const published = currentFiles(db).map(toRuleFile);
  const at = (message: string, code: Problem['code']): Problem => ({
    file: draft.path,
    line: 1,
    col: 1,
    code,
    message,
    severity: 'error',
  });
  if (!path) return { files: published, path: draft.path, problems: [at(problem ?? 'no target', 'MISSING_KEY')] };
  const kind = classify(path);
  if (kind === 'ruleset' && published.some((f) => f.path === path)) {
    const source = parseSource(path, draft.yaml);
    const p = source.problem(
      'DUPLICATE_VERSION',
      `a published version already starts on that day (${path}); published versions never change`,
      ['valid_from'],
      {
        hint: 'Set valid_from to the day the change applies: a change of law is a new dated version.',
      },
    );
    return { files: published, path, problems: [p] };
  }
  const text = draft.proposal ? withKind(draft.yaml) : draft.yaml;
  return { files: [...published.filter((f) => f.path !== path), { path, text }], path, problems: [] };
}

function withKind(yaml: string): string {
  return /^kind:/m.test(yaml) ? yaml.replace(/^kind:.*$/m, 'kind: proposal') : `kind: proposal\n${yaml}`;
}

/** Validates a draft in the context of the published law: every problem, located in the draft. */
export function validateDraft(db: Db, draft: DraftRow): { valid: boolean; path: string; problems: Problem[]; library?: Library } {
  const { files, path, problems } = filesWithDraft(db, draft);
  if (problems.length) return { valid: false, path, problems };
  const loaded = loadLibrary(files);
  const own = loaded.problems.filter((p) => p.file === path);
  const others = loaded.problems.filter((p) => p.file !== path && p.severity === 'error');
  // Errors first, then by position, so the first thing an author reads is what blocks the draft.
  const ordered = [...own, ...others].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || a.line - b.line || a.col - b.col,
  );
  return { valid: Boolean(loaded.library), path, problems: ordered, ...(loaded.library ? { library: loaded.library } : {}) };
}

/** Runs the rule set's own tests (all tests for a parameters change) and the shared cases against the draft. */
export async function testDraft(db: Db, draft: DraftRow, library: Library) {
  const question = draft.question;
  const tests = currentFiles(db)
    .filter((f) => f.kind === 'tests')
    .filter(
      (f) =>
        !question ||
        classify(draft.path) === 'parameters' ||
        f.path.startsWith(`rules/${question}/tests/`) ||
        f.path.startsWith('rules/shared-cases/'),
    )
    .map(toRuleFile);
  const { cases, problems } = parseCaseFiles(tests);
  const results = await runCases(library, cases);
  const failed = results.filter((r) => r.failures.length > 0);
  return {
    passed: results.length - failed.length,
    failed: failed.length,
    problems,
    results: results.map((r) => ({
      file: r.file,
      line: r.line,
      name: r.case.name,
      question: r.case.question,
      passed: r.failures.length === 0,
      failures: r.failures,
    })),
  };
}
