import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/reintegra.js');

/** Runs the real command line, as a user would, and returns what it printed. */
function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PERSON = JSON.stringify({
  registered_unemployed: true,
  help_profile: 'III',
  receives_social_assistance: true,
  social_contract: 'active',
});

describe('reintegra test', () => {
  it('prints each failing case and the closing count, and exits 1 when one fails', () => {
    const r = cli(['test', 'test/fixtures/cases/pai-mixed.yaml']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL test/fixtures/cases/pai-mixed.yaml:12 A wrong expectation must fail');
    expect(r.out).toContain('outcome: expected not_eligible, got eligible');
    expect(r.out).toContain('values.months_left: expected 3, got 4');
    expect(r.out.trim().split('\n').pop()).toBe('2 passed, 1 failed');
  });

  it('exits 1 when no case ran at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ri-'));
    writeFileSync(join(dir, 'empty.yaml'), '[]\n');
    const r = cli(['test', join(dir, 'empty.yaml')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('0 passed, 0 failed');
  });

  it('rejects a malformed case file with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ri-'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      '- name: x\n  question: pai-referral\n  date: 2020-01-01\n  expect: { outcom: eligible }\n',
    );
    const r = cli(['test', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.yaml:4:\d+ UNKNOWN_KEY: "outcom"/);
  });
});

describe('reintegra decide', () => {
  it('explains in Polish why a person may be referred, and under which article', () => {
    const r = cli(['decide', '--question', 'pai-referral', '--date', '2014-09-15', '--facts', '-', '--explain'], PERSON);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Odpowiedź: spełnia warunki\n');
    expect(r.out).toContain('✓ UPZ art. 62a ust. 2: Osobie ustalono III profil pomocy.');
    // Polish a person can sign: the day and the values as words, no codes.
    expect(r.out).toContain('Skierowanie do Programu Aktywizacja i Integracja, 15.09.2014');
    expect(r.out).toContain('pozostałe miesiące udziału w PAI: 4');
    expect(r.out).not.toMatch(/eligible|months_left|pai-referral/);
  });

  it('answers at once when a fact given already settles the outcome, naming nothing missing (issue 15)', () => {
    const r = cli(['decide', '-q', 'pai-referral', '-d', '2021-03-01'], JSON.stringify({ registered_unemployed: false }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ outcome: 'not_eligible', missing: [] });
  });

  it('prints the JSON answer of the contract, and English on request', () => {
    const json = cli(['decide', '-q', 'pai-referral', '-d', '2014-09-15'], PERSON);
    expect(JSON.parse(json.out)).toMatchObject({ question: 'pai-referral', outcome: 'eligible', values: { months_left: 4 } });
    const en = cli(['decide', '-q', 'pai-referral', '-d', '2014-09-15', '--explain', '--lang', 'en'], PERSON);
    expect(en.out).toContain('Answer: eligible\n');
    expect(en.out).toContain('Referral to the Activation and Integration Programme, 15 September 2014');
    expect(en.out).toContain('PAI months left: 4');
  });

  it('answers an early day from the history of the zasiłek, and a day without a known value as undetermined, exiting 0', () => {
    const early = cli(['decide', '-q', 'cis-benefit', '-d', '2010-05-15'], JSON.stringify({ cis_period: 'participation' }));
    expect(early.code).toBe(0);
    expect(JSON.parse(early.out)).toMatchObject({ outcome: 'payable', amounts: { benefit: 717 } });
    const unknown = cli(
      ['decide', '-q', 'cis-premia', '-d', '2005-05-15', '--explain'],
      JSON.stringify({ cis_period: 'participation', premia_requested_percent: 10 }),
    );
    expect(unknown.code).toBe(0);
    expect(unknown.err).toBe('');
    expect(unknown.out).toContain('Odpowiedź: brak danych do rozstrzygnięcia');
    expect(unknown.out).toContain('✗ UZS art. 15a: Nie można rozstrzygnąć: wartość „Limit premii motywacyjnej');
  });

  it('refuses more days in the programme than the month has, naming its length', () => {
    const r = cli(
      ['decide', '-q', 'cis-benefit', '-d', '2023-04-15'],
      JSON.stringify({ cis_period: 'trial', days_in_programme: 31 }),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('INVALID_FACT (facts.days_in_programme)');
    expect(r.err).toContain('has 30 days');
  });

  it('names an unknown fact on stderr and exits non-zero', () => {
    const r = cli(['decide', '-q', 'pai-referral', '-d', '2019-07-10'], JSON.stringify({ help_profil: 'III' }));
    expect(r.code).toBe(1);
    expect(r.err).toContain('UNKNOWN_FACT (facts.help_profil): "help_profil" is not a fact; did you mean "help_profile"?');
    expect(r.out).toBe('');
  });
});

describe('reintegra validate', () => {
  it('passes on the bundled rules', () => {
    const r = cli(['validate']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d+ files valid/);
  });

  it('prints file:line:col CODE for a broken rule set and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ri-rules-'));
    for (const f of ['facts.yaml', 'questions.yaml', 'outcomes.yaml', 'parameters'])
      cpSync(join(ROOT, 'rules', f), join(dir, f), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/invalid/unknown-fact.yaml'), join(dir, 'pai-referral/2019-06-15.yaml'), { recursive: true });
    const r = cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'pai-referral/2019-06-15.yaml:16:37 UNKNOWN_FACT: "help_profil" is not a fact; did you mean "help_profile"?',
    );
  });
});

describe('reintegra questions and help', () => {
  it('lists each question with its versions', () => {
    const r = cli(['questions']);
    expect(r.out).toMatch(/pai-referral: .*\n {2}2014-05-27 … 2019-06-15 \(excl\.\)/);
    expect(r.out).toContain('[repealed]');
  });

  it.each(['test', 'decide', 'validate', 'questions', 'coverage'])('%s --help describes the command', (cmd) => {
    const r = cli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: reintegra ${cmd}`);
  });
});

describe('server administration on the DATABASE_PATH database', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ri-admin-')), 'r.db');
  const run = (args: string[], input?: string) => cli(args, input, { DATABASE_PATH: db });

  it('adds a user with the password from stdin, refusing a weak one and an unknown role', () => {
    expect(run(['user', 'add', '--name', 'ewa', '--role', 'reviewer'], 'ewa-long-enough-password\n').code).toBe(0);
    const weak = run(['user', 'add', '--name', 'jan', '--role', 'editor'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/at least 12/);
    expect(run(['user', 'add', '--name', 'jan', '--role', 'boss'], 'jan-long-enough-password\n').err).toContain(
      'unknown role "boss"',
    );
  });

  it('prints only the new token on stdout', () => {
    const r = run(['token', 'create', '--name', 'pup-krakow', '--role', 'caseworker']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ri_[\w-]{43}\n$/);
  });

  it('verifies the audit chain, and names the first broken entry', async () => {
    expect(run(['audit', 'verify']).out).toMatch(/audit chain intact: \d+ entries/);
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(db);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET subject = 'user:mallory' WHERE seq = 1");
    raw.close();
    const broken = run(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('audit chain broken at entry 1');
  });
});

describe('reintegra simulate', () => {
  const SIMULATE_CIS = ['simulate', '-q', 'cis-benefit', '-d', '2025-10-15'];
  it('trials a proposal over a population file, reports bad rows by line, and writes the changed persons', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ri-sim-')), 'changed.csv');
    const r = cli([
      ...SIMULATE_CIS,
      '--proposal',
      'flexible-absence',
      '--population',
      'test/fixtures/populations/cis-small.csv',
      '--by',
      'exclusion_groups',
      '--csv',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cis-small.csv:5: column "unexcused_absence_days" has a wrong value "two"');
    // Polish by default: persons counted with agreeing nouns, outcomes and values by their labels, złoty the Polish way.
    const said = r.out.replaceAll('\u00a0', ' ');
    expect(said).toContain('4 osoby (1 wiersz nieodczytany), odpowiedź zmienia się dla: 2 osoby.');
    expect(said).toContain('nie przysługuje → przysługuje');
    // 2066.28 × 15/20 = 1549.71; 2066.28 × (1 − 4/20 − 3/40) = 1498.05.
    expect(said).toContain('saldo: 3 047,76 zł miesięcznie; różnica kosztów w roku 36 573,12 zł');
    expect(said).toContain('osoba uzależniona od alkoholu');
    expect(said).not.toMatch(/PLN|payable|alcohol_dependent/);
    const changed = readFileSync(out, 'utf8').trim().split('\n');
    expect(changed).toHaveLength(3);
    expect(changed[1]).toMatch(/^2,not_payable → payable,/);
  });

  it('summarises in English on request', () => {
    const r = cli([
      ...SIMULATE_CIS,
      '--proposal',
      'flexible-absence',
      '--population',
      'test/fixtures/populations/cis-small.csv',
      '--lang',
      'en',
    ]);
    expect(r.out.replaceAll('\u00a0', ' ')).toContain('4 persons (1 row not read), the answer changes for 2 persons.');
    expect(r.out).toContain('net: PLN 3,047.76 a month; yearly cost difference PLN 36,573.12');
    expect(r.out).toContain('not payable → payable');
  });

  it('refuses an unknown proposal', () => {
    const r = cli([...SIMULATE_CIS, '--proposal', 'nope', '--population', 'test/fixtures/populations/cis-small.csv']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no proposal or version "nope"');
  });
});
