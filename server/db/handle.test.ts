import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster } from '../testing/pg-cluster.ts';
import { isUniqueViolation } from './errors.ts';
import { afterCommit, dialectOf } from './handle.ts';
import { type Database, openDatabase } from './open.ts';
import { openPgDatabase } from './open-pg.ts';
import { execute, jsonField, query, queryOne } from './raw.ts';
import { settings } from './schema.ts';

// The same behaviour from the one handle, whichever database is under it.
const cluster = await startPgCluster();
afterAll(() => cluster.stop());

const kinds: [string, () => Promise<Database>][] = [
  ['SQLite', async () => openDatabase(join(mkdtempSync(join(tmpdir(), 'ri-handle-')), 'db', 'x.db'))],
  ['PostgreSQL', async () => openPgDatabase(await cluster.createDatabase())],
];

describe.each(kinds)('the store handle on %s', (name, open) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database.close());

  it('says which database it speaks to, in and out of a transaction', async () => {
    const dialect = name === 'SQLite' ? 'sqlite' : 'pg';
    expect(dialectOf(database.db)).toBe(dialect);
    expect(await database.db.transaction(async (tx) => dialectOf(tx))).toBe(dialect);
  });

  it('commits a transaction whole, and undoes it whole when it throws', async () => {
    const { db } = database;
    await db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'a', value: '1' });
      await tx.insert(settings).values({ key: 'b', value: '2' });
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(settings).values({ key: 'c', value: '3' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await db.select().from(settings).orderBy(asc(settings.key))).map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('undoes a nested transaction alone (a savepoint) and keeps the outer one', async () => {
    const { db } = database;
    await db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'outer', value: '1' });
      await tx
        .transaction(async (inner) => {
          await inner.insert(settings).values({ key: 'inner', value: '1' });
          throw new Error('inner refused');
        })
        .catch(() => {});
    });
    const keys = (await db.select().from(settings)).map((r) => r.key);
    expect(keys).toContain('outer');
    expect(keys).not.toContain('inner');
  });

  it('runs an afterCommit hook once committed, and never after a rollback', async () => {
    const { db } = database;
    const heard: string[] = [];
    await db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'hooked', value: '1' });
      await tx.transaction(async (inner) => afterCommit(inner, () => heard.push('committed')));
      expect(heard).toEqual([]);
    });
    await db
      .transaction(async (tx) => {
        afterCommit(tx, () => heard.push('rolled back'));
        throw new Error('no');
      })
      .catch(() => {});
    expect(heard).toEqual(['committed']);
  });

  it('keeps concurrent transactions apart: 50 increments of one counter lose none', async () => {
    const { db } = database;
    await db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'counter', value: '0' });
    });
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.transaction(async (tx) => {
          // Read, yield to the event loop, write: another transaction slipping between would lose an increment.
          await execute(
            tx,
            name === 'SQLite' ? 'SELECT 1' : 'SELECT 1 FROM settings WHERE key = ? FOR UPDATE',
            name === 'SQLite' ? [] : ['counter'],
          );
          const [row] = await tx.select().from(settings).where(eq(settings.key, 'counter'));
          await new Promise((resolve) => setImmediate(resolve));
          await tx
            .update(settings)
            .set({ value: String(Number(row?.value) + 1) })
            .where(eq(settings.key, 'counter'));
        }),
      ),
    );
    const [row] = await db.select().from(settings).where(eq(settings.key, 'counter'));
    expect(row?.value).toBe('50');
  });

  it('tells a unique violation by the database’s own code', async () => {
    const { db } = database;
    const error = await db
      .transaction(async (tx) => {
        await tx.insert(settings).values({ key: 'twice', value: '1' });
        await tx.insert(settings).values({ key: 'twice', value: '2' });
      })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('runs raw statements written once, with counts as numbers and JSON fields read alike', async () => {
    const { db } = database;
    await db.transaction((tx) =>
      execute(tx, 'INSERT INTO settings (key, value) VALUES (?, ?)', ['json', '{"a":{"b":"x"},"n":[1,2]}']),
    );
    const row = await queryOne<{ n: number }>(db, 'SELECT count(*) AS n FROM settings WHERE key = ?', ['json']);
    expect(row).toEqual({ n: 1 });
    const fields = await query<{ b: string; n: string }>(
      db,
      `SELECT ${jsonField(db, 'value', ['a', 'b'], 'text')} AS b, ${jsonField(db, 'value', ['n'], 'json')} AS n FROM settings WHERE key = ?`,
      ['json'],
    );
    expect(fields[0]?.b).toBe('x');
    expect(JSON.parse(fields[0]?.n ?? 'null')).toEqual([1, 2]);
  });
});

describe('the SQLite handle', () => {
  it('reads outside a transaction on a connection that cannot write, so no write escapes a transaction', async () => {
    const database = openDatabase(join(mkdtempSync(join(tmpdir(), 'ri-handle-')), 'x.db'));
    try {
      await expect(database.db.insert(settings).values({ key: 'k', value: 'v' })).rejects.toThrow(/readonly/);
    } finally {
      await database.close();
    }
  });

  it('fails a transaction begun on the outer handle inside another, which would wait for itself, rather than hang', async () => {
    const database = openDatabase(join(mkdtempSync(join(tmpdir(), 'ri-handle-')), 'x.db'), { transactionWaitMs: 200 });
    try {
      await expect(database.db.transaction(async () => database.db.transaction(async () => 1))).rejects.toThrow(
        /pass the transaction handle/,
      );
    } finally {
      await database.close();
    }
  });

  it('gives :memory: a temporary file, shared by its two connections and removed at close', async () => {
    const database = openDatabase(':memory:');
    expect(database.memory).toBe(true);
    await database.db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'm', value: '1' });
    });
    expect(await database.db.select().from(settings)).toHaveLength(1);
    await database.close();
  });
});
