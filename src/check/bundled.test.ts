import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, loadRulesDirOrThrow, readFiles, yamlFilesUnder } from '../adapters/fs/read-rules.ts';
import { formatProblem } from '../load/problem.ts';
import { checkLibraryReport } from './check-library.ts';

describe('the bundled rule sets under reintegra check', () => {
  it('are proven free of every finding but the one explained in its file, with nothing approximated or undecided', {
    timeout: 180_000,
  }, async () => {
    const report = await checkLibraryReport(loadRulesDirOrThrow(), { files: readFiles(yamlFilesUnder(BUNDLED_RULES_DIR)) });
    expect(report.versions.length).toBeGreaterThan(30);
    // The proposal keeps not_payable in precedence and results, though no rule of it decides not_payable any more:
    // explained in the file (UZS art. 15 ust. 7), so reported as accepted, not as a problem.
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.accepted.map((p) => `${p.file.replace(/^.*rules\//, 'rules/')} ${p.code}`)).toEqual([
      'rules/cis-benefit/proposals/flexible-absence.yaml UNREACHABLE_OUTCOME',
    ]);
    expect(report.accepted[0]?.because).toContain('UZS art. 15 ust. 7');
    expect(report.versions.flatMap((v) => v.approximations)).toEqual([]);
    expect(report.versions.flatMap((v) => v.undecided)).toEqual([]);
  });
});
