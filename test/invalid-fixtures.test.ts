import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary, type RuleFile } from '../src/load/load-library.ts';
import { CHANGE_SET_CODES, formatProblem, PROBLEM_CODES } from '../src/load/problem.ts';

const FIXTURES = new URL('./fixtures/invalid/', import.meta.url);
const CATALOGUE = ['facts.yaml', 'questions.yaml', 'outcomes.yaml', 'parameters/pai.yaml', 'parameters/zasilek.yaml'];

/** The shared catalogue, read from the bundled rules/, which every fixture is checked against. */
function catalogue(except?: string): RuleFile[] {
  return CATALOGUE.filter((f) => `rules/${f}` !== except).map((f) => ({
    path: `rules/${f}`,
    text: readFileSync(new URL(`../rules/${f}`, import.meta.url), 'utf8'),
  }));
}

/** Each fixture says in its first lines what it must produce and under which path it is loaded. */
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .map((name) => {
    const text = readFileSync(new URL(name, FIXTURES), 'utf8');
    const [, code, line, col] = /^# expect: (\S+) (\d+):(\d+)/.exec(text) ?? [];
    const paths = [...(/^# loaded as: (.*)$/m.exec(text)?.[1] ?? '').matchAll(/rules\/\S+/g)].map((m) => m[0]);
    return { name, text, code: code as string, line: Number(line), col: Number(col), paths };
  });

describe('one invalid fixture per error kind', () => {
  it.each(fixtures)('$name reports $code at $line:$col', ({ text, code, line, col, paths }) => {
    const files = [...catalogue(paths[0]), ...paths.map((path) => ({ path, text }))];
    const { library, problems } = loadLibrary(files);
    expect(library).toBeUndefined();
    const expectedFile = paths[paths.length - 1];
    const found = problems.find((p) => p.code === code);
    expect(found, problems.map(formatProblem).join('\n')).toBeDefined();
    expect(found).toMatchObject({ file: expectedFile, line, col, severity: 'error' });
    expect(found?.message.length).toBeGreaterThan(10);
  });

  it('covers every error code the loader can emit', () => {
    const covered = new Set(fixtures.map((f) => f.code));
    const warningsOnly = new Set(['UNUSED_FACT']);
    // A change set's own codes are shown by server/change-sets.test.ts.
    const changeSetOnly = new Set(CHANGE_SET_CODES);
    expect(PROBLEM_CODES.filter((c) => !covered.has(c) && !warningsOnly.has(c) && !changeSetOnly.has(c))).toEqual([]);
  });

  it('prints the form an editor links to, with a suggestion', () => {
    const f = fixtures.find((x) => x.code === 'UNKNOWN_FACT');
    const { problems } = loadLibrary([...catalogue(), { path: 'rules/pai-referral/2019-06-15.yaml', text: f?.text ?? '' }]);
    const unknown = problems.find((p) => p.code === 'UNKNOWN_FACT');
    expect(unknown && formatProblem(unknown).split('\n')[0]).toBe(
      'rules/pai-referral/2019-06-15.yaml:16:37 UNKNOWN_FACT: "help_profil" is not a fact; did you mean "help_profile"?',
    );
  });

  it('reports every problem of a file, not only the first', () => {
    const text = readFileSync(new URL('unknown-fact.yaml', FIXTURES), 'utf8')
      .replace('else: not_eligible', 'else: not_eligable')
      .replace('basis: UPZ art. 62a ust. 2\n    when: receives', 'basis: UPZ art. 62a ust. 2\n    wehn: x\n    when: receives');
    const { problems } = loadLibrary([...catalogue(), { path: 'rules/pai-referral/2019-06-15.yaml', text }]);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.code).sort()).toEqual(['UNKNOWN_FACT', 'UNKNOWN_KEY', 'UNKNOWN_OUTCOME']);
  });

  it('warns, without failing, about a listed fact no rule reads', () => {
    const text = readFileSync(new URL('unknown-outcome.yaml', FIXTURES), 'utf8')
      .replace('else: not_eligable', 'else: not_eligible')
      .replace('facts: [', 'facts: [zasilek_entitled, ');
    const { library, problems } = loadLibrary([...catalogue(), { path: 'rules/pai-referral/2019-06-15.yaml', text }]);
    expect(library).toBeDefined();
    expect(problems).toMatchObject([{ code: 'UNUSED_FACT', severity: 'warning', line: 10 }]);
  });
});
