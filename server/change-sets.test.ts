import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.ts';
import { parseEnv } from './env.ts';
import { type RunningServer, startServer } from './start.ts';
import { addUser, createToken } from './store/people.ts';
import { testDatabaseSettings } from './testing/test-server.ts';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ri-change-sets-'));
const FILE = join(dir, 'reintegra.db');
const env = parseEnv({
  ...(await testDatabaseSettings()),
  DATABASE_PATH: FILE,
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
  return { status: res.status, etag: res.headers.get('etag') as string, body: text ? JSON.parse(text) : undefined };
}

/** The server's database as the command line names it: its SQLite file, or its PostgreSQL URL. */
const DB = env.DATABASE_URL ?? FILE;

/** The real command line, as a user runs it, without blocking the server that runs in this process. */
async function cli(args: string[], input?: string) {
  const child = run(process.execPath, [join(ROOT, 'bin/reintegra.js'), ...args], {
    cwd: ROOT,
    // The secret the server keys its audit chain with: on PostgreSQL it is not beside a file but in the settings.
    env: { ...process.env, NO_COLOR: '1', ...(env.REINTEGRA_SECRET ? { REINTEGRA_SECRET: env.REINTEGRA_SECRET } : {}) },
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

const file = (path: string) => encodeURIComponent(path);
const withoutReceipt = (a: Record<string, unknown>) => {
  const { receipt: _r, ...rest } = a;
  return rest;
};

beforeAll(async () => {
  server = await startServer(env, () => {});
  for (const [name, role] of [
    ['ewa', 'editor'],
    ['edward', 'editor'],
    ['renata', 'reviewer'],
    ['robert', 'reviewer'],
    ['celina', 'caseworker'],
    ['adam', 'admin'],
  ] as const) {
    t[name] = await createToken(server.db, { name, role });
  }
  // People the command line names (tokens are for systems; an import is authored by a user).
  await addUser(server.db, { name: 'ewa', role: 'editor', password: 'a-long-editor-password' }, 'test');
  await addUser(server.db, { name: 'celina', role: 'caseworker', password: 'a-long-caseworker-password' }, 'test');
});
afterAll(async () => server?.close());

describe('the zasiłek corrected together with the tests that pin it', () => {
  let id = '';

  it('saves the corrected row, shows each case it breaks with the old and the new answer side by side', async () => {
    const opened = await api('POST', '/api/v1/drafts', t.ewa as string, {
      parameters: 'zasilek',
      title: 'Korekta zasiłku od 1 czerwca 2026 r.',
    });
    expect(opened.status).toBe(201);
    id = opened.body.id;
    expect(opened.body.files).toMatchObject([
      { path: 'parameters/zasilek.yaml', kind: 'parameters', base: { path: 'parameters/zasilek.yaml' } },
    ]);
    const yaml = opened.body.files[0].yaml.replace('{ from: 2026-06-01, value: 1783.90', '{ from: 2026-06-01, value: 1780.00');
    expect(yaml).not.toBe(opened.body.files[0].yaml);
    const saved = await api(
      'PUT',
      `/api/v1/drafts/${id}/files/${file('parameters/zasilek.yaml')}`,
      t.ewa as string,
      { yaml },
      { 'if-match': opened.etag },
    );
    expect(saved.status).toBe(200);
    expect(saved.etag).toBe('"2"');

    const tested = await api('POST', `/api/v1/drafts/${id}/test`, t.ewa as string);
    expect(tested.body.valid).toBe(true);
    expect(tested.body.failed).toBeGreaterThan(0);
    const stipend = tested.body.results.find(
      (r: { name: string }) => r.name === 'From 2026-06-01 the stipend is 60 % of 1783.90',
    );
    expect(stipend).toMatchObject({
      passed: false,
      published_answer: { amounts: { monthly_stipend: 1070.34 } },
      answer: { amounts: { monthly_stipend: 1068 } },
    });
  });

  it('refuses to submit while a case fails, naming each one in Polish and English', async () => {
    const r = await api('POST', `/api/v1/drafts/${id}/submit`, t.ewa as string);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('TESTS_FAIL');
    const names = r.body.error.details.cases.map((c: { name: string }) => c.name);
    expect(names).toContain('From 2026-06-01 the stipend is 60 % of 1783.90');
    expect(r.body.error.details.text.pl).toMatch(/^\d+ test(y|ów)? nie przechodz/);
    expect(r.body.error.details.text.pl).toContain('„From 2026-06-01 the stipend is 60 % of 1783.90”');
    expect(r.body.error.details.text.en).toContain('"From 2026-06-01 the stipend is 60 % of 1783.90"');
  });

  it('accepts the new expectation of each failing case with a one-line reason, then submits', async () => {
    let etag = (await api('GET', `/api/v1/drafts/${id}`, t.ewa as string)).etag;
    const failing = (await api('POST', `/api/v1/drafts/${id}/test`, t.ewa as string)).body.results.filter(
      (r: { passed: boolean }) => !r.passed,
    );
    for (const c of failing) {
      const r = await api(
        'POST',
        `/api/v1/drafts/${id}/expectations`,
        t.ewa as string,
        { file: c.file, index: c.index, reason: 'kwota według obwieszczenia z maja 2026 r.' },
        { 'if-match': etag },
      );
      expect(r.status).toBe(200);
      expect(r.body.line.pl).toContain('ponieważ: kwota według obwieszczenia z maja 2026 r.');
      etag = r.etag;
    }
    const multiline = await api(
      'POST',
      `/api/v1/drafts/${id}/expectations`,
      t.ewa as string,
      { file: 'x', index: 0, reason: 'a\nb' },
      { 'if-match': etag },
    );
    expect(multiline.status).toBe(400);
    const tested = await api('POST', `/api/v1/drafts/${id}/test`, t.ewa as string);
    expect(tested.body).toMatchObject({ valid: true, failed: 0, untested: [] });
    expect((await api('POST', `/api/v1/drafts/${id}/submit`, t.ewa as string)).body.status).toBe('submitted');
  });

  it('shows the reviewer every file and each accepted expectation as its own line', async () => {
    const r = await api('GET', `/api/v1/drafts/${id}/changes`, t.renata as string);
    expect(r.status).toBe(200);
    const paths = r.body.files.map((f: { path: string }) => f.path);
    expect(paths).toContain('parameters/zasilek.yaml');
    expect(paths).toContain('reintegration-referral/tests/reintegration-referral.yaml');
    const zasilek = r.body.files.find((f: { path: string }) => f.path === 'parameters/zasilek.yaml');
    expect(zasilek.status).toBe('changed');
    expect(zasilek.lines.map((l: { en: string }) => l.en).join('\n')).toContain('2026-06-01');
    // The same change as the law reads it: the value's label, its day and both amounts formatted.
    const sentences = zasilek.sentences.map((l: { pl: string }) => l.pl.replace(/\u00a0/g, ' '));
    expect(sentences).toContainEqual(
      expect.stringMatching(/^„.+” od 01\.06\.2026 r\.: 1 780,00 zł zamiast 1 783,90 zł \(.+\)\.$/),
    );
    expect(sentences.join('\n')).not.toMatch(/zasilek\.|2026-06-01/);
    const line = r.body.expectations.find(
      (e: { case: string }) => e.case === 'From 2026-06-01 the stipend is 60 % of 1783.90',
    ).line;
    expect(line.pl).toBe(
      'Test „From 2026-06-01 the stipend is 60 % of 1783.90”: 1\u00a0070,34\u00a0zł → 1\u00a0068,00\u00a0zł, ponieważ: kwota według obwieszczenia z maja 2026 r.',
    );
  });

  it('publishes every file in one transaction with one audit entry, and the server answers from 1 780,00 zł', async () => {
    const before = await api('POST', '/api/v1/decisions', t.celina as string, {
      question: 'cis-benefit',
      date: '2026-06-15',
      facts: { cis_period: 'participation' },
    });
    expect(before.body.amounts.benefit).toBe(2140.68);
    const r = await api('POST', `/api/v1/drafts/${id}/publish`, t.renata as string, {});
    expect(r.status).toBe(200);
    expect(r.body.draft.status).toBe('published');
    const entries = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `draft:${id}`));
    const published = entries.filter((e) => e.action === 'draft.published');
    expect(published).toHaveLength(1);
    const listed = JSON.parse(published[0]?.detail ?? '{}').files as { path: string; before: string; after: string }[];
    expect(listed.map((f) => f.path).sort()).toEqual(r.body.files.map((f: { path: string }) => f.path).sort());
    expect(listed.every((f) => f.before?.startsWith('sha256:') && f.after.startsWith('sha256:') && f.before !== f.after)).toBe(
      true,
    );
    const after = await api('POST', '/api/v1/decisions', t.celina as string, {
      question: 'cis-benefit',
      date: '2026-06-15',
      facts: { cis_period: 'participation' },
    });
    expect(after.body.amounts.benefit).toBe(2136);
    expect(after.body.reasons[0].text.pl).toContain('1\u00a0780,00\u00a0zł');
  });

  it('answers the same through the command line reading the database', async () => {
    const facts = { cis_period: 'participation', unexcused_absence_days: 1 };
    const http = await api('POST', '/api/v1/decisions', t.celina as string, {
      question: 'cis-benefit',
      date: '2026-06-15',
      facts,
    });
    const r = await cli(['decide', '--database', DB, '-q', 'cis-benefit', '-d', '2026-06-15'], JSON.stringify(facts));
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual(withoutReceipt(http.body));
    expect(JSON.parse(r.out).amounts.benefit).toBe(2029.2);
    const bundled = await cli(['decide', '-q', 'cis-benefit', '-d', '2026-06-15'], JSON.stringify(facts));
    expect(JSON.parse(bundled.out).amounts.benefit).toBe(2033.65);
  });

  it('exports the published law in the layout of rules/: its tests pass, and git shows only the amendment', async () => {
    const out = join(dir, 'exported');
    const exported = await cli(['export', '--database', DB, '--to', out]);
    expect(exported.code).toBe(0);
    const tested = await cli(['test', '--rules', out, out]);
    expect(tested.code).toBe(0);
    expect(tested.out.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed$/);
    const diff = await run('git', ['diff', '--no-index', '--name-only', 'rules', out], { cwd: ROOT }).catch(
      (e: { stdout: string }) => e,
    );
    const changed = diff.stdout
      .trim()
      .split('\n')
      .map((p) => p.replace(/^.*?(rules|exported)\//, ''))
      .sort();
    expect([...new Set(changed)]).toEqual([
      'parameters/zasilek.yaml',
      'reintegration-referral/tests/reintegration-referral.yaml',
      ...changedTestsOf(changed),
    ]);
    const again = await cli(['export', '--database', DB, '--to', out]);
    expect(again.out).toMatch(/: 0 written, \d+ unchanged/);
  });
});

/** The other test files the correction touched (whichever cases pinned the old amount), for the diff's check. */
function changedTestsOf(paths: string[]): string[] {
  return [...new Set(paths)].filter(
    (p) => p.includes('/tests/') && p !== 'reintegration-referral/tests/reintegration-referral.yaml',
  );
}

describe('a change no test shows is refused until a case shows it', () => {
  let id = '';
  const V2022 = readFileSync(join(ROOT, 'rules/cis-benefit/2022-02-15.yaml'), 'utf8');
  const amended = V2022.replace('valid_from: 2022-02-15', 'valid_from: 2027-01-01')
    .replace('min(unexcused_absence_days, 3)', 'min(unexcused_absence_days, 5)')
    .replace(
      'unexcused_absence_days > 0 and unexcused_absence_days <= 3',
      'unexcused_absence_days > 0 and unexcused_absence_days <= 5',
    )
    .replace('when: unexcused_absence_days > 3', 'when: unexcused_absence_days > 5')
    .replace('ponad 3 dni w miesiącu', 'ponad 5 dni w miesiącu')
    .replace('more than 3 in the month', 'more than 5 in the month');

  it('moves a version to the path its valid_from gives, and publishes nothing untested', async () => {
    for (const part of ['valid_from: 2027-01-01', 'min(unexcused_absence_days, 5)', '<= 5', '> 5', 'ponad 5 dni', 'more than 5'])
      expect(amended).toContain(part);
    const opened = await api('POST', '/api/v1/drafts', t.ewa as string, {
      from: { question: 'cis-benefit', version: '2022-02-15' },
    });
    id = opened.body.id;
    const saved = await api(
      'PUT',
      `/api/v1/drafts/${id}/files/${file('cis-benefit/2022-02-15.yaml')}`,
      t.ewa as string,
      { yaml: amended },
      { 'if-match': opened.etag },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.files.map((f: { path: string }) => f.path)).toEqual(['cis-benefit/2027-01-01.yaml']);
    const tested = await api('POST', `/api/v1/drafts/${id}/test`, t.ewa as string);
    expect(tested.body).toMatchObject({ valid: true, failed: 0 });
    expect(tested.body.untested.map((u: { rule?: string; outcome?: string }) => u.rule ?? u.outcome).sort()).toEqual([
      'cis-benefit.unexcused-absence',
      'cis-benefit.unexcused-absence-over-limit',
      'payable',
    ]);
    expect((await api('POST', `/api/v1/drafts/${id}/submit`, t.ewa as string)).body.status).toBe('submitted');
    const r = await api('POST', `/api/v1/drafts/${id}/publish`, t.renata as string, {});
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('UNTESTED_CHANGE');
    expect(r.body.error.details.changes).toMatchObject([
      { kind: 'rule', question: 'cis-benefit', version: '2027-01-01', basis: 'UZS art. 15 ust. 7', change: 'changed' },
      { kind: 'rule', question: 'cis-benefit', version: '2027-01-01', basis: 'UZS art. 15 ust. 7', change: 'changed' },
      { kind: 'result', question: 'cis-benefit', version: '2027-01-01', outcome: 'payable', change: 'changed' },
    ]);
    expect(r.body.error.details.text.pl).toContain('wyniku „przysługuje”');
    expect(r.body.error.details.text.pl).toContain('Zmieniona reguła z UZS art. 15 ust. 7');
    expect(r.body.error.details.text.pl).toContain('od 01.01.2027');
    const versions = await api('GET', '/api/v1/questions/cis-benefit/versions', t.ewa as string);
    expect(versions.body.versions.map((v: { version: string }) => v.version)).not.toContain('2027-01-01');
  });

  it('publishes once a case shows 5 days of absence, and the law answers by it from its day', async () => {
    const current = await api('GET', `/api/v1/drafts/${id}`, t.ewa as string);
    const added = await api(
      'POST',
      `/api/v1/drafts/${id}/cases`,
      t.ewa as string,
      {
        case: {
          name: 'Od 2027 r. pięć dni nieobecności zmniejsza świadczenie o 5/20',
          question: 'cis-benefit',
          date: '2027-03-15',
          facts: { cis_period: 'participation', unexcused_absence_days: 5 },
          expect: { outcome: 'payable', amounts: { benefit: 1602 } },
        },
      },
      { 'if-match': current.etag },
    );
    expect(added.status).toBe(200);
    expect(added.body.status).toBe('draft');
    const tests = added.body.files.find((f: { path: string }) => f.path === 'cis-benefit/tests/cases.yaml');
    expect(tests.base).toMatchObject({ path: 'cis-benefit/tests/cases.yaml' });
    expect(tests.yaml.endsWith('      benefit: 1602\n')).toBe(true);
    expect((await api('POST', `/api/v1/drafts/${id}/submit`, t.ewa as string)).body.status).toBe('submitted');
    const r = await api('POST', `/api/v1/drafts/${id}/publish`, t.renata as string, {});
    expect(r.status).toBe(200);
    const day = (date: string) =>
      api('POST', '/api/v1/decisions', t.celina as string, {
        question: 'cis-benefit',
        date,
        facts: { cis_period: 'participation', unexcused_absence_days: 5 },
      });
    expect((await day('2026-12-31')).body).toMatchObject({ outcome: 'not_payable', ruleset: { version: '2022-02-15' } });
    expect((await day('2027-01-01')).body).toMatchObject({
      outcome: 'payable',
      amounts: { benefit: 1602 },
      ruleset: { version: '2027-01-01' },
    });
  });
});

describe('saving one file of a change set', () => {
  it('refuses a stale save with 409 and loses nothing', async () => {
    const opened = await api('POST', '/api/v1/drafts', t.ewa as string, { file: 'pai-referral/tests/pai-referral.yaml' });
    expect(opened.body.files.map((f: { path: string }) => f.path)).toEqual(['pai-referral/tests/pai-referral.yaml']);
    const path = `/api/v1/drafts/${opened.body.id}/files/${file('pai-referral/tests/pai-referral.yaml')}`;
    const mine = `${opened.body.files[0].yaml}# ewa\n`;
    const first = await api('PUT', path, t.ewa as string, { yaml: mine }, { 'if-match': opened.etag });
    expect(first.status).toBe(200);
    const stale = await api(
      'PUT',
      path,
      t.edward as string,
      { yaml: `${opened.body.files[0].yaml}# edward\n` },
      { 'if-match': opened.etag },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_DRAFT');
    expect(stale.body.error.details.files[0].yaml).toBe(mine);
    const now = await api('GET', `/api/v1/drafts/${opened.body.id}`, t.edward as string);
    expect(now.body.files[0].yaml).toBe(mine);
    expect(now.etag).toBe('"2"');
    // A second file, then dropped: the change set holds what is saved, nothing else.
    const two = await api(
      'PUT',
      `/api/v1/drafts/${opened.body.id}/files/${file('pai-plan/tests/extra.yaml')}`,
      t.edward as string,
      { yaml: '[]\n' },
      { 'if-match': now.etag },
    );
    expect(two.body.files.map((f: { path: string }) => f.path)).toEqual([
      'pai-plan/tests/extra.yaml',
      'pai-referral/tests/pai-referral.yaml',
    ]);
    const dropped = await api(
      'DELETE',
      `/api/v1/drafts/${opened.body.id}/files/${file('pai-plan/tests/extra.yaml')}`,
      t.edward as string,
      undefined,
      { 'if-match': two.etag },
    );
    expect(dropped.body.files.map((f: { path: string }) => f.path)).toEqual(['pai-referral/tests/pai-referral.yaml']);
    const outside = await api(
      'PUT',
      `/api/v1/drafts/${opened.body.id}/files/${file('../etc/passwd.yaml')}`,
      t.edward as string,
      { yaml: '[]' },
      { 'if-match': dropped.etag },
    );
    expect(outside).toMatchObject({ status: 400, body: { error: { code: 'INVALID_PATH' } } });
  });
});

describe('four eyes', () => {
  it('never lets anyone who saved a revision publish or reject it; a save after submitting returns it to draft', async () => {
    const opened = await api('POST', '/api/v1/drafts', t.ewa as string, {
      from: { question: 'pai-referral', version: '2019-06-15' },
    });
    const text = (opened.body.yaml as string).replace('valid_from: 2019-06-15', 'valid_from: 2021-01-01');
    const saved = await api(
      'PUT',
      `/api/v1/drafts/${opened.body.id}`,
      t.ewa as string,
      { yaml: text },
      { 'if-match': opened.etag },
    );
    expect((await api('POST', `/api/v1/drafts/${opened.body.id}/submit`, t.ewa as string)).body.status).toBe('submitted');
    const byAdmin = await api(
      'PUT',
      `/api/v1/drafts/${opened.body.id}`,
      t.adam as string,
      { yaml: `${text}# adam\n` },
      { 'if-match': saved.etag },
    );
    expect(byAdmin.body.status).toBe('draft');
    expect((await api('POST', `/api/v1/drafts/${opened.body.id}/submit`, t.adam as string)).body.status).toBe('submitted');
    expect((await api('POST', `/api/v1/drafts/${opened.body.id}/publish`, t.adam as string, {})).body.error.code).toBe(
      'OWN_DRAFT',
    );
    expect(
      (await api('POST', `/api/v1/drafts/${opened.body.id}/reject`, t.adam as string, { comment: 'no' })).body.error.code,
    ).toBe('OWN_DRAFT');
    const r = await api('POST', `/api/v1/drafts/${opened.body.id}/publish`, t.robert as string, {});
    expect(r.status).toBe(200);
  });
});

describe('a question repealed and brought back', () => {
  it('refuses a version after the repeal unless the change set says it revives the question, then warns the reviewer', async () => {
    const opened = await api('POST', '/api/v1/drafts', t.ewa as string, {
      from: { question: 'pai-referral', version: '2019-06-15' },
    });
    const text = (opened.body.yaml as string).replace('valid_from: 2019-06-15', 'valid_from: 2026-01-01');
    const saved = await api(
      'PUT',
      `/api/v1/drafts/${opened.body.id}`,
      t.ewa as string,
      { yaml: text },
      { 'if-match': opened.etag },
    );
    const refused = await api('POST', `/api/v1/drafts/${opened.body.id}/validate`, t.ewa as string);
    expect(refused.body.valid).toBe(false);
    const line = text.split('\n').findIndex((l) => l.startsWith('valid_from:')) + 1;
    expect(refused.body.problems[0]).toMatchObject({
      code: 'REVIVES_REPEALED',
      severity: 'error',
      line,
      file: 'rules/pai-referral/2026-01-01.yaml',
    });
    const said = await api(
      'PATCH',
      `/api/v1/drafts/${opened.body.id}`,
      t.ewa as string,
      { revives_repealed: true },
      { 'if-match': saved.etag },
    );
    expect(said.body.revives_repealed).toBe(true);
    const warned = await api('POST', `/api/v1/drafts/${opened.body.id}/validate`, t.ewa as string);
    expect(warned.body.valid).toBe(true);
    expect(warned.body.problems).toMatchObject([{ code: 'REVIVES_REPEALED', severity: 'warning' }]);
  });
});

describe('import and export', () => {
  it('serves the same archive twice, and importing it back finds nothing to review', async () => {
    const get = async () =>
      new Uint8Array(
        await (
          await fetch(`${server.url}/api/v1/law/export`, { headers: { authorization: `Bearer ${t.renata}` } })
        ).arrayBuffer(),
      );
    const a = await get();
    const b = await get();
    expect(a.length).toBeGreaterThan(1000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const back = await fetch(`${server.url}/api/v1/drafts/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/gzip', authorization: `Bearer ${t.ewa}` },
      body: a,
    });
    expect(back.status).toBe(422);
    expect(((await back.json()) as { error: { code: string } }).error.code).toBe('NOTHING_TO_IMPORT');
    expect((await fetch(`${server.url}/api/v1/law/export`, { headers: { authorization: `Bearer ${t.celina}` } })).status).toBe(
      403,
    );
  });

  it('opens a change set of the files that differ, never publishing them', async () => {
    const zasilek = (await api('GET', `/api/v1/law/files/${file('parameters/zasilek.yaml')}`, t.ewa as string)).body
      .yaml as string;
    const facts = (await api('GET', `/api/v1/law/files/${file('facts.yaml')}`, t.ewa as string)).body.yaml as string;
    const r = await api('POST', '/api/v1/drafts/import', t.ewa as string, {
      files: [
        { path: 'parameters/zasilek.yaml', yaml: zasilek.replace('1780.00', '1781.00') },
        { path: 'facts.yaml', yaml: facts },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.files.map((f: { path: string }) => f.path)).toEqual(['parameters/zasilek.yaml']);
    expect(r.body.status).toBe('draft');
    const none = await api('POST', '/api/v1/drafts/import', t.ewa as string, { files: [{ path: 'facts.yaml', yaml: facts }] });
    expect(none.body.error.code).toBe('NOTHING_TO_IMPORT');
  });

  it('imports a folder from the command line as a change set by a named editor', async () => {
    const out = join(dir, 'to-import');
    await cli(['export', '--database', DB, '--to', out]);
    const { writeFileSync } = await import('node:fs');
    const path = join(out, 'parameters/zasilek.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('1780.00', '1779.00'));
    const refused = await cli(['import', '--database', DB, out, '--as', 'celina']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('may not draft');
    const r = await cli(['import', '--database', DB, out, '--as', 'ewa']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('changed rules/parameters/zasilek.yaml');
    const changeSet = /change set (\S+): 1 files/.exec(r.out)?.[1] as string;
    expect((await api('GET', `/api/v1/drafts/${changeSet}`, t.renata as string)).body).toMatchObject({
      status: 'draft',
      files: [{ path: 'parameters/zasilek.yaml' }],
    });
  });
});
