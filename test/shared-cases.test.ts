import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseFiles, runCases } from '../src/cases/run-cases.ts';
import { bundledLibrary, sharedCaseFiles } from './rules-library.ts';

const SHARED = new URL('../../shared/spec/cases/', import.meta.url);
const COPY = new URL('./shared-cases/', import.meta.url);
const library = bundledLibrary();
const { cases } = parseCaseFiles(sharedCaseFiles());
const existing = new Set(library.questionIds());

describe('the shared acceptance cases (project copy)', () => {
  it.runIf(existsSync(SHARED))('the copy is identical to ../shared/spec/cases', () => {
    const names = readdirSync(SHARED)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(
      readdirSync(COPY)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(names);
    for (const n of names) expect(readFileSync(new URL(n, COPY), 'utf8'), n).toBe(readFileSync(new URL(n, SHARED), 'utf8'));
  });

  for (const c of cases) {
    // Cases of a question not built yet are skipped, and show as skipped: never counted as passing.
    it.skipIf(!existing.has(c.case.question))(`${c.file}:${c.line} ${c.case.name}`, async () => {
      const [result] = await runCases(library, [c]);
      expect(result?.failures).toEqual([]);
    });
  }
});
