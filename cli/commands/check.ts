import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readFiles, yamlFilesUnder } from '../../src/adapters/fs/read-rules.ts';
import { type CheckReport, checkLibraryReport } from '../../src/check/check-library.ts';
import { loadLibrary, type RuleFile } from '../../src/load/load-library.ts';
import { formatProblem, hasErrors } from '../../src/load/problem.ts';
import { CliError, printProblems } from '../io.ts';
import { describeSource, lawFiles, lawSource } from '../rules-option.ts';
import { rootOf } from './validate.ts';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'Prove with a solver which rules can never apply, never matter or add nothing, and which outcomes no facts reach; exit 1 on an error',
    )
    .argument('[paths...]', 'rule-set files or folders inside a rules folder (default: the law read, from --rules or --database)')
    .option('--json', 'print the report as JSON')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const started = performance.now();
      const groups = paths.length ? byRoot(paths) : [{ files: await lawFiles(program), within: [] as string[] }];
      const report: CheckReport = { problems: [], accepted: [], versions: [] };
      for (const { files, within } of groups) {
        const { library, problems } = loadLibrary(files);
        if (!library) {
          printProblems(problems);
          const where = paths.length ? paths.join(', ') : describeSource(lawSource(program));
          throw new CliError(`the rules in ${where} do not load: run "reintegra validate" for details`);
        }
        const inside = (file: string) => within.length === 0 || within.some((w) => resolve(file).startsWith(w));
        const part = await checkLibraryReport(library, { files, only: (ir) => inside(ir.file) });
        report.problems.push(...part.problems);
        report.accepted.push(...part.accepted);
        report.versions.push(...part.versions);
      }
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(opts.json ? `${JSON.stringify({ ...report, seconds }, null, 2)}\n` : formatReport(report, seconds));
      if (hasErrors(report.problems)) process.exitCode = 1;
    });
}

/** Files or folders given on the command line, grouped by the rules folder that holds them (its catalogue is needed). */
function byRoot(paths: string[]): { files: RuleFile[]; within: string[] }[] {
  const roots = new Map<string, string[]>();
  for (const p of paths) {
    const root = rootOf(p) ?? resolve(p);
    roots.set(root, [...(roots.get(root) ?? []), resolve(p)]);
  }
  return [...roots].map(([root, within]) => ({ files: readFiles(yamlFilesUnder(root)), within }));
}

function formatReport(report: CheckReport, seconds: number): string {
  const lines: string[] = report.problems.map(formatProblem);
  for (const a of report.accepted) lines.push(`accepted: ${formatProblem(a)}\n    because: ${a.because}`);
  for (const v of report.versions) {
    for (const a of v.approximations) {
      lines.push(
        `note: ${v.file}: ${a.expression} (${a.at}) is treated as a free value: ${a.reason}; a finding it hides is not reported`,
      );
    }
    for (const u of v.undecided) lines.push(`note: ${v.file}: undecided: ${u}`);
  }
  const count = (severity: 'error' | 'warning') => {
    const n = report.problems.filter((p) => p.severity === severity).length;
    return `${n} ${severity}${n === 1 ? '' : 's'}`;
  };
  const queries = report.versions.reduce((n, v) => n + v.queries, 0);
  lines.push(
    `Checked ${report.versions.length} versions (${queries} solver queries) in ${seconds.toFixed(1)} s: ` +
      `${count('error')}, ${count('warning')}, ${report.accepted.length} accepted.`,
  );
  return `${lines.join('\n')}\n`;
}
