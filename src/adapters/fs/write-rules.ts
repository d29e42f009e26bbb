// Writes files of the law to a folder, the other way of read-rules.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RuleFile } from '../../load/load-library.ts';

/** Writes each file under `dir` (paths relative to it), leaving identical files untouched; returns what changed. */
export function writeRulesDir(dir: string, files: readonly RuleFile[]): { written: string[]; unchanged: string[] } {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const f of files) {
    const target = join(dir, f.path);
    if (existsSync(target) && readFileSync(target, 'utf8') === f.text) {
      unchanged.push(f.path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text);
    written.push(f.path);
  }
  return { written, unchanged };
}
