// Defect 4 of issue 13, as a property: whatever is sent to any route of the OpenAPI document, no answer is a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createToken } from './store/people.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is read as plain JSON.
type Json = any;

/** Requests per route taking a body, per route with parameters, per route with neither: about 350 in all. */
const RUNS = { body: 16, params: 8, plain: 3 };
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_015);

let t: TestServer;
let doc: Json;
const auths: Auth[] = [];
const known = { id: [] as string[], question: ['pai-referral', 'cis-benefit'], version: ['2014-05-27', 'flexible-absence'] };
let factNames: string[] = [];

/** Strings known to break parsers and checkers: an alias bomb, prototype keys, a long text, control and astral characters. */
const NASTY = [
  'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
  'question: [unclosed\n  - : :',
  'a: *nowhere\n',
  '__proto__',
  'constructor',
  'a'.repeat(5000),
  '\u0000\u0007\ud800',
  '𝕏🙂',
  '1e309',
  "'; DROP TABLE users; --",
  '../../../etc/passwd',
];
/** Stands for a value nested thousands deep, spliced into a body's text (an object that deep cannot be stringified). */
const DEEP = '__deep__';
const PERSON = { registered_unemployed: true, help_profile: 'III', receives_social_assistance: true, social_contract: 'active' };
const ASK = { question: 'pai-referral', date: '2014-09-15', facts: PERSON };

/** Valid bodies of the routes, to mutate: requests that reach deep into a handler before a mutation breaks them. */
const SEEDS: Record<string, unknown[]> = {
  'POST /api/v1/decisions': [
    ASK,
    { ...ASK, question: 'cis-benefit', date: '2025-10-15', facts: { cis_period: 'participation' } },
  ],
  'POST /api/v1/decisions/batch': [{ requests: [ASK, ASK] }],
  'POST /api/v1/what-if': [ASK],
  'POST /api/v1/next-questions': [ASK, { question: 'cis-benefit', date: '2024-07-15', facts: {}, lang: 'en' }],
  'POST /api/v1/session': [{ name: 'fuzzed', password: 'a-long-enough-password' }],
  'POST /api/v1/users': [{ name: 'newcomer', role: 'caseworker', password: 'a-long-enough-password', office: 'PUP Kraków' }],
  'PATCH /api/v1/users/{id}': [{ office: 'PUP Tarnów' }, { role: 'analyst' }],
  'POST /api/v1/drafts': [{ from: { question: 'pai-referral', version: '2019-06-15' } }, { parameters: 'zasilek' }],
  'PUT /api/v1/drafts/{id}': [{ yaml: 'question: pai-referral\n' }],
  'POST /api/v1/drafts/{id}/validate-text': [{ yaml: 'question: pai-referral\nvalid_from: 2030-01-01\n' }],
  'POST /api/v1/drafts/{id}/publish': [{ valid_from: '2030-01-01' }],
  'POST /api/v1/drafts/{id}/reject': [{ comment: 'no' }],
  'POST /api/v1/simulations': [
    {
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      population: { generate: { size: 50, seed: 1 } },
    },
    {
      question: 'cis-benefit',
      date: '2025-10-15',
      proposal: 'flexible-absence',
      population: { format: 'csv', content: 'cis_period\ntrial\n' },
    },
  ],
};

beforeAll(async () => {
  t = await testServer('fuzz', { WORKER_THREADS: '1', BODY_LIMIT_BYTES: '300000', UPLOAD_LIMIT_BYTES: '100000' });
  const admin = { token: await createToken(t.server.db, { name: 'fuzz-admin', role: 'admin' }) };
  auths.push(admin, admin, admin, { token: await createToken(t.server.db, { name: 'fuzz-analyst', role: 'analyst' }) });
  await addUser(t.server.db, { name: 'fuzzed', role: 'caseworker', password: 'a-long-enough-password' });
  // Real ids, so that fuzzed requests reach past the 404 of an unknown id.
  const draft = await t.api('POST', '/api/v1/drafts', {
    auth: admin,
    body: { from: { question: 'pai-referral', version: '2019-06-15' } },
  });
  const decision = await t.api('POST', '/api/v1/decisions', { auth: admin, body: ASK });
  const users = (await t.api('GET', '/api/v1/users', { auth: admin })).body.users as { id: string }[];
  known.id.push(draft.body.id, draft.body.id, decision.body.receipt.id, ...users.map((u) => u.id));
  factNames = Object.keys((await t.api('GET', '/api/v1/catalogue', { auth: admin })).body.facts ?? {});
  expect(factNames.length).toBeGreaterThan(10);
  doc = (await t.api('GET', '/api/openapi.json')).body;
});
afterAll(() => t?.close());

/** Resolves a `$ref` into the document's components. */
const deref = (s: Json): Json => (s?.$ref ? deref(doc.components.schemas[String(s.$ref).split('/').pop() as string]) : s);

/** Values that roughly fit a schema (types, enums, required keys, its examples), for routes without a seed. */
function fitting(schema: Json, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(schema) ?? {};
  if (depth > 4) return fc.constant(null);
  if (s.example !== undefined) return fc.constant(s.example);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a: Json) => fitting(a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((x: string) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...known.question, ...known.version, ...known.id));
    case 'integer':
    case 'number':
      // Capped at 1000 above the minimum, not at 1000 itself: a field may start higher (a year from 1900).
      return fc.integer({ min: s.minimum ?? -5, max: Math.min(s.maximum ?? 1000, Math.max(1000, (s.minimum ?? 0) + 1000)) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fitting(s.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) props[k] = fitting(v, depth + 1);
      const required = ((s.required ?? []) as string[]).filter((k) => k in props);
      return Object.keys(props).length
        ? fc.record(props, { requiredKeys: required })
        : fc.dictionary(fc.constantFrom(...factNames), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every path to a value inside `v` (the root included), so that a mutation may strike anywhere. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const own = [at];
  if (v === null || typeof v !== 'object') return own;
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [...own, ...entries.flatMap(([k, x]) => paths(x, [...at, k]))];
}

type Mutation = { kind: 'delete' } | { kind: 'set'; value: unknown } | { kind: 'add'; key: string; value: unknown };

/** A copy of `v` with the mutation applied at `path`. */
function mutated(v: unknown, path: (string | number)[], m: Mutation): unknown {
  if (path.length === 0) {
    if (m.kind === 'set') return m.value;
    if (m.kind === 'add' && v !== null && typeof v === 'object' && !Array.isArray(v)) return { ...v, [m.key]: m.value };
    return m.kind === 'delete' ? undefined : v;
  }
  if (v === null || typeof v !== 'object') return v;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(v)) {
    const list = [...v];
    if (rest.length === 0 && m.kind === 'delete') list.splice(head as number, 1);
    else list[head as number] = mutated(list[head as number], rest, m);
    return list;
  }
  const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  if (rest.length === 0 && m.kind === 'delete') {
    delete copy[head];
    return copy;
  }
  copy[head] = mutated(copy[head], rest, m);
  return copy;
}

/** What a mutation puts somewhere: something nested thousands deep, a nasty string, any JSON, a wrong type. */
const junk = fc.oneof(
  { arbitrary: fc.constant(DEEP), weight: 3 },
  { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, '', [], {}, null, true), weight: 2 },
);

/** A mutation: delete a value, set it to junk, or add a key (a fact's name, often). Built once the facts are known. */
const mutation = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { arbitrary: fc.constant({ kind: 'delete' as const }), weight: 1 },
    { arbitrary: junk.map((value) => ({ kind: 'set' as const, value })), weight: 5 },
    {
      arbitrary: fc
        .tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...factNames)), junk)
        .map(([key, value]) => ({ kind: 'add' as const, key, value })),
      weight: 2,
    },
  );

/** A body as text: a seed or a fitting value, mutated once or twice, or any JSON, or not JSON at all. */
function body(route: string, schema: Json): fc.Arbitrary<string> {
  const base = SEEDS[route] ? fc.oneof(fc.constantFrom(...SEEDS[route]), fitting(schema)) : fitting(schema);
  const once = fc.tuple(base, fc.nat(), mutation()).map(([v, pick, m]) => {
    const all = paths(v);
    return mutated(v, all[pick % all.length] as (string | number)[], m);
  });
  const twice = fc.tuple(once, fc.nat(), mutation()).map(([v, pick, m]) => {
    const all = paths(v);
    return mutated(v, all[pick % all.length] as (string | number)[], m);
  });
  const deep = (d: number) => `${'{"x":['.repeat(d)}1${']}'.repeat(d)}`;
  const text = (v: unknown, d: number) => (JSON.stringify(v) ?? '').replace(`"${DEEP}"`, deep(d));
  return fc.oneof(
    { arbitrary: base.map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: fc.tuple(once, fc.integer({ min: 3_000, max: 20_000 })).map(([v, d]) => text(v, d)), weight: 5 },
    { arbitrary: fc.tuple(twice, fc.integer({ min: 3_000, max: 20_000 })).map(([v, d]) => text(v, d)), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  );
}

/** A path or query value: a known one, any string, or one that fits its schema. */
function param(name: string, schema: Json): fc.Arbitrary<string> {
  const named = (known as Record<string, string[]>)[name] ?? [];
  return fc.oneof(
    ...(named.length ? [{ arbitrary: fc.constantFrom(...named), weight: 3 }] : []),
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
    { arbitrary: fc.constantFrom(...NASTY), weight: 1 },
    { arbitrary: fitting(schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), weight: 1 },
  );
}

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );

describe('fuzzing every route of the OpenAPI document', () => {
  it('never answers 5xx to random, mutated or malformed requests', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(30);
    let sent = 0;
    let planned = 0;
    for (const { method, path, op } of ops) {
      const params = (op.parameters ?? []) as { name: string; in: string; schema: Json }[];
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      const runs = type ? RUNS.body : params.length ? RUNS.params : RUNS.plain;
      planned += runs;
      const queryNames = [...params.filter((p) => p.in === 'query').map((p) => p.name), 'x'];
      const request = fc.record({
        path: fc.tuple(...params.filter((p) => p.in === 'path').map((p) => param(p.name, p.schema)), fc.constant('')),
        query: fc.array(
          fc.tuple(fc.constantFrom(...queryNames), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...NASTY))),
          {
            maxLength: 3,
          },
        ),
        body: type
          ? type === 'application/json'
            ? body(`${method} ${path}`, content[type].schema)
            : fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom(...NASTY))
          : fc.constant(undefined),
        auth: fc.nat(auths.length),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let i = 0;
          // A lone surrogate cannot be written in a URL at all (encodeURIComponent throws): a client sends U+FFFD.
          const wellFormed = (v: string) =>
            v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
          const url = path.replace(/\{[^}]+\}/g, () => encodeURIComponent(wellFormed(r.path[i++] ?? '')));
          const query = new URLSearchParams(r.query).toString();
          const reply = await t.api(method, `${url}${query ? `?${query}` : ''}`, {
            ...(r.body === undefined ? {} : { raw: r.body }),
            headers: { 'content-type': type ?? 'application/json' },
            ...(r.auth < auths.length ? { auth: auths[r.auth] as Auth } : {}),
          });
          sent++;
          if (reply.status >= 500)
            throw new Error(
              `${method} ${url}?${query} answered ${reply.status} to ${(r.body ?? '').slice(0, 300)}: ${reply.text.slice(0, 300)}`,
            );
        }),
        { numRuns: runs, seed: SEED, endOnFailure: true },
      );
    }
    expect(sent).toBe(planned);
    expect(sent).toBeGreaterThan(250);
  }, 120_000);
});
