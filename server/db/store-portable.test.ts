import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

// The server's code runs on SQLite and on PostgreSQL: what only one of them has would pass on one and fail on the other.
const files = sources(SERVER).map((f) => ({ file: relative(SERVER, f), text: readFileSync(f, 'utf8') }));

describe('the server speaks to either database', () => {
  it("never runs a drizzle query with SQLite's synchronous .all(), .get(), .run() or .values(): it awaits it", () => {
    const offenders = files.flatMap((f) =>
      [...f.text.matchAll(/^.*\.(all|get|run|values)\(\)\s*[;.)]/gm)]
        // Maps' values(), a Hono context's c.get(), the law cache's get() are not queries.
        .filter(
          (m) => !/\b(map|set|seen|latest|byText|inFlight|active|cache|\w+Map)\.values\(\)|\bc\.get\(|\blaw\.get\(\)/i.test(m[0]),
        )
        .map((m) => `${f.file}: ${m[0].trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('uses no SQL function only SQLite knows, outside the dialect helpers', () => {
    const sqliteOnly = /\b(json_extract|instr|strftime|julianday|ifnull|group_concat|unixepoch|datetime)\s*\(|PRAGMA /i;
    const allowed = new Set(['db/raw.ts', 'db/schema.ts', 'db/schema-pg.ts', 'db/open.ts']);
    const offenders = files.filter((f) => !allowed.has(f.file) && sqliteOnly.test(f.text)).map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it("never reaches past the handle for drizzle's SQLite client ($client): the db folder holds what differs", () => {
    const offenders = files.filter((f) => f.file !== 'db/handle.ts' && /\$client\b/.test(f.text)).map((f) => f.file);
    expect(offenders).toEqual([]);
  });
});
