import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Module specifiers a file imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
}

const files = sources(SRC).map((f) => ({ file: relative(SRC, f), imports: importsOf(f) }));

describe('architecture', () => {
  it('has exactly one module importing json-rules-engine', () => {
    expect(files.filter((f) => f.imports.includes('json-rules-engine')).map((f) => f.file)).toEqual([
      'engine/json-rules-engine.ts',
    ]);
  });

  it('keeps the core free of HTTP, databases and the file system (one adapter folder aside)', () => {
    const forbidden = /^(node:)?(fs|fs\/promises|http|https|net|child_process)$|^(hono|drizzle-orm|better-sqlite3)(\/|$)/;
    const offenders = files
      .filter((f) => !f.file.startsWith('adapters/'))
      .flatMap((f) => f.imports.filter((i) => forbidden.test(i)).map((i) => `${f.file} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('never turns text into code, except the compiler, which emits code from the validated intermediate form only', () => {
    const offenders = files
      .filter((f) => /\bnew Function\(|\beval\(/.test(readFileSync(join(SRC, f.file), 'utf8')))
      .map((f) => f.file);
    expect(offenders).toEqual(['compile/compile.ts']);
  });
});
