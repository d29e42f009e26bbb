// Defect 4 of issue 13: input that once made a 500 (facts nested deep, a YAML alias bomb) is a 4xx naming where.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from './db/raw.ts';
import { MAX_JSON_DEPTH, tooDeepAt } from './http/json-depth.ts';
import { createToken } from './store/people.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let editor: Auth;
let caseworker: Auth;

/** `{"a":{"a":…1…}}`, `depth` objects deep. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** The billion laughs in YAML: nine aliases of nine aliases of … of a list. */
const ALIAS_BOMB = `question: pai-referral
valid_from: 2030-01-01
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
`;

beforeAll(async () => {
  t = await testServer('bad-input');
  editor = { token: await createToken(t.server.db, { name: 'editor', role: 'editor' }) };
  caseworker = { token: await createToken(t.server.db, { name: 'caseworker', role: 'caseworker' }) };
});
afterAll(() => t?.close());

describe('JSON nested too deep', () => {
  it('is a 400 JSON_TOO_DEEP naming the field, for a fact nested 10,000 levels deep', async () => {
    const raw = `{"question":"pai-referral","date":"2014-09-15","facts":{"registered_unemployed":${nested(10_000)}}}`;
    const r = await t.api('POST', '/api/v1/decisions', { auth: caseworker, raw });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'JSON_TOO_DEEP', details: { max_depth: MAX_JSON_DEPTH } });
    expect(r.body.error.details.field).toMatch(/^facts\.registered_unemployed\.a\.a/);
  });

  it('is the same in a batch and in what-if, and nothing is stored', async () => {
    const deep = `{"question":"pai-referral","date":"2014-09-15","facts":{"x":${nested(5_000)}}}`;
    const batch = await t.api('POST', '/api/v1/decisions/batch', { auth: caseworker, raw: `{"requests":[${deep}]}` });
    expect(batch.body.error).toMatchObject({ code: 'JSON_TOO_DEEP' });
    expect(batch.body.error.details.field).toMatch(/^requests\.0\.facts\.x/);
    expect((await t.api('POST', '/api/v1/what-if', { auth: caseworker, raw: deep })).status).toBe(400);
    expect(await queryOne(t.server.db, 'SELECT count(*) AS n FROM decisions')).toEqual({ n: 0 });
  });

  it('accepts nesting up to the limit (a list of founders is far below it)', () => {
    expect(tooDeepAt(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBeUndefined();
    expect(tooDeepAt(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe('a.a.a.a.a.a.…');
    // Brackets inside strings are text, not nesting.
    expect(tooDeepAt(JSON.stringify({ note: '['.repeat(100), list: [[1], { k: '{{{' }] }), 3)).toBeUndefined();
    expect(tooDeepAt('[[[1]], [[[2]]]]', 3)).toBe('1.0.0');
  });
});

describe('a YAML alias bomb in a draft', () => {
  let id = '';
  beforeAll(async () => {
    const opened = await t.api('POST', '/api/v1/drafts', {
      auth: editor,
      body: { from: { question: 'pai-referral', version: '2019-06-15' } },
    });
    id = opened.body.id;
    const saved = await t.api('PUT', `/api/v1/drafts/${id}`, {
      auth: editor,
      body: { yaml: ALIAS_BOMB },
      headers: { 'if-match': opened.headers.get('etag') as string },
    });
    expect(saved.status).toBe(200);
  });

  it('is a problem at the alias’s line and column when validated, saved or typed', async () => {
    for (const [path, body] of [
      [`/api/v1/drafts/${id}/validate`, undefined],
      [`/api/v1/drafts/${id}/validate-text`, { yaml: ALIAS_BOMB }],
    ] as const) {
      const r = await t.api('POST', path, { auth: editor, body });
      expect(r.status, path).toBe(200);
      expect(r.body.valid).toBe(false);
      expect(r.body.problems[0]).toMatchObject({ code: 'YAML_SYNTAX', line: 6, col: 12 });
      expect(r.body.problems[0].message).toContain('alias bomb');
    }
  });

  it('is refused by the tests, submit (422 with the problem) and the diff, never a 500', async () => {
    const test = await t.api('POST', `/api/v1/drafts/${id}/test`, { auth: editor });
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ valid: false, problems: [{ code: 'YAML_SYNTAX', line: 6 }] });
    const submit = await t.api('POST', `/api/v1/drafts/${id}/submit`, { auth: editor });
    expect(submit.status).toBe(422);
    expect(submit.body.error).toMatchObject({ code: 'INVALID_DRAFT', details: [{ code: 'YAML_SYNTAX', line: 6, col: 12 }] });
    expect((await t.api('GET', `/api/v1/drafts/${id}/diff`, { auth: editor })).status).toBe(422);
    expect((await t.api('GET', `/api/v1/drafts/${id}/diff?against=in_force`, { auth: editor })).status).toBe(422);
  });
});
