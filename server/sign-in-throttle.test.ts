// Defect 5 of issue 13: password guessing is throttled by name and by address, in the database, and counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from './db/raw.ts';
import { addUser, createToken } from './store/people.ts';
import { write } from './testing/raw-sql.ts';
import { type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
const RIGHT = 'the-right-long-password';
const guess = (name: string, password: string, from?: string) =>
  t.api('POST', '/api/v1/session', { body: { name, password }, ...(from ? { headers: { 'x-forwarded-for': from } } : {}) });

beforeAll(async () => {
  // Behind a proxy, so that the test can speak from several addresses.
  t = await testServer('throttle', { TRUST_PROXY: 'true' });
  for (const name of ['ola', 'piotr', 'marta']) await addUser(t.server.db, { name, role: 'caseworker', password: RIGHT });
});
afterAll(() => t?.close());

describe('sign-in throttling', () => {
  it('after 10 wrong passwords for a name refuses even the right one with 429 and Retry-After, from any address', async () => {
    for (let i = 0; i < 10; i++) expect((await guess('ola', `wrong-password-${i}`, `10.0.0.${i}`)).status).toBe(401);
    const right = await guess('ola', RIGHT, '10.0.1.1');
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    const retry = Number(right.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    // Another name signs in from the same addresses.
    expect((await guess('piotr', RIGHT, '10.0.0.1')).status).toBe(200);
  });

  it('holds across a restart: the counts are in the database', async () => {
    await t.restart();
    expect((await guess('ola', RIGHT, '10.0.2.1')).status).toBe(429);
  });

  it('blocks longer each time within a day', async () => {
    // The block ran out (its expiry moved into the past, as 15 minutes passing would).
    expect(await write(t.server.db, "UPDATE sign_in_limits SET expire = ? WHERE key = 'name:ola'", [Date.now() - 1])).toBe(1);
    expect((await guess('ola', 'wrong-again-1', '10.0.3.1')).status).toBe(401);
    for (let i = 2; i <= 10; i++) await guess('ola', `wrong-again-${i}`, '10.0.3.1');
    const second = await guess('ola', RIGHT, '10.0.3.2');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(29 * 60);
  });

  it('throttles an address guessing many names', async () => {
    for (let i = 0; i < 10; i++) expect((await guess(`nobody-${i}`, 'whatever-it-is', '10.9.9.9')).status).toBe(401);
    const next = await guess('marta', RIGHT, '10.9.9.9');
    expect(next.status).toBe(429);
    // Marta herself, from her own desk, is not held back by the guesser.
    expect((await guess('marta', RIGHT, '10.0.5.5')).status).toBe(200);
  });

  it('clears a name’s failures when its owner signs in', async () => {
    for (let i = 0; i < 9; i++) await guess('piotr', `typo-${i}`, '10.1.0.1');
    expect((await guess('piotr', RIGHT, '10.1.0.2')).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await guess('piotr', `typo-again-${i}`, '10.1.0.3')).status).toBe(401);
  });

  it('logs, audits and counts failed sign-ins for the audit page', async () => {
    expect(t.lines.some((l) => l.includes('"msg":"sign-in failed"') && l.includes('"name":"ola"'))).toBe(true);
    expect(t.lines.some((l) => l.includes('"msg":"sign-in refused: throttled"'))).toBe(true);
    const failed = await queryOne(
      t.server.db,
      "SELECT count(*) AS n FROM audit_log WHERE action = 'session.sign_in_failed' AND subject = 'user:ola'",
    );
    expect(failed).toEqual({ n: 20 });
    const admin = { token: await createToken(t.server.db, { name: 'audit-reader', role: 'admin' }) };
    const page = await t.api('GET', '/api/v1/audit?action=session&limit=1', { auth: admin });
    expect(page.body.sign_in.failed_last_24h).toBe(20 + 10 + 18);
    // ola twice, 10.9.9.9, and 10.0.3.1, from which ola's second ten guesses came.
    expect(page.body.sign_in.throttled_last_24h).toBe(4);
    expect(page.body.sign_in.last_failed_at).toMatch(/^\d{4}-/);
  });
});
