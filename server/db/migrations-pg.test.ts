import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgCluster, startPgCluster } from '../testing/pg-cluster.ts';
import { migratePg } from './migrate-pg.ts';
import * as schemaPg from './schema-pg.ts';

let cluster: PgCluster;
let url: string;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = await startPgCluster();
  url = await cluster.createDatabase();
  await migratePg(url);
  pool = new pg.Pool({ connectionString: url });
});

afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
});

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('PostgreSQL migrations', () => {
  it('apply once: running them again, or from two servers at once, changes nothing', async () => {
    await migratePg(url);
    const applied = await pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(applied.rows).toEqual([{ n: 1 }]);

    const fresh = await cluster.createDatabase();
    await Promise.all([migratePg(fresh), migratePg(fresh), migratePg(fresh)]);
    const other = new pg.Pool({ connectionString: fresh });
    try {
      expect((await other.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows).toEqual([{ n: 1 }]);
      const tables = await other.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows).toEqual([{ n: 17 }]);
    } finally {
      await other.end();
    }
  });

  it('make the tables of schema-pg.ts, column for column and index for index (no forgotten db:generate:pg)', async () => {
    const tables = (Object.values(schemaPg) as unknown[])
      .filter((t): t is PgTable => is(t, PgTable))
      .map((t) => getTableConfig(t));
    const expected = tables
      .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name} ${c.getSQLType()}${c.notNull ? ' not null' : ''}`))
      .sort();
    const columns = await pool.query<{ c: string }>(
      `SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END AS c
       FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    expect(columns.rows.map((r) => r.c).sort()).toEqual(expected);
    const indexNames = tables
      .flatMap((t) => [...t.indexes.map((i) => i.config.name), ...t.columns.flatMap((c) => (c.isUnique ? [c.uniqueName] : []))])
      .sort();
    const indexes = await pool.query<{ n: string }>(
      "SELECT indexname AS n FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_pk'",
    );
    expect(indexes.rows.map((r) => r.n).sort()).toEqual(indexNames);
  });

  it('refuse to change or delete published rule files, with SQLite’s messages', async () => {
    await pool.query(
      "INSERT INTO rule_files (path, revision, kind, yaml, hash, published_by) VALUES ('rules/a.yaml', 1, 'ruleset', 'a: 1', 'sha256:a', 'ewa')",
    );
    await expect(pool.query("UPDATE rule_files SET yaml = 'a: 2' WHERE path = 'rules/a.yaml'")).rejects.toThrow(
      'published rule files never change: publish a new version or revision',
    );
    await expect(pool.query("DELETE FROM rule_files WHERE path = 'rules/a.yaml'")).rejects.toThrow(
      'published rule files are never deleted',
    );
    await expect(pool.query('TRUNCATE rule_files')).rejects.toThrow('published rule files are never deleted');
    expect((await pool.query("SELECT yaml FROM rule_files WHERE path = 'rules/a.yaml'")).rows).toEqual([{ yaml: 'a: 1' }]);
  });

  it('refuse to change or delete the audit log, whose entries the store numbers itself', async () => {
    await pool.query(
      "INSERT INTO audit_log (seq, at, actor, action, subject, prev_hash, hash) VALUES (1, '2026-01-01T00:00:00.000Z', 'ewa', 'x', 'y', 'sha256:genesis', 'h1')",
    );
    for (const sql of ["UPDATE audit_log SET actor = 'adam'", 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      await expect(pool.query(sql), sql).rejects.toThrow('the audit log is append-only');
    }
    expect((await pool.query('SELECT seq, actor, detail FROM audit_log')).rows).toEqual([{ seq: 1, actor: 'ewa', detail: '{}' }]);
  });

  it('number rule files themselves and stamp them with the same ISO text as SQLite, in UTC whatever the session’s zone', async () => {
    const before = Date.now();
    const client = await pool.connect();
    let rows: { id: number; published_at: string }[];
    try {
      // Fourteen hours ahead of UTC: a stamp taken in the session's zone would fall outside the test's time.
      await client.query("BEGIN; SET LOCAL TIME ZONE 'Pacific/Kiritimati'");
      ({ rows } = await client.query(
        "INSERT INTO rule_files (path, revision, kind, yaml, hash, published_by) VALUES ('rules/b.yaml', 1, 'catalogue', 'b', 'sha256:b', 'ewa'), ('rules/b.yaml', 2, 'catalogue', 'b2', 'sha256:b2', 'ewa') RETURNING id, published_at",
      ));
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const [first, second] = rows;
    expect(first?.id).toBeGreaterThan(0);
    expect(second?.id).toBe((first?.id ?? 0) + 1);
    for (const { published_at } of rows) {
      expect(published_at).toMatch(ISO);
      expect(Date.parse(published_at)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(published_at)).toBeLessThanOrEqual(Date.now() + 1);
    }
    await expect(
      pool.query(
        "INSERT INTO rule_files (path, revision, kind, yaml, hash, published_by) VALUES ('rules/b.yaml', 2, 'catalogue', 'x', 'x', 'ewa')",
      ),
    ).rejects.toThrow('rule_files_path_revision');
  });

  it('keep booleans as booleans, also from the 1 and 0 that SQLite’s table objects send', async () => {
    await pool.query("INSERT INTO drafts (id, author_id, proposal) VALUES ('d1', 'ewa', $1), ('d2', 'ewa', $2)", [true, 1]);
    await pool.query("INSERT INTO drafts (id, author_id, revives_repealed) VALUES ('d3', 'ewa', $1)", [0]);
    const { rows } = await pool.query(
      'SELECT id, proposal, revives_repealed, revision, status, created_at FROM drafts ORDER BY id',
    );
    expect(rows.map((r) => [r.id, r.proposal, r.revives_repealed, r.revision, r.status])).toEqual([
      ['d1', true, false, 1, 'draft'],
      ['d2', true, false, 1, 'draft'],
      ['d3', false, false, 1, 'draft'],
    ]);
    expect(rows[0]?.created_at).toMatch(ISO);
  });

  it('hold sizes past 2^31 and serve as the store of RateLimiterPostgres as they are', async () => {
    await pool.query(
      "INSERT INTO uploads (id, owner, format, bytes, hash) VALUES ('u1', 'ewa', 'csv', $1, 'h')",
      [5_000_000_000],
    );
    // node-postgres reads bigint as text unless told otherwise: the store must parse it (or set a type parser).
    expect((await pool.query('SELECT bytes FROM uploads')).rows).toEqual([{ bytes: '5000000000' }]);

    const limiter = new RateLimiterPostgres({
      storeClient: pool,
      tableName: 'sign_in_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: 'name',
      points: 2,
      duration: 60,
    });
    await limiter.consume('ewa');
    await limiter.consume('ewa');
    await expect(limiter.consume('ewa')).rejects.toMatchObject({ consumedPoints: 3 });
    const { rows } = await pool.query<{ key: string; points: number; expire: string }>('SELECT * FROM sign_in_limits');
    expect(rows).toEqual([{ key: 'name:ewa', points: 3, expire: expect.any(String) }]);
    expect(Number(rows[0]?.expire) - Date.now()).toBeGreaterThan(50_000);
  });
});
