// Defect 9 of issue 13: every commit is synced (synchronous=FULL), unless a setting lowers it on purpose.
import { afterAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './testing/test-server.ts';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

const level = (t: TestServer) => t.server.db.$client.pragma('synchronous', { simple: true });

describe('durability of answered receipts', () => {
  it('syncs the WAL on every commit by default (synchronous=FULL), so a power loss takes back no answered receipt', async () => {
    const t = await testServer('durable');
    servers.push(t);
    expect(t.server.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(level(t)).toBe(2);
    expect(t.lines.join('\n')).toContain('"synchronous":"FULL"');
  });

  it('lowers it only when DB_SYNCHRONOUS says so', async () => {
    const t = await testServer('normal', { DB_SYNCHRONOUS: 'NORMAL' });
    servers.push(t);
    expect(level(t)).toBe(1);
  });
});
