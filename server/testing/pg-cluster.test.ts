import { connect } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPgCluster } from './pg-cluster.ts';

/** Connects once to 127.0.0.1:port: 'open', or the error code (ECONNREFUSED once nothing listens). */
function probe(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** Runs `sql` on the database at `url` and returns its rows. */
async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('a throw-away PostgreSQL cluster', () => {
  it('starts on loopback, makes separate databases, and is gone once stopped', async () => {
    const cluster = await startPgCluster();
    try {
      expect(cluster.url).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`);
      expect(await query(cluster.url, 'SELECT 1 + 1 AS two')).toEqual([{ two: 2 }]);
      // Text sorts byte by byte, as in SQLite.
      expect(await query(cluster.url, "SELECT datcollate FROM pg_database WHERE datname = 'postgres'")).toEqual([
        { datcollate: 'C' },
      ]);

      const first = await cluster.createDatabase();
      const second = await cluster.createDatabase('named_one');
      expect(second).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/named_one`);
      expect(first).not.toBe(second);
      await query(first, 'CREATE TABLE only_here (x int)');
      expect(await query(first, "SELECT to_regclass('only_here') IS NOT NULL AS here")).toEqual([{ here: true }]);
      expect(await query(second, "SELECT to_regclass('only_here') IS NOT NULL AS here")).toEqual([{ here: false }]);
      await expect(cluster.createDatabase('Not-Plain')).rejects.toThrow('not a plain database name');
    } finally {
      await cluster.stop();
    }
    // stop() waited for the server to end: nothing answers on its port any more, and stopping again does nothing.
    expect(await probe(cluster.port)).toBe('ECONNREFUSED');
    await cluster.stop();
  });
});
