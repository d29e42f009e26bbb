import { DecisionError } from '../decide/decision-error.ts';
import type { Library } from '../library.ts';
import type { RuleFile } from '../load/load-library.ts';
import type { Problem } from '../load/problem.ts';
import { schemaProblems } from '../load/schema-problems.ts';
import { parseSource } from '../load/yaml-source.ts';
import type { Answer } from '../schema/answer.ts';
import { type TestCase, TestCaseFile } from '../schema/test-case.ts';

/** A case with where it was written. */
export interface LocatedCase {
  file: string;
  line: number;
  case: TestCase;
}

/** The result of one case: what failed (empty when it passed) and the answer it got. */
export interface CaseResult extends LocatedCase {
  failures: string[];
  answer?: Answer;
  /** The parameters the evaluation read (their values in force on the case's date). */
  parametersRead?: string[];
}

/** Reads case files (contract.md §4); a file that is not a list of cases is a problem, not a silent skip. */
export function parseCaseFiles(files: readonly RuleFile[]): { cases: LocatedCase[]; problems: Problem[] } {
  const cases: LocatedCase[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const source = parseSource(f.path, f.text);
    problems.push(...source.problems);
    if (source.problems.length) continue;
    const parsed = TestCaseFile.safeParse(source.value ?? []);
    if (!parsed.success) {
      problems.push(...schemaProblems(source, parsed.error.issues));
      continue;
    }
    parsed.data.forEach((c, i) => {
      cases.push({ file: f.path, line: source.at([i]).line, case: c });
    });
  }
  return { cases, problems };
}

/** Runs every case against the library; only what a case names is checked. */
export async function runCases(library: Library, cases: readonly LocatedCase[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const located of cases) {
    const c = located.case;
    try {
      let parametersRead: string[] = [];
      const answer = await library.decide(
        { question: c.question, date: c.date, facts: c.facts, ...(c.version ? { version: c.version } : {}) },
        { parametersRead: (ids) => (parametersRead = [...ids].sort()) },
      );
      results.push({ ...located, failures: compareAnswer(c.expect, answer), answer, parametersRead });
    } catch (e) {
      const message = e instanceof DecisionError ? `${e.code}: ${e.message}` : String(e);
      results.push({ ...located, failures: [`error ${message}`] });
    }
  }
  return results;
}

/** What differs between an expectation and an answer, one sentence each. */
export function compareAnswer(expect: TestCase['expect'], answer: Answer): string[] {
  const out: string[] = [];
  if (expect.outcome !== undefined && expect.outcome !== answer.outcome) {
    out.push(`outcome: expected ${expect.outcome}, got ${answer.outcome}`);
  }
  if (expect.version !== undefined && expect.version !== answer.ruleset.version) {
    out.push(`version: expected ${expect.version}, got ${answer.ruleset.version ?? 'none in force'}`);
  }
  for (const [name, want] of Object.entries(expect.amounts ?? {})) {
    const got = answer.amounts[name];
    if (got === undefined || Math.abs(got - want) > 0.005 + 1e-9)
      out.push(`amounts.${name}: expected ${want}, got ${got ?? 'nothing'}`);
  }
  for (const [name, want] of Object.entries(expect.values ?? {})) {
    const got = answer.values[name];
    if (!sameValue(want, got))
      out.push(`values.${name}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got) ?? 'nothing'}`);
  }
  for (const basis of expect.basis ?? []) {
    if (!answer.reasons.some((r) => r.basis.includes(basis))) {
      out.push(`basis: expected "${basis}" among [${answer.reasons.map((r) => r.basis).join('; ')}]`);
    }
  }
  if (expect.missing && !sameValue(expect.missing, answer.missing)) {
    out.push(`missing: expected ${JSON.stringify(expect.missing)}, got ${JSON.stringify(answer.missing)}`);
  }
  if (expect.caveats) {
    const codes = answer.caveats.map((c) => c.code);
    if (!sameValue(expect.caveats, codes))
      out.push(`caveats: expected ${JSON.stringify(expect.caveats)}, got ${JSON.stringify(codes)}`);
  }
  for (const rule of expect.rules ?? []) {
    const ids = answer.reasons.map((r) => r.rule);
    if (!ids.some((id) => id === rule || id.endsWith(`.${rule}`))) out.push(`rules: expected ${rule} among [${ids.join(', ')}]`);
  }
  return out;
}

/** Equality where lists compare as sets (contract.md §4) and numbers by value. */
function sameValue(want: unknown, got: unknown): boolean {
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return false;
    return want.every((w) => got.some((g) => sameValue(w, g))) && got.every((g) => want.some((w) => sameValue(w, g)));
  }
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object') return false;
    const keys = new Set([...Object.keys(want), ...Object.keys(got as object)]);
    return [...keys].every((k) => sameValue((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k]));
  }
  return want === got;
}
