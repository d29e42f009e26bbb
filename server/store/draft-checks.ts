import { type CaseResult, parseCaseFiles, runCases } from '../../src/cases/run-cases.ts';
import { changedValues } from '../../src/law/changed-values.ts';
import { dayBefore } from '../../src/law/day-text.ts';
import { LAW_ROOT, lawPathProblem, overlay } from '../../src/law/law-files.ts';
import { type LawChange, type Untested, untestedChanges } from '../../src/law/untested-change.ts';
import type { Library } from '../../src/library.ts';
import { classify, loadLibrary, type RuleFile } from '../../src/load/load-library.ts';
import type { Problem } from '../../src/load/problem.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import type { Answer } from '../../src/schema/answer.ts';
import { ParameterFile } from '../../src/schema/parameters.ts';
import type { Db } from '../db/open.ts';
import type { ChangeSet } from './drafts.ts';
import { currentFiles, toRuleFile } from './rule-files.ts';

/** What a change set's identity needs to place its files. */
type Owner = { id: string; proposal: boolean };

/**
 * Where a file of a change set belongs in `rules/`: a rule-set version at its question and valid_from (so moving
 * valid_from moves the file), a proposal's rule set under `proposals/<change set id>`, anything else where it is.
 */
export function targetPath(path: string, yaml: string, owner: Owner): string {
  const kind = classify(path);
  if (kind !== 'ruleset' && !(kind === 'proposal' && owner.proposal)) return path;
  const value = parseSource(path, yaml).value as { question?: unknown; valid_from?: unknown } | undefined;
  const question = typeof value?.question === 'string' && /^[a-z0-9-]+$/.test(value.question) ? value.question : undefined;
  if (!question) return path;
  if (owner.proposal) return `${LAW_ROOT}${question}/proposals/${owner.id}.yaml`;
  const day =
    typeof value?.valid_from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.valid_from) ? value.valid_from : undefined;
  return day ? `${LAW_ROOT}${question}/${day}.yaml` : path;
}

/** The text a file is loaded with: a proposal's rule set is marked as one, whatever its author wrote. */
function loadedText(path: string, yaml: string, owner: Owner): string {
  if (!owner.proposal || classify(path) !== 'proposal') return yaml;
  return /^kind:/m.test(yaml) ? yaml.replace(/^kind:.*$/m, 'kind: proposal') : `kind: proposal\n${yaml}`;
}

/** The published law with the change set's files in their place. */
export async function resultingFiles(db: Db, cs: ChangeSet): Promise<RuleFile[]> {
  const owner = cs.row;
  return overlay(
    (await currentFiles(db)).map(toRuleFile),
    cs.files.map((f) => ({ path: f.path, text: loadedText(f.path, f.yaml, owner) })),
  );
}

/** What validating a change set finds; `library` is the resulting law when it loads. */
export interface Validation {
  valid: boolean;
  problems: Problem[];
  library?: Library;
}

/**
 * Validates a change set in the context of the published law: problems in its own files first, then what its
 * change breaks elsewhere. A version that would rewrite a published one, a path outside `rules/`, and a version
 * that brings back a repealed question unannounced are refused here too.
 */
export async function validateChangeSet(db: Db, cs: ChangeSet, published: Library): Promise<Validation> {
  const own = new Set(cs.files.map((f) => f.path));
  const publishedPaths = new Set((await currentFiles(db)).map((f) => f.path));
  const problems: Problem[] = [];
  for (const f of cs.files) {
    const relative = f.path.startsWith(LAW_ROOT) ? f.path.slice(LAW_ROOT.length) : f.path;
    const wrong = f.path.startsWith(LAW_ROOT) ? lawPathProblem(relative) : 'a file of the law lies under rules/';
    if (wrong) problems.push(at(f.path, 'INVALID_PATH', `${f.path}: ${wrong}`));
    const source = parseSource(f.path, f.yaml);
    // A text that does not parse is told so first: nothing else about it can be read yet.
    if (source.problems.length) {
      problems.push(...source.problems);
      continue;
    }
    if (classify(f.path) === 'ruleset' && publishedPaths.has(f.path)) {
      problems.push(
        source.problem(
          'DUPLICATE_VERSION',
          `a published version already starts on that day (${f.path}); published versions never change`,
          ['valid_from'],
          { hint: 'Set valid_from to the day the change applies: a change of law is a new dated version.' },
        ),
      );
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { valid: false, problems };
  const loaded = loadLibrary(await resultingFiles(db, cs));
  if (loaded.library) problems.push(...revivals(cs, published, loaded.library));
  const mine = loaded.problems.filter((p) => own.has(p.file));
  const others = loaded.problems.filter((p) => !own.has(p.file) && p.severity === 'error');
  // Errors first, then by file and position, so the first thing an author reads is what blocks the change set.
  const ordered = [...problems, ...mine, ...others].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      Number(!own.has(a.file)) - Number(!own.has(b.file)) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col,
  );
  const valid = Boolean(loaded.library) && !ordered.some((p) => p.severity === 'error');
  return { valid, problems: ordered, ...(valid && loaded.library ? { library: loaded.library } : {}) };
}

function at(file: string, code: Problem['code'], message: string, hint?: string): Problem {
  return { file, line: 1, col: 1, code, message, ...(hint ? { hint } : {}), severity: 'error' };
}

/** The law versions a change set adds, each with the published version it follows (none for a new question). */
export function addedVersions(cs: ChangeSet, library: Library, published: Library): LawChange['versions'] {
  if (cs.row.proposal) return [];
  return cs.files
    .filter((f) => classify(f.path) === 'ruleset')
    .flatMap((f) => {
      const [question = '', day = ''] = f.path
        .slice(LAW_ROOT.length)
        .replace(/\.yaml$/, '')
        .split('/');
      const next = library.version(question, day);
      if (next?.kind !== 'law' || next.file !== f.path) return [];
      return [{ next, prev: published.versionOn(next.question, dayBefore(next.validFrom)) }];
    });
}

/** A new version after a repeal brings a question back: an error unless the change set says so, then a warning. */
function revivals(cs: ChangeSet, published: Library, library: Library): Problem[] {
  const out: Problem[] = [];
  for (const { next, prev } of addedVersions(cs, library, published)) {
    if (!prev?.repealed || next.repealed) continue;
    const file = cs.files.find((f) => f.path === next.file);
    if (!file) continue;
    const source = parseSource(file.path, file.yaml);
    const said = cs.row.revivesRepealed;
    out.push(
      source.problem(
        'REVIVES_REPEALED',
        `${next.question} was repealed from ${prev.validFrom} (${prev.repealed.basis}); a version from ${next.validFrom} brings it back${said ? ', as the change set says' : ''}`,
        ['valid_from'],
        said
          ? { warning: true, hint: 'The reviewer must check that the law really brings the question back.' }
          : { hint: 'If the law really brings the question back, say so: set revives_repealed on the change set.' },
      ),
    );
  }
  return out;
}

/** One case's result as the API shows it, with the published law's answer beside a failing one. */
export interface CaseOutcome {
  file: string;
  line: number;
  /** Its place in its file (0-based), to name it when accepting a new expectation. */
  index: number;
  name: string;
  question: string;
  date: string;
  passed: boolean;
  failures: string[];
  answer?: Answer;
  published_answer?: Answer;
}

/** What running a change set's tests shows: every case of the resulting law, and the changes no case shows. */
export interface TestRun {
  passed: number;
  failed: number;
  problems: Problem[];
  results: CaseOutcome[];
  raw: CaseResult[];
}

/**
 * Runs every test case of the resulting law (each question's, the shared acceptance cases, and the change set's
 * own): a change to a parameter or the catalogue reaches every question, so every case runs.
 */
export async function testChangeSet(db: Db, cs: ChangeSet, library: Library, published: Library): Promise<TestRun> {
  const tests = (await resultingFiles(db, cs)).filter((f) => classify(f.path) === 'tests');
  const { cases, problems } = parseCaseFiles(tests);
  const raw = await runCases(library, cases);
  const seen = new Map<string, number>();
  const results: CaseOutcome[] = [];
  for (const r of raw) {
    const index = seen.get(r.file) ?? 0;
    seen.set(r.file, index + 1);
    const passed = r.failures.length === 0;
    const out: CaseOutcome = {
      file: r.file,
      line: r.line,
      index,
      name: r.case.name,
      question: r.case.question,
      date: r.case.date,
      passed,
      failures: r.failures,
      ...(r.answer ? { answer: r.answer } : {}),
    };
    if (!passed) {
      const c = r.case;
      const before = await published
        .decide({ question: c.question, date: c.date, facts: c.facts, ...(c.version ? { version: c.version } : {}) })
        .catch(() => undefined);
      if (before) out.published_answer = before;
    }
    results.push(out);
  }
  const failed = results.filter((r) => !r.passed).length;
  return { passed: results.length - failed, failed, problems, results, raw };
}

/** The rules and dated values the change set changes that no passing case of the resulting law shows. */
export async function untestedOf(db: Db, cs: ChangeSet, run: TestRun, library: Library, published: Library): Promise<Untested[]> {
  const before = new Map((await currentFiles(db)).map((f) => [f.path, f.yaml]));
  const values = cs.files
    .filter((f) => classify(f.path) === 'parameters')
    .flatMap((f) => {
      const after = ParameterFile.safeParse(parseSource(f.path, f.yaml).value);
      if (!after.success) return [];
      const old = before.get(f.path);
      const was = old === undefined ? undefined : ParameterFile.safeParse(parseSource(f.path, old).value);
      return changedValues(was?.success ? was.data : undefined, after.data);
    });
  return untestedChanges({ versions: addedVersions(cs, library, published), values }, run.raw, published, library);
}
