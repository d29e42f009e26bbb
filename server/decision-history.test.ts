// The console's decision history (issues 13, 15): GET /api/v1/decisions pages by key, hides incomplete attempts on
// request, filters by a case reference matched by its keyed hash (never stored, never logged), and names the office.
import { readFileSync } from 'node:fs';
import BetterSqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addUser } from './store/people.ts';
import { everyRowText } from './testing/raw-sql.ts';
import { type Auth, TEST_DATABASE, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let kasia: Auth;
const PASSWORD = 'a-long-enough-password';
const REF = 'ZS.4431.17.2025';

interface Listed {
  id: string;
  outcome: string;
  office: string | null;
  answer: { outcome: string };
  case_ref_hmac: string | null;
}

beforeAll(async () => {
  t = await testServer('history', { LOG_REQUESTS: 'true' });
  await addUser(t.server.db, { name: 'kasia', role: 'caseworker', password: PASSWORD, office: 'PUP Kraków' });
  kasia = (await t.signIn('kasia', PASSWORD)).auth as Auth;
  // 30 decisions: every third incomplete (a fact left out), every fifth of one case.
  for (let i = 0; i < 30; i++) {
    const facts = i % 3 === 0 ? {} : { qualifying_years: i };
    const body = { question: 'unemployment-benefit', date: '2024-08-01', facts, ...(i % 5 === 0 ? { case_ref: REF } : {}) };
    const r = await t.api('POST', '/api/v1/decisions', { auth: kasia, body });
    expect(r.status).toBe(200);
  }
}, 120_000);
afterAll(() => t?.close());

/** Every page of a list, following next_cursor to its end. */
async function all(query: string, headers: Record<string, string> = {}): Promise<{ pages: number; items: Listed[] }> {
  const items: Listed[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path: string = `/api/v1/decisions?limit=7${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await t.api('GET', path, { auth: kasia, headers });
    expect(r.status).toBe(200);
    items.push(...r.body.decisions);
    cursor = r.body.next_cursor;
    pages++;
  } while (cursor);
  return { pages, items };
}

describe('the decision history', () => {
  it('pages by key through every receipt once, newest first, each with the office of who asked', async () => {
    const { pages, items } = await all('');
    expect(items).toHaveLength(30);
    expect(pages).toBe(5);
    expect(new Set(items.map((d) => d.id)).size).toBe(30);
    expect(new Set(items.map((d) => d.office))).toEqual(new Set(['PUP Kraków']));
  });

  it('hides incomplete attempts when asked', async () => {
    const { items } = await all('&undetermined=hide');
    expect(items).toHaveLength(20);
    expect(items.some((d) => d.answer.outcome === 'undetermined')).toBe(false);
  });

  it('filters by a case reference through its keyed hash; the reference itself is neither stored nor logged', async () => {
    // The request log (one JSON line per request on stdout) is read as the server writes it.
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    let items: Awaited<ReturnType<typeof all>>['items'];
    try {
      ({ items } = await all('', { 'x-case-ref': REF }));
      // The request log is written in batches, a few milliseconds after the answer: wait for its line.
      await vi.waitFor(() => expect(written.some((l) => l.includes('"GET"'))).toBe(true), { timeout: 10_000 });
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).not.toContain(REF);
    expect(items).toHaveLength(6);
    expect(new Set(items.map((d) => d.case_ref_hmac)).size).toBe(1);
    expect(items[0]?.case_ref_hmac).not.toContain(REF);
    const none = await all('', { 'x-case-ref': 'ZS.0000.2025' });
    expect(none.items).toHaveLength(0);
    const both = await all('&undetermined=hide', { 'x-case-ref': REF });
    expect(both.items).toHaveLength(4);
    if (TEST_DATABASE === 'sqlite') {
      // A connection of its own: the server's reading one may not write to the file (a checkpoint does).
      const file = new BetterSqlite(t.env.DATABASE_PATH);
      file.pragma('wal_checkpoint(FULL)');
      file.close();
      expect(readFileSync(t.env.DATABASE_PATH).includes(REF)).toBe(false);
    } else expect(await everyRowText(t.server.db)).not.toContain(REF);
    expect(t.lines.join('\n')).not.toContain(REF);
  });

  it('answers a bad case reference or filter with a 400 naming the field', async () => {
    const long = await t.api('GET', '/api/v1/decisions', { auth: kasia, headers: { 'x-case-ref': 'x'.repeat(201) } });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error.details)).toContain('x-case-ref');
    const bad = await t.api('GET', '/api/v1/decisions?undetermined=maybe', { auth: kasia });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('undetermined');
  });
});
