import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { createToken } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ri-drafts-'));
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: join(dir, 'reintegra.db'),
  PORT: '0',
  ADMIN_PASSWORD: 'a-long-admin-password',
  LOG_REQUESTS: 'false',
});
let server: RunningServer;
const t: Record<string, string> = {};

async function api(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), body: text ? JSON.parse(text) : undefined };
}

const V2014 = readFileSync('rules/pai-referral/2014-05-27.yaml', 'utf8');
const V2019 = readFileSync('rules/pai-referral/2019-06-15.yaml', 'utf8');
const PERSON = { registered_unemployed: true, receives_social_assistance: true, zasilek_entitled: true };

beforeAll(async () => {
  server = await startServer(env, () => {});
  for (const [name, role] of [
    ['editor', 'editor'],
    ['editor2', 'editor'],
    ['reviewer', 'reviewer'],
    ['analyst', 'analyst'],
    ['caseworker', 'caseworker'],
    ['admin', 'admin'],
  ] as const) {
    t[name] = await createToken(server.db, { name, role });
  }
});
afterAll(async () => server?.close());

describe('draft → validate → test → submit → publish', () => {
  let id = '';
  let etag = '';

  it('opens a draft from a published version, with an ETag', async () => {
    const r = await api('POST', '/api/v1/drafts', t.editor as string, {
      from: { question: 'pai-referral', version: '2019-06-15' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ question: 'pai-referral', status: 'draft', revision: 1, yaml: V2019 });
    id = r.body.id;
    etag = r.etag as string;
    expect(etag).toBe('"1"');
  });

  it('shows a broken rule with its line and column', async () => {
    const broken = V2019.replace('valid_from: 2019-06-15', 'valid_from: 2022-01-01').replace(
      'when: receives_social_assistance',
      'when: receives_social_asistance',
    );
    const saved = await api('PUT', `/api/v1/drafts/${id}`, t.editor as string, { yaml: broken }, { 'if-match': etag });
    expect(saved.status).toBe(200);
    etag = saved.etag as string;
    const v = await api('POST', `/api/v1/drafts/${id}/validate`, t.editor as string);
    expect(v.body.valid).toBe(false);
    const line = broken.split('\n').findIndex((l) => l.includes('receives_social_asistance')) + 1;
    expect(v.body.problems[0]).toMatchObject({
      code: 'UNKNOWN_FACT',
      line,
      col: 11,
      message: expect.stringContaining('did you mean "receives_social_assistance"'),
    });
    expect((await api('POST', `/api/v1/drafts/${id}/submit`, t.editor as string)).status).toBe(422);
  });

  it('validates unsaved text as an editor types, saving nothing', async () => {
    const saved = await api('GET', `/api/v1/drafts/${id}`, t.editor as string);
    const typed = (saved.body.yaml as string).replace('receives_social_asistance', 'receives_social_assistance');
    const v = await api('POST', `/api/v1/drafts/${id}/validate-text`, t.editor as string, { yaml: typed });
    expect(v.status).toBe(200);
    expect(v.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    // The saved draft is unchanged: still broken.
    const after = await api('POST', `/api/v1/drafts/${id}/validate`, t.editor as string);
    expect(after.body.valid).toBe(false);
    expect((await api('GET', `/api/v1/drafts/${id}`, t.editor as string)).body.revision).toBe(saved.body.revision);
  });

  it('refuses a stale save with 409, showing the newer text, and loses nothing', async () => {
    const fixed = V2019.replace('valid_from: 2019-06-15', 'valid_from: 2022-01-01').replace(
      'Osoba ma prawo do zasiłku, więc blok prac społecznie użytecznych nie jest dla niej dostępny; skierowanie do PAI jest możliwe.',
      'Osoba ma prawo do zasiłku, więc bez bloku PSU (art. 73a ust. 1).',
    );
    const first = await api('PUT', `/api/v1/drafts/${id}`, t.editor as string, { yaml: fixed }, { 'if-match': etag });
    expect(first.status).toBe(200);
    const stale = await api(
      'PUT',
      `/api/v1/drafts/${id}`,
      t.editor2 as string,
      { yaml: `${fixed}\n# mine` },
      { 'if-match': etag },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'STALE_DRAFT', details: { yaml: fixed, revision: 3 } });
    expect((await api('GET', `/api/v1/drafts/${id}`, t.editor as string)).body.yaml).toBe(fixed);
    expect((await api('PUT', `/api/v1/drafts/${id}`, t.editor as string, { yaml: fixed })).body.error.code).toBe(
      'MISSING_IF_MATCH',
    );
    etag = first.etag as string;
  });

  it('runs the rule set’s own tests and the shared cases', async () => {
    const r = await api('POST', `/api/v1/drafts/${id}/test`, t.editor as string);
    expect(r.body).toMatchObject({ valid: true, failed: 0 });
    expect(r.body.passed).toBeGreaterThan(30);
    expect(r.body.results.some((x: { file: string }) => x.file.startsWith('rules/shared-cases/'))).toBe(true);
  });

  it('lets a reviewer run the tests before approving, and nobody else who may not draft', async () => {
    const r = await api('POST', `/api/v1/drafts/${id}/test`, t.reviewer as string);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ valid: true, failed: 0 });
    const refused = await api('POST', `/api/v1/drafts/${id}/test`, t.caseworker as string);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('the role caseworker may not draft or review');
  });

  it('submits; the author may not approve, a reviewer publishes with its valid_from', async () => {
    const earlier = await api('POST', '/api/v1/decisions', t.caseworker as string, {
      question: 'pai-referral',
      date: '2022-03-01',
      facts: PERSON,
    });
    expect(earlier.body.ruleset.version).toBe('2019-06-15');
    expect((await api('POST', `/api/v1/drafts/${id}/submit`, t.editor as string)).body.status).toBe('submitted');
    expect((await api('POST', `/api/v1/drafts/${id}/publish`, t.editor as string, { valid_from: '2022-01-01' })).status).toBe(
      403,
    );
    const r = await api('POST', `/api/v1/drafts/${id}/publish`, t.reviewer as string, { valid_from: '2022-01-01' });
    expect(r.status).toBe(200);
    expect(r.body.published).toMatchObject({ path: 'rules/pai-referral/2022-01-01.yaml', revision: 1 });
    const after = await api('POST', '/api/v1/decisions', t.caseworker as string, {
      question: 'pai-referral',
      date: '2022-01-01',
      facts: PERSON,
    });
    const before = await api('POST', '/api/v1/decisions', t.caseworker as string, {
      question: 'pai-referral',
      date: '2021-12-31',
      facts: PERSON,
    });
    expect(after.body.ruleset.version).toBe('2022-01-01');
    expect(after.body.reasons.map((r: { text: { pl: string } }) => r.text.pl)).toContain(
      'Osoba ma prawo do zasiłku, więc bez bloku PSU (art. 73a ust. 1).',
    );
    expect(before.body.ruleset.version).toBe('2019-06-15');
    const replay = await api('POST', `/api/v1/decisions/${earlier.body.receipt.id}/replay`, t.caseworker as string);
    expect(replay.body).toMatchObject({
      changed: true,
      original: { ruleset: { version: '2019-06-15' } },
      replay: { ruleset: { version: '2022-01-01' } },
    });
    expect((await api('PUT', `/api/v1/drafts/${id}`, t.editor as string, { yaml: 'x' }, { 'if-match': '"4"' })).status).toBe(409);
  });

  it('refuses an admin approving their own draft', async () => {
    const d = await api('POST', '/api/v1/drafts', t.admin as string, { parameters: 'pai' });
    await api('POST', `/api/v1/drafts/${d.body.id}/submit`, t.admin as string);
    const r = await api('POST', `/api/v1/drafts/${d.body.id}/publish`, t.admin as string, {});
    expect(r).toMatchObject({ status: 403, body: { error: { code: 'OWN_DRAFT' } } });
  });
});

describe('refusals and proposals', () => {
  it('refuses to submit a change set whose test fails, naming the case; a rejection carries the comment to the author', async () => {
    const d = await api('POST', '/api/v1/drafts', t.editor as string, {
      from: { question: 'pai-referral', version: '2019-06-15' },
    });
    const changed = V2019.replace('valid_from: 2019-06-15', 'valid_from: 2020-01-01').replace(
      'months_left: pai.total_months - months_after_edition',
      'months_left: 1',
    );
    const saved = await api(
      'PUT',
      `/api/v1/drafts/${d.body.id}`,
      t.editor as string,
      { yaml: changed },
      { 'if-match': d.etag as string },
    );
    const refused = await api('POST', `/api/v1/drafts/${d.body.id}/submit`, t.editor as string);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('TESTS_FAIL');
    expect(refused.body.error.details.cases.length).toBeGreaterThan(0);
    const first = refused.body.error.details.cases[0].name as string;
    expect(refused.body.error.details.text.pl).toContain(`„${first}”`);
    expect(refused.body.error.details.text.en).toContain(`"${first}"`);
    expect((await api('GET', `/api/v1/drafts/${d.body.id}`, t.editor as string)).body.status).toBe('draft');
    expect(
      (await api('GET', '/api/v1/questions/pai-referral/versions', t.editor as string)).body.versions.map(
        (v: { version: string }) => v.version,
      ),
    ).not.toContain('2020-01-01');
    // A change the tests accept may still be refused by the reviewer, who says why.
    const back = V2019.replace('valid_from: 2019-06-15', 'valid_from: 2020-01-01');
    await api('PUT', `/api/v1/drafts/${d.body.id}`, t.editor as string, { yaml: back }, { 'if-match': saved.etag as string });
    expect((await api('POST', `/api/v1/drafts/${d.body.id}/submit`, t.editor as string)).body.status).toBe('submitted');
    const rejected = await api('POST', `/api/v1/drafts/${d.body.id}/reject`, t.reviewer as string, {
      comment: 'months_left must follow art. 62b ust. 2',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', comment: 'months_left must follow art. 62b ust. 2' });
    expect((await api('GET', `/api/v1/drafts/${d.body.id}`, t.editor as string)).body.comment).toBe(
      'months_left must follow art. 62b ust. 2',
    );
  });

  it('evaluates a proposal by its id for analysts, never publishes it, and refuses caseworkers', async () => {
    const base = readFileSync('rules/unemployment-benefit/2025-06-01.yaml', 'utf8');
    const d = await api('POST', '/api/v1/drafts', t.editor as string, {
      from: { question: 'unemployment-benefit', version: '2025-06-01' },
      proposal: true,
    });
    const proposal = base.replace('amounts: { monthly_amount: base_amount }', 'amounts: { monthly_amount: "base_amount + 100" }');
    expect(proposal).not.toBe(base);
    const saved = await api(
      'PUT',
      `/api/v1/drafts/${d.body.id}`,
      t.editor as string,
      { yaml: proposal },
      { 'if-match': d.etag as string },
    );
    expect(saved.status).toBe(200);
    const ask = { question: 'unemployment-benefit', date: '2025-08-01', facts: { qualifying_years: 4 } };
    const law = await api('POST', '/api/v1/decisions', t.analyst as string, ask);
    const trial = await api('POST', '/api/v1/decisions', t.analyst as string, { ...ask, version: d.body.id });
    expect(law.body.amounts.monthly_amount).toBe(1721.9);
    expect(trial.body.ruleset).toMatchObject({ version: d.body.id, kind: 'proposal' });
    expect(trial.body.amounts.monthly_amount).toBe(1821.9);
    expect((await api('POST', '/api/v1/decisions', t.caseworker as string, { ...ask, version: d.body.id })).status).toBe(403);
    expect((await api('POST', `/api/v1/drafts/${d.body.id}/submit`, t.editor as string)).status).toBe(409);
  });

  it('refuses drafting to a caseworker', async () => {
    expect((await api('POST', '/api/v1/drafts', t.caseworker as string, { parameters: 'pai' })).status).toBe(403);
  });
});

describe('diffs and parameter changes', () => {
  it('shows what changed between two versions, in plain words', async () => {
    const r = await api('GET', '/api/v1/questions/pai-referral/diff?from=2014-05-27&to=2019-06-15', t.analyst as string);
    expect(r.status).toBe(200);
    expect(r.body.diff.changes.map((c: { kind: string }) => c.kind)).toContain('rule_removed');
    expect(r.body.text.pl).toContain('Usunięto regułę help-profile-iii (UPZ art. 62a ust. 2)');
    expect(r.body.text.en).toContain('Rule help-profile-iii (UPZ art. 62a ust. 2) removed');
  });

  it('takes a parameter change through the same path: a new dated row, diffed, reviewed, published as a new revision', async () => {
    const d = await api('POST', '/api/v1/drafts', t.editor as string, { parameters: 'zasilek' });
    const next = d.body.yaml.replace(
      '      - { from: 2026-06-01, value: 1783.90, basis: "URP art. 224, obwieszczenie MRPiPS", confidence: secondary, published_on: 2026-06-01, published_confidence: recalled }\n  zasilek.later_days:',
      '      - { from: 2026-06-01, value: 1783.90, basis: "URP art. 224, obwieszczenie MRPiPS", confidence: secondary, published_on: 2026-06-01, published_confidence: recalled }\n      - { from: 2027-06-01, value: 1830.00, basis: "URP art. 224, obwieszczenie MRPiPS", confidence: recalled }\n  zasilek.later_days:',
    );
    expect(next).not.toBe(d.body.yaml);
    await api('PUT', `/api/v1/drafts/${d.body.id}`, t.editor as string, { yaml: next }, { 'if-match': d.etag as string });
    const diff = await api('GET', `/api/v1/drafts/${d.body.id}/diff`, t.reviewer as string);
    expect(diff.body.diff.changes).toMatchObject([{ kind: 'value_added' }]);
    expect(diff.body.text.en).toContain('2027-06-01');
    expect(diff.body.against).toEqual({ path: 'rules/parameters/zasilek.yaml', version: null, valid_from: null });
    // One file per topic: the file it started from is the one in force.
    expect((await api('GET', `/api/v1/drafts/${d.body.id}/diff?against=in_force`, t.reviewer as string)).body).toEqual(diff.body);
    await api('POST', `/api/v1/drafts/${d.body.id}/submit`, t.editor as string);
    // No case reads the zasiłek on a day from 2027-06-01: the new value is untested.
    const untested = await api('POST', `/api/v1/drafts/${d.body.id}/publish`, t.reviewer as string, {});
    expect(untested.status).toBe(422);
    expect(untested.body.error).toMatchObject({
      code: 'UNTESTED_CHANGE',
      details: { changes: [{ kind: 'value', parameter: 'zasilek.first_90_days', from: '2027-06-01', until: null, value: 1830 }] },
    });
    expect(untested.body.error.details.text.pl).toContain('1\u00a0830,00\u00a0zł');
    const current = await api('GET', `/api/v1/drafts/${d.body.id}`, t.editor as string);
    const withCase = await api(
      'POST',
      `/api/v1/drafts/${d.body.id}/cases`,
      t.editor as string,
      {
        case: {
          name: 'Zasiłek od czerwca 2027',
          question: 'unemployment-benefit',
          date: '2027-07-01',
          facts: { qualifying_years: 10 },
        },
      },
      { 'if-match': current.etag as string },
    );
    expect(withCase.status).toBe(200);
    expect(withCase.body.status).toBe('draft');
    expect(withCase.body.files.map((f: { path: string }) => f.path)).toEqual([
      'parameters/zasilek.yaml',
      'unemployment-benefit/tests/unemployment-benefit.yaml',
    ]);
    await api('POST', `/api/v1/drafts/${d.body.id}/submit`, t.editor as string);
    const pub = await api('POST', `/api/v1/drafts/${d.body.id}/publish`, t.reviewer as string, {});
    expect(pub.status).toBe(200);
    expect(pub.body.published).toMatchObject({ path: 'rules/parameters/zasilek.yaml', revision: 2 });
    const a = await api('POST', '/api/v1/decisions', t.caseworker as string, {
      question: 'unemployment-benefit',
      date: '2027-07-01',
      facts: { qualifying_years: 10 },
    });
    expect(a.body.amounts.monthly_amount).toBe(1830);
    expect(a.body.caveats.map((c: { code: string }) => c.code)).toContain('PARAMETER_RECALLED');
  });
});

describe('a draft diffed against the version in force on its own date', () => {
  /** A draft of pai-referral started from 2014-05-27, saved with another valid_from. */
  async function oldDraftDated(validFrom: string): Promise<string> {
    const d = await api('POST', '/api/v1/drafts', t.editor as string, {
      from: { question: 'pai-referral', version: '2014-05-27' },
    });
    const dated = V2014.replace('valid_from: 2014-05-27', `valid_from: ${validFrom}`);
    expect(dated).not.toBe(V2014);
    const saved = await api(
      'PUT',
      `/api/v1/drafts/${d.body.id}`,
      t.editor as string,
      { yaml: dated },
      { 'if-match': d.etag as string },
    );
    expect(saved.status).toBe(200);
    return d.body.id;
  }

  it('compares with the version it started from by default, and with the one in force on its valid_from when asked', async () => {
    const id = await oldDraftDated('2020-01-01');
    const base = await api('GET', `/api/v1/drafts/${id}/diff`, t.editor as string);
    const inForce = await api('GET', `/api/v1/drafts/${id}/diff?against=in_force`, t.reviewer as string);
    expect(base.status).toBe(200);
    expect(base.body.against).toEqual({
      path: 'rules/pai-referral/2014-05-27.yaml',
      version: '2014-05-27',
      valid_from: '2014-05-27',
    });
    expect((await api('GET', `/api/v1/drafts/${id}/diff?against=base`, t.editor as string)).body).toEqual(base.body);
    expect(inForce.status).toBe(200);
    expect(inForce.body.against).toEqual({
      path: 'rules/pai-referral/2019-06-15.yaml',
      version: '2019-06-15',
      valid_from: '2019-06-15',
    });
    // 2019-06-15 removed the profile III rule, so against it the old text brings it back; against 2014 it was always there.
    expect(inForce.body.text.en).toContain('help-profile-iii');
    expect(base.body.text.en).not.toContain('help-profile-iii');
    expect(inForce.body.diff.changes.length).toBeGreaterThan(base.body.diff.changes.length);
  });

  it('answers 422 NO_VERSION_IN_FORCE for a draft dated before the first version, saying what to do', async () => {
    const id = await oldDraftDated('2010-01-01');
    const r = await api('GET', `/api/v1/drafts/${id}/diff?against=in_force`, t.editor as string);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({
      code: 'NO_VERSION_IN_FORCE',
      message: expect.stringContaining('set a later valid_from'),
      details: { valid_from: '2010-01-01', first: { version: '2014-05-27', valid_from: '2014-05-27' } },
    });
    expect((await api('GET', `/api/v1/drafts/${id}/diff`, t.editor as string)).status).toBe(200);
  });

  it('answers 422 NO_VALID_FROM when the draft’s valid_from cannot be read', async () => {
    const id = await oldDraftDated('soon');
    const r = await api('GET', `/api/v1/drafts/${id}/diff?against=in_force`, t.editor as string);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'NO_VALID_FROM', message: expect.stringContaining('YYYY-MM-DD') });
    // Against the base the draft fails the schema, and the answer still names the version, for the text diff.
    const base = await api('GET', `/api/v1/drafts/${id}/diff`, t.editor as string);
    expect(base.status).toBe(422);
    expect(base.body.error).toMatchObject({
      code: 'INVALID_DRAFT',
      details: { against: { path: 'rules/pai-referral/2014-05-27.yaml', version: '2014-05-27' } },
    });
  });

  it('refuses other comparisons, other roles and unknown drafts as before', async () => {
    const id = await oldDraftDated('2020-01-01');
    expect((await api('GET', `/api/v1/drafts/${id}/diff?against=in_force`, t.caseworker as string)).status).toBe(403);
    expect((await api('GET', `/api/v1/drafts/${id}/diff?against=latest`, t.editor as string)).status).toBe(400);
    const unknown = '00000000-0000-0000-0000-000000000000';
    for (const against of ['base', 'in_force'])
      expect((await api('GET', `/api/v1/drafts/${unknown}/diff?against=${against}`, t.editor as string)).status).toBe(404);
  });
});
