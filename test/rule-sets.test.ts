import { describe, expect, it } from 'vitest';
import { coverage, failingSideUnreached, unreached } from '../src/cases/coverage.ts';
import { parseCaseFiles, runCases } from '../src/cases/run-cases.ts';
import { bundledLibrary, ruleSetCaseFiles, runFiles, sharedCaseFiles } from './rules-library.ts';

const library = bundledLibrary();
const { cases } = parseCaseFiles(ruleSetCaseFiles());

describe('every rule set’s own tests', () => {
  it('has cases for every question', () => {
    const tested = new Set(cases.map((c) => c.case.question));
    expect(library.questionIds().filter((q) => !tested.has(q))).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.file}:${c.line} ${c.case.name}`, c] as const))('%s', async (_name, c) => {
    const [result] = await runCases(library, [c]);
    expect(result?.failures).toEqual([]);
  });
});

describe('coverage by rule', () => {
  it('reaches every rule of every version with at least one case, and the failing side of every rule with else', async () => {
    const results = [...(await runCases(library, cases)), ...(await runFiles(library, sharedCaseFiles()))];
    const report = coverage(library, results);
    expect(unreached(report)).toEqual([]);
    expect(failingSideUnreached(report)).toEqual([]);
  });
});
