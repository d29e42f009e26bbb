// Defect 9 of issue 13: every commit is synced (synchronous=FULL), unless a setting lowers it on purpose.
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteConnection } from './testing/raw-sql.ts';
import { type TestServer, testServer } from './testing/test-server.ts';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

// The writing connection's level (the one that commits), reached inside a transaction: outside, the handle only reads.
const level = (t: TestServer) =>
  t.server.db.transaction(async (tx) => sqliteConnection(tx).pragma('synchronous', { simple: true }));

describe('durability of answered receipts', () => {
  it('syncs the WAL on every commit by default (synchronous=FULL), so a power loss takes back no answered receipt', async () => {
    const t = await testServer('durable');
    servers.push(t);
    expect(sqliteConnection(t.server.db).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await level(t)).toBe(2);
    expect(t.lines.join('\n')).toContain('"synchronous":"FULL"');
  });

  it('lowers it only when DB_SYNCHRONOUS says so', async () => {
    const t = await testServer('normal', { DB_SYNCHRONOUS: 'NORMAL' });
    servers.push(t);
    expect(await level(t)).toBe(1);
  });
});
