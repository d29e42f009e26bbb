import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/reintegra.js');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A rules folder with the bundled catalogue and one fixture of test/fixtures/check/ as its only rule set. */
function folderWith(fixture: string, as: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ri-check-')), 'rules');
  mkdirSync(join(dir, as, '..'), { recursive: true });
  for (const f of ['facts.yaml', 'questions.yaml', 'outcomes.yaml', 'parameters']) {
    cpSync(join(ROOT, 'rules', f), join(dir, f), { recursive: true });
  }
  cpSync(join(ROOT, 'test/fixtures/check', fixture), join(dir, as));
  return dir;
}

describe('reintegra check', { timeout: 120_000 }, () => {
  it('proves the versions of a question free of findings and exits 0', () => {
    const r = cli(['check', 'rules/pai-referral']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Checked 3 versions \(\d+ solver queries\) in [\d.]+ s: 0 errors, 0 warnings, 0 accepted\.$/m);
  });

  it('reports a shadowed rule at its line and column with example facts, and exits 1', () => {
    const dir = folderWith('shadowed-rule.yaml', 'cis-premia/2022-02-15.yaml');
    const r = cli(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('cis-premia/2022-02-15.yaml:39:11 SHADOWED_RULE: rule "far-over-cap" decides capped');
    expect(r.out).toMatch(
      /example: on 2022-\d\d-\d\d, facts \{"cis_period":"(trial|participation)","premia_requested_percent":\d+/,
    );
    expect(r.out).toMatch(/1 error, 0 warnings, 0 accepted\.$/m);
  });

  it('prints the report as JSON, each finding with its example as data', () => {
    const dir = folderWith('redundant-rule.yaml', 'pai-referral/2019-06-15.yaml');
    const r = cli(['check', '--json', dir]);
    expect(r.code).toBe(0); // a redundant rule is a warning
    const report = JSON.parse(r.out);
    expect(report.problems).toMatchObject([
      {
        code: 'REDUNDANT_RULE',
        severity: 'warning',
        line: 21,
        col: 11,
        example: { question: 'pai-referral', version: '2019-06-15', facts: { registered_unemployed: false } },
      },
    ]);
    expect(report.seconds).toBeGreaterThan(0);
  });
});
