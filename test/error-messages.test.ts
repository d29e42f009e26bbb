import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pl } from '../admin-ui/src/shared/i18n/pl.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** The server's sources (not its tests): where error codes are raised. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(ROOT, dir, f), 'utf8'));
}

/** Every stable code the API can answer with: raised by routes, by the error envelope, and by decisions. */
function serverCodes(): string[] {
  const codes = new Set<string>();
  for (const text of sources('server')) {
    for (const m of text.matchAll(/ApiError\(\s*\d{3},\s*'([A-Z_]+)'/g)) codes.add(m[1] as string);
    for (const m of text.matchAll(/errorBody\(\s*'([A-Z_]+)'/g)) codes.add(m[1] as string);
    for (const m of text.matchAll(/errorBody\(\s*\w+\s*\?\s*'([A-Z_]+)'\s*:\s*'([A-Z_]+)'/g)) {
      codes.add(m[1] as string);
      codes.add(m[2] as string);
    }
  }
  const decision = readFileSync(join(ROOT, 'src/decide/decision-error.ts'), 'utf8');
  for (const m of decision.matchAll(/\|\s*'([A-Z_]+)'/g)) codes.add(m[1] as string);
  // Served as a page when there is no UI to show it.
  codes.delete('UI_NOT_BUILT');
  return [...codes].sort();
}

describe('the server’s error codes', () => {
  it('are found in the sources (so the check below checks something)', () => {
    expect(serverCodes()).toEqual(expect.arrayContaining(['FORBIDDEN', 'PARAMETER_NOT_IN_FORCE', 'STALE_DRAFT', 'INVALID_JSON']));
  });

  it('each have a message in the UI’s catalogue (English must match Polish key for key)', () => {
    const missing = serverCodes().filter((code) => !Object.hasOwn(pl, `error.${code}`));
    expect(missing).toEqual([]);
  });
});
