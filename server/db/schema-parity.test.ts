import { type Column, getTableColumns, is, SQL } from 'drizzle-orm';
import { integer, PgDialect, PgTable, getTableConfig as pgConfig, pgTable, text as pgText } from 'drizzle-orm/pg-core';
import { SQLiteSyncDialect, SQLiteTable, getTableConfig as sqliteConfig, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from './schema.ts';
import * as pgSchema from './schema-pg.ts';

/** What a column must agree on across the two databases; `kind` is the value the store reads and writes. */
interface ColumnShape {
  key: string;
  name: string;
  kind: string;
  notNull: boolean;
  primary: boolean;
  /** SQLite's AUTOINCREMENT, PostgreSQL's identity. */
  generated: boolean;
  unique: string | null;
  default: unknown;
}

// The one SQL default the schemas use, the current UTC time as ISO text, as each database writes it.
const SQLITE_NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const PG_NOW = `(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

const sqliteSql = (s: SQL) => new SQLiteSyncDialect().sqlToQuery(s).sql;
const pgSql = (s: SQL) => new PgDialect().sqlToQuery(s).sql;

/** A literal default as is; an SQL one as its text, the `now` of either database as 'NOW'. */
function defaultOf(column: Column, render: (s: SQL) => string, now: string): unknown {
  if (!column.hasDefault) return null;
  if (!is(column.default, SQL)) return column.default;
  const text = render(column.default);
  return text === now ? 'NOW' : text;
}

// Compatible types: integers may widen to bigint on PostgreSQL (epoch milliseconds, sizes, counts of rows).
const SQLITE_KIND: Record<string, string> = {
  SQLiteText: 'text',
  SQLiteTextJson: 'text',
  SQLiteInteger: 'integer',
  SQLiteBoolean: 'boolean',
};
const PG_KIND: Record<string, string> = { PgText: 'text', PgInteger: 'integer', PgBigInt53: 'integer', PgBoolean: 'boolean' };

function kindOf(column: Column, kinds: Record<string, string>): string {
  return kinds[column.columnType] ?? `unmapped ${column.columnType}`;
}

/** The shape of a SQLite table, in the terms both databases share. */
function sqliteShape(table: SQLiteTable) {
  const config = sqliteConfig(table);
  const keys = Object.keys(getTableColumns(table));
  return {
    columns: config.columns.map(
      (c, i): ColumnShape => ({
        key: keys[i] ?? '',
        name: c.name,
        kind: kindOf(c, SQLITE_KIND),
        notNull: c.notNull,
        primary: c.primary,
        generated: 'autoIncrement' in c && c.autoIncrement === true,
        unique: c.isUnique ? (c.uniqueName ?? null) : null,
        default: defaultOf(c, sqliteSql, SQLITE_NOW),
      }),
    ),
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: pk.columns.map((c) => c.name) })),
    indexes: config.indexes.map((ix) => ({
      name: ix.config.name,
      unique: ix.config.unique,
      columns: ix.config.columns.map((c) => (is(c, SQL) ? sqliteSql(c) : c.name)),
      where: ix.config.where ? sqliteSql(ix.config.where) : null,
    })),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: u.columns.map((c) => c.name) })),
    foreignKeys: config.foreignKeys.length,
    checks: config.checks.length,
  };
}

/** The shape of a PostgreSQL table, in the same terms. */
function pgShape(table: PgTable) {
  const config = pgConfig(table);
  const keys = Object.keys(getTableColumns(table));
  return {
    columns: config.columns.map(
      (c, i): ColumnShape => ({
        key: keys[i] ?? '',
        name: c.name,
        kind: kindOf(c, PG_KIND),
        notNull: c.notNull,
        primary: c.primary,
        generated: c.generatedIdentity !== undefined || c.columnType === 'PgSerial',
        unique: c.isUnique ? (c.uniqueName ?? null) : null,
        default: defaultOf(c, pgSql, PG_NOW),
      }),
    ),
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: pk.columns.map((c) => c.name) })),
    indexes: config.indexes.map((ix) => ({
      name: ix.config.name,
      unique: ix.config.unique,
      columns: ix.config.columns.map((c) => ('name' in c ? String(c.name) : '')),
      where: ix.config.where ? pgSql(ix.config.where) : null,
    })),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: u.columns.map((c) => c.name) })),
    foreignKeys: config.foreignKeys.length,
    checks: config.checks.length,
  };
}

/** The tables a schema module exports, by export name. */
function tablesOf<T>(module: Record<string, unknown>, kind: new (...args: never[]) => T): Map<string, T> {
  return new Map(Object.entries(module).filter((e): e is [string, T] => is(e[1], kind as never)));
}

const sqliteTables = tablesOf(sqliteSchema, SQLiteTable);
const pgTables = tablesOf(pgSchema, PgTable);

describe('schema-pg.ts against schema.ts', () => {
  it('exports the same tables under the same names, neither side one more', () => {
    expect(sqliteTables.size).toBeGreaterThan(10);
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    const names = (tables: Map<string, SQLiteTable | PgTable>) =>
      [...tables].map(([key, t]) => [key, is(t, PgTable) ? pgConfig(t).name : sqliteConfig(t as SQLiteTable).name]).sort();
    expect(names(pgTables)).toEqual(names(sqliteTables));
  });

  for (const [key, sqliteTable] of sqliteTables) {
    it(`${key}: same columns (names, order, nullability, keys, defaults, compatible types), indexes and constraints`, () => {
      const pgTable = pgTables.get(key);
      expect(pgTable, `schema-pg.ts exports ${key}`).toBeDefined();
      if (pgTable) expect(pgShape(pgTable)).toEqual(sqliteShape(sqliteTable));
    });
  }

  it('would notice a column added on one side only, or a type that does not carry the same values', () => {
    const settingsPlusOne = sqliteTable('settings', {
      key: text('key').primaryKey(),
      value: text('value').notNull(),
      note: text('note'),
    });
    expect(pgShape(pgSchema.settings)).toEqual(sqliteShape(sqliteSchema.settings));
    expect(pgShape(pgSchema.settings)).not.toEqual(sqliteShape(settingsPlusOne));
    const settingsNumbered = pgTable('settings', { key: pgText('key').primaryKey(), value: integer('value').notNull() });
    expect(pgShape(settingsNumbered)).not.toEqual(sqliteShape(sqliteSchema.settings));
    const withDefault = pgTable('settings', { key: pgText('key').primaryKey(), value: pgText('value').notNull().default('') });
    expect(pgShape(withDefault)).not.toEqual(sqliteShape(sqliteSchema.settings));
  });

  it('compares what matters: defaults, identities, partial indexes and composite keys are seen', () => {
    const decisions = pgShape(pgSchema.decisions);
    expect(decisions.columns.find((c) => c.name === 'created_at')).toMatchObject({ default: 'NOW', notNull: true });
    expect(decisions.indexes.find((i) => i.name === 'decisions_job')?.where).toBe('"decisions"."job_id" IS NOT NULL');
    expect(pgShape(pgSchema.auditLog).columns[0]).toMatchObject({ name: 'seq', primary: true, generated: true });
    expect(pgShape(pgSchema.draftFiles).primaryKeys).toEqual([
      { name: 'draft_files_draft_id_path_pk', columns: ['draft_id', 'path'] },
    ]);
    expect(pgShape(pgSchema.users).columns.find((c) => c.name === 'name')?.unique).toBe('users_name_unique');
    expect(pgShape(pgSchema.drafts).columns.find((c) => c.name === 'proposal')).toMatchObject({
      kind: 'boolean',
      default: false,
    });
  });
});
