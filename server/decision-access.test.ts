// Defects 1 and 2 of issue 13: receipts belong to whoever asked; proposals of any origin are not for caseworkers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from './db/raw.ts';
import { addUser, createToken } from './store/people.ts';
import { sqliteConnection } from './testing/raw-sql.ts';
import { type Auth, TEST_DATABASE, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
const as: Record<string, Auth> = {};
const PASSWORD = 'a-long-enough-password';
const PERSON = { registered_unemployed: true, help_profile: 'III', receives_social_assistance: true, social_contract: 'active' };
const ask = { question: 'pai-referral', date: '2014-09-15', facts: PERSON };

beforeAll(async () => {
  t = await testServer('access');
  const people: [string, string, string | null][] = [
    ['kasia', 'caseworker', 'PUP Kraków'],
    ['tomek', 'caseworker', 'PUP Nowy Sącz'],
    ['sylwia', 'supervisor', 'PUP Kraków'],
    ['adam', 'analyst', 'PUP Kraków'],
    ['edyta', 'editor', null],
    ['robert', 'reviewer', null],
  ];
  for (const [name, role, office] of people) {
    await addUser(t.server.db, { name, role, password: PASSWORD, office });
    as[name] = (await t.signIn(name, PASSWORD)).auth as Auth;
  }
  as.admin = { token: await createToken(t.server.db, { name: 'admin-system', role: 'admin' }) };
});
afterAll(() => t?.close());

const auditOf = (action: string) => query(t.server.db, 'SELECT * FROM audit_log WHERE action = ? ORDER BY seq', [action]);

describe('receipts belong to whoever asked', () => {
  let receipt = '';
  beforeAll(async () => {
    const r = await t.api('POST', '/api/v1/decisions', { auth: as.kasia, body: ask });
    expect(r.status).toBe(200);
    receipt = r.body.receipt.id;
  });

  it('lets the caseworker read and replay her own receipt, unaudited', async () => {
    expect((await t.api('GET', `/api/v1/decisions/${receipt}`, { auth: as.kasia })).body.facts).toEqual(PERSON);
    expect((await t.api('POST', `/api/v1/decisions/${receipt}/replay`, { auth: as.kasia })).status).toBe(200);
    expect(await auditOf('decision.read')).toEqual([]);
  });

  it('answers 404 to an analyst, an editor, a reviewer and a caseworker of another office, as for an unknown id', async () => {
    for (const name of ['adam', 'edyta', 'robert', 'tomek']) {
      const read = await t.api('GET', `/api/v1/decisions/${receipt}`, { auth: as[name] });
      expect(read.status, name).toBe(404);
      expect(read.text).not.toContain('PUP');
      expect((await t.api('POST', `/api/v1/decisions/${receipt}/replay`, { auth: as[name] })).status, name).toBe(404);
      const unknown = await t.api('GET', '/api/v1/decisions/00000000-0000-0000-0000-000000000000', { auth: as[name] });
      expect(read.body).toEqual(unknown.body);
    }
    // Each refused read of a receipt that exists is in the log, naming the reader.
    expect((await auditOf('decision.read_refused')).length).toBe(8);
  });

  it('lets a supervisor of her office read and replay it, and audits each read', async () => {
    const read = await t.api('GET', `/api/v1/decisions/${receipt}`, { auth: as.sylwia });
    expect(read.status).toBe(200);
    expect(read.body.facts).toEqual(PERSON);
    const replay = await t.api('POST', `/api/v1/decisions/${receipt}/replay`, { auth: as.sylwia });
    expect(replay.status).toBe(200);
    expect(replay.body.original.id).toBe(receipt);
    const sylwia = (await t.api('GET', '/api/v1/session', { auth: as.sylwia })).body.id;
    expect(await auditOf('decision.read')).toMatchObject([{ actor: sylwia, subject: `decision:${receipt}` }]);
    expect(JSON.parse(((await auditOf('decision.read'))[0] as { detail: string }).detail)).toMatchObject({
      office: 'PUP Kraków',
    });
    expect(await auditOf('decision.replay')).toMatchObject([{ actor: sylwia }]);
  });

  it('lets an admin read any office’s receipts, audited', async () => {
    const tomeks = await t.api('POST', '/api/v1/decisions', { auth: as.tomek, body: ask });
    expect((await t.api('GET', `/api/v1/decisions/${tomeks.body.receipt.id}`, { auth: as.admin })).status).toBe(200);
    expect((await t.api('GET', `/api/v1/decisions/${tomeks.body.receipt.id}`, { auth: as.sylwia })).status).toBe(404);
    expect((await auditOf('decision.read')).map((e) => (e as { subject: string }).subject)).toContain(
      `decision:${tomeks.body.receipt.id}`,
    );
  });

  it('lists only one’s own receipts unless a supervisor asks for someone of her office (audited)', async () => {
    expect((await t.api('GET', '/api/v1/decisions?asked_by=kasia', { auth: as.adam })).status).toBe(403);
    expect((await t.api('GET', '/api/v1/decisions?asked_by=tomek', { auth: as.sylwia })).status).toBe(403);
    const listed = await t.api('GET', '/api/v1/decisions?asked_by=kasia', { auth: as.sylwia });
    expect(listed.status).toBe(200);
    expect(listed.body.decisions.length).toBeGreaterThan(0);
    expect(new Set(listed.body.decisions.map((d: { asked_by: string }) => d.asked_by)).size).toBe(1);
    expect(await auditOf('decision.list')).toMatchObject([{ subject: 'user:kasia' }]);
    expect((await t.api('GET', '/api/v1/decisions', { auth: as.adam })).body.decisions).toEqual([]);
  });

  it('moves a supervisor’s reach with the office a user is given', async () => {
    const users = (await t.api('GET', '/api/v1/users', { auth: as.admin })).body.users as {
      id: string;
      name: string;
      office: string | null;
    }[];
    const tomek = users.find((u) => u.name === 'tomek') as { id: string };
    expect(users.find((u) => u.name === 'kasia')?.office).toBe('PUP Kraków');
    const moved = await t.api('PATCH', `/api/v1/users/${tomek.id}`, { auth: as.admin, body: { office: 'PUP Kraków' } });
    expect(moved.body.office).toBe('PUP Kraków');
    expect((await t.api('GET', '/api/v1/decisions?asked_by=tomek', { auth: as.sylwia })).status).toBe(200);
  });
});

describe('proposals are for analysts, editors, reviewers and admins', () => {
  const proposal = {
    question: 'cis-benefit',
    date: '2025-10-15',
    facts: { cis_period: 'participation' },
    version: 'flexible-absence',
  };
  const receipts = async () =>
    ((await queryOne<{ n: number }>(t.server.db, 'SELECT count(*) AS n FROM decisions')) as { n: number }).n;

  it('refuses a caseworker a bundled proposal with 403 and stores no receipt', async () => {
    const before = await receipts();
    const r = await t.api('POST', '/api/v1/decisions', { auth: as.kasia, body: proposal });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
    const batch = await t.api('POST', '/api/v1/decisions/batch', { auth: as.kasia, body: { requests: [ask, proposal] } });
    expect(batch.status).toBe(403);
    expect(batch.body.error.details).toMatchObject({ index: 1 });
    expect(await receipts()).toBe(before);
  });

  it('answers the analyst, the editor and the reviewer under the proposal', async () => {
    for (const name of ['adam', 'edyta', 'robert']) {
      const r = await t.api('POST', '/api/v1/decisions', { auth: as[name], body: proposal });
      expect(r.status, name).toBe(200);
      expect(r.body.ruleset).toMatchObject({ version: 'flexible-absence', kind: 'proposal' });
    }
  });

  it('still answers a caseworker under a published version named by its date', async () => {
    const r = await t.api('POST', '/api/v1/decisions', { auth: as.kasia, body: { ...ask, version: '2014-05-27' } });
    expect(r.status).toBe(200);
  });
});

describe('receipts paged by key', () => {
  it('pages through a caller’s receipts newest first with next_cursor, none twice, none missed', async () => {
    const mine = { token: await createToken(t.server.db, { name: 'paging', role: 'caseworker' }) };
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await t.api('POST', '/api/v1/decisions', { auth: mine, body: ask })).body.receipt.id);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await t.api('GET', `/api/v1/decisions?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { auth: mine });
      expect(page.status).toBe(200);
      seen.push(...page.body.decisions.map((d: { id: string }) => d.id));
      cursor = page.body.next_cursor;
    }
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await t.api('GET', '/api/v1/decisions?cursor=not-a-cursor', { auth: mine })).body.error).toMatchObject({
      code: 'INVALID_REQUEST',
      details: [{ field: 'cursor' }],
    });
  });

  // SQLite's query plan; PostgreSQL's planner chooses by the table's size.
  it.skipIf(TEST_DATABASE === 'pg')(
    'reads the newest page of one caller through the (asked_by, created_at) index, without sorting',
    () => {
      const plan = sqliteConnection(t.server.db)
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM decisions WHERE asked_by = ? ORDER BY created_at DESC, id DESC LIMIT 50')
        .all('x') as { detail: string }[];
      const text = plan.map((p) => p.detail).join('\n');
      expect(text).toContain('decisions_asked_by_created');
      expect(text).not.toContain('TEMP B-TREE');
    },
  );
});
