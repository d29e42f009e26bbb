import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../server/env.ts';
import { openStore } from '../server/store/open-store.ts';
import { importRulesDir } from '../server/store/rule-files.ts';
import { type PgCluster, startPgCluster } from '../server/testing/pg-cluster.ts';
import { loadRulesDirOrThrow } from '../src/adapters/fs/read-rules.ts';
import { shownLocation } from './server-database.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/reintegra.js');

/** Runs the real command line with the given settings, and returns what it printed. */
function cli(env: Record<string, string>, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The bundled rules with one dated value of the zasiłek changed, so that an answer shows which law it came from. */
function amendedRules(dir: string): string {
  const rules = join(dir, 'rules');
  cpSync(join(ROOT, 'rules'), rules, { recursive: true });
  const path = join(rules, 'parameters/zasilek.yaml');
  const text = readFileSync(path, 'utf8');
  if (!text.includes('value: 717.00')) throw new Error('the fixture value 717.00 is gone from zasilek.yaml');
  writeFileSync(path, text.replace('value: 717.00', 'value: 727.00'));
  return rules;
}

/** A server database holding the amended law as published, and the settings that name it. */
interface Published {
  /** What --database takes: the SQLite file or the postgres:// URL. */
  location: string;
  /** The environment a server (and so the command line) would have for it. */
  env: Record<string, string>;
  rules: string;
}

/** Publishes the amended law into the database `env` names, as the server's first start does. */
async function publish(env: Record<string, string>, rules: string): Promise<void> {
  const store = await openStore(parseEnv(env));
  try {
    await importRulesDir(store.db, rules);
  } finally {
    await store.close();
  }
}

const PARTICIPATION = JSON.stringify({ cis_period: 'participation' });

/** What the command line must do the same on either database. */
function onServerDatabase(open: () => Promise<Published>) {
  let db: Published;
  beforeAll(async () => {
    db = await open();
  });

  it('answers by the published law, named by --database or by the environment', async () => {
    const r = cli({}, ['decide', '--database', db.location, '-q', 'cis-benefit', '-d', '2010-05-15'], PARTICIPATION);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const expected = await loadRulesDirOrThrow(db.rules).decide({
      question: 'cis-benefit',
      date: '2010-05-15',
      facts: { cis_period: 'participation' },
    });
    expect(JSON.parse(r.out)).toMatchObject({ outcome: expected.outcome, amounts: expected.amounts, ruleset: expected.ruleset });
    expect(JSON.parse(r.out).amounts.benefit).toBe(727);
    const fromEnv = cli(db.env, ['decide', '-q', 'cis-benefit', '-d', '2010-05-15'], PARTICIPATION);
    expect(JSON.parse(fromEnv.out).amounts.benefit).toBe(727);
    expect(cli(db.env, ['questions']).out).toMatch(/^pai-referral: /m);
  });

  it('adds a user, creates, lists and revokes a token, and verifies the audit chain', () => {
    const added = cli(db.env, ['user', 'add', '--name', 'ewa', '--role', 'editor'], 'ewa-long-enough-password\n');
    expect(added.err).toBe('user ewa (editor) added\n');
    expect(cli(db.env, ['token', 'create', '--name', 'pup', '--role', 'caseworker']).out).toMatch(/^ri_[\w-]{43}\n$/);
    expect(cli(db.env, ['token', 'list']).out).toMatch(/ pup +caseworker +active /);
    expect(cli(db.env, ['token', 'revoke', 'pup']).err).toMatch(/^token pup \(\S+\) revoked\n$/);
    expect(cli(db.env, ['token', 'list']).out).toMatch(/ pup +caseworker +revoked /);
    const verified = cli(db.env, ['audit', 'verify']);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toMatch(/^audit chain intact: \d+ entries, holding the published head hmac-sha256:[0-9a-f]{64}\n$/);
  });

  it('exports the published law, and imports a changed folder as a change set by an editor', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ri-export-')), 'law');
    const exported = cli({}, ['export', '--database', db.location, '--to', out]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/^(\d+) files: \1 written, 0 unchanged$/m);
    const path = join(out, 'parameters/zasilek.yaml');
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(join(db.rules, 'parameters/zasilek.yaml'), 'utf8'));
    writeFileSync(path, readFileSync(path, 'utf8').replace('value: 727.00', 'value: 737.00'));
    const imported = cli(db.env, ['import', '--database', db.location, out, '--as', 'ewa']);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toBe(
      `changed rules/parameters/zasilek.yaml\nchange set ${/change set (\S+):/.exec(imported.out)?.[1]}: 1 files, for review\n`,
    );
    expect(cli(db.env, ['audit', 'verify']).code).toBe(0);
  });
}

describe('the command line on a server’s SQLite file', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ri-cli-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  onServerDatabase(async () => {
    const env = { DATABASE_PATH: join(dir, 'data', 'reintegra.db') };
    const rules = amendedRules(dir);
    await publish(env, rules);
    return { location: env.DATABASE_PATH, env, rules };
  });

  it('refuses a file that does not exist, and creates none', () => {
    const missing = join(dir, 'missing.db');
    const r = cli({}, ['questions', '--database', missing]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`reintegra: no database at ${missing}: give the server's DATABASE_PATH (or its DATABASE_URL)\n`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('the command line on a server’s PostgreSQL', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ri-cli-pg-'));
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  onServerDatabase(async () => {
    cluster = await startPgCluster();
    const url = await cluster.createDatabase();
    // Nodes on PostgreSQL share one secret; the anchor file would otherwise land beside ./data, in the repository.
    const env = { DATABASE_URL: url, REINTEGRA_SECRET: 's'.repeat(32), AUDIT_ANCHOR_PATH: join(dir, 'audit-heads') };
    const rules = amendedRules(dir);
    await publish(env, rules);
    return { location: url, env, rules };
  });

  it('says why it cannot connect, never printing the password', () => {
    const r = cli({}, ['questions', '--database', 'postgres://ops:hunter2-secret@127.0.0.1:1/law']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('reintegra: connect ECONNREFUSED 127.0.0.1:1\n');
  });

  it('hides a password in the database it names', () => {
    expect(shownLocation('postgres://ops:hunter2@db.local:5432/law')).toBe('postgres://ops:***@db.local:5432/law');
    expect(shownLocation('postgres://ops@db.local/law')).toBe('postgres://ops@db.local/law');
    expect(shownLocation('/var/lib/reintegra/r.db')).toBe('/var/lib/reintegra/r.db');
  });
});
