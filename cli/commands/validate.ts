import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadRulesDir, readFiles, yamlFilesUnder } from '../../src/adapters/fs/read-rules.ts';
import { parseCaseFiles } from '../../src/cases/run-cases.ts';
import { classify } from '../../src/load/load-library.ts';
import { hasErrors } from '../../src/load/problem.ts';
import { CliError, printProblems } from '../io.ts';
import { rulesDir } from '../rules-option.ts';

/** The rules root that holds `path`: the nearest folder upwards with a facts.yaml. */
export function rootOf(path: string): string | undefined {
  let dir = resolve(path);
  if (!existsSync(join(dir, 'facts.yaml'))) dir = dirname(dir);
  for (;;) {
    if (existsSync(join(dir, 'facts.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check rule sets, parameters and their test cases; print every problem with file:line:col')
    .argument('[paths...]', 'files or folders inside a rules folder (default: the whole rules folder)')
    .action((paths: string[]) => {
      const targets = paths.length ? paths : [rulesDir(program)];
      const roots = new Set(targets.map((p) => rootOf(p) ?? resolve(p)));
      const within = targets.map((p) => resolve(p));
      let errors = false;
      let files = 0;
      for (const root of roots) {
        const { problems } = loadRulesDir(root);
        const caseFiles = readFiles(yamlFilesUnder(root).filter((f) => classify(f) === 'tests'));
        const all = [...problems, ...parseCaseFiles(caseFiles).problems].filter((p) =>
          within.some((w) => resolve(p.file).startsWith(w)),
        );
        printProblems(all);
        errors ||= hasErrors(all);
        files += yamlFilesUnder(root).filter((f) => within.some((w) => resolve(f).startsWith(w))).length;
      }
      if (errors) throw new CliError('validation failed');
      process.stdout.write(`${files} files valid\n`);
    });
}
