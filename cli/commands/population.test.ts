import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPULATION_FACTS } from '../../src/population/generate/index.ts';
import { CliError } from '../io.ts';
import { parsePopulationOptions } from './population.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/reintegra.js');

/** Runs the real command line, as a user would. */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('reintegra population', () => {
  it('writes a CSV of 100 persons with a header, and the assumptions beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ri-pop-'));
    const file = join(dir, 'p.csv');
    const r = cli(['population', '--size', '100', '--seed', '7', '--date', '2025-10-15', '--format', 'csv', '--out', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('100 persons written');
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe(POPULATION_FACTS.join(','));
    for (const line of lines.slice(1)) expect(line.split(',').length).toBe(POPULATION_FACTS.length);
    expect(existsSync(`${file}.assumptions.md`)).toBe(true);
    const assumptions = readFileSync(`${file}.assumptions.md`, 'utf8');
    expect(assumptions).toContain('- Ziarno: 7');
    expect(assumptions).toContain('- Liczba osób: 100');
    expect(assumptions).toContain('- Dzień oceny: 15.10.2025');
    const english = cli([
      'population',
      '--size',
      '10',
      '--seed',
      '7',
      '-d',
      '2025-10-15',
      '-o',
      join(dir, 'e.csv'),
      '--lang',
      'en',
    ]);
    expect(english.code).toBe(0);
    expect(readFileSync(join(dir, 'e.csv.assumptions.md'), 'utf8')).toContain('- Assessed on: 2025-10-15');
  });

  it('writes the same file for the same seed, another for another seed, and JSON Lines on request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ri-pop-'));
    const run = (name: string, seed: string, extra: string[] = []) => {
      const file = join(dir, name);
      const r = cli(['population', '--size', '50', '--seed', seed, '-d', '2016-03-31', '-o', file, ...extra]);
      expect(r.code).toBe(0);
      return readFileSync(file, 'utf8');
    };
    const a = run('a.csv', '3');
    expect(run('b.csv', '3')).toBe(a);
    expect(run('c.csv', '4')).not.toBe(a);
    const jsonl = run('d.jsonl', '3').trimEnd().split('\n');
    expect(jsonl).toHaveLength(50);
    for (const line of jsonl) expect(Object.keys(JSON.parse(line))).toContain('help_profile');
    expect(run('e.txt', '3', ['--format', 'jsonl'])).toBe(`${jsonl.join('\n')}\n`);
  });

  it('refuses bad options with a clear message and exit code 1, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ri-pop-'));
    const file = join(dir, 'x.csv');
    const cases: [string[], RegExp][] = [
      [['--size', '0'], /--size must be a whole number from 1 to 10,000,000, not "0"/],
      [['--date', '2025-02-29'], /--date must be a real calendar day written YYYY-MM-DD, not "2025-02-29"/],
      [['--format', 'xml'], /--format must be csv or jsonl, not "xml"/],
    ];
    for (const [bad, message] of cases) {
      const args = { '--size': '10', '--seed': '1', '--date': '2025-10-15', '--out': file } as Record<string, string>;
      args[bad[0] as string] = bad[1] as string;
      const r = cli(['population', ...Object.entries(args).flat()]);
      expect(r.code, bad.join(' ')).toBe(1);
      expect(r.err).toMatch(message);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('reports a file it cannot write', () => {
    const r = cli(['population', '--size', '5', '--seed', '1', '--date', '2025-10-15', '--out', '/nonexistent-dir/p.csv']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/reintegra: cannot write the population: .*nonexistent-dir/);
  });
});

describe('parsePopulationOptions', () => {
  const base = { size: '10', seed: '1', date: '2025-10-15', out: 'p.csv' };
  it('takes the format from the file name unless given', () => {
    expect(parsePopulationOptions(base)).toEqual({ size: 10, seed: 1, date: '2025-10-15', format: 'csv', out: 'p.csv' });
    expect(parsePopulationOptions({ ...base, out: 'p.jsonl' }).format).toBe('jsonl');
    expect(parsePopulationOptions({ ...base, out: 'p.JSON' }).format).toBe('jsonl');
    expect(parsePopulationOptions({ ...base, out: 'p.jsonl', format: 'csv' }).format).toBe('csv');
  });

  it('accepts the limits and refuses just past them', () => {
    expect(parsePopulationOptions({ ...base, size: '10000000', seed: '4294967295' })).toMatchObject({
      size: 10_000_000,
      seed: 4294967295,
    });
    expect(() => parsePopulationOptions({ ...base, size: '10000001' })).toThrow(CliError);
    expect(() => parsePopulationOptions({ ...base, seed: '4294967296' })).toThrow(CliError);
    expect(() => parsePopulationOptions({ ...base, size: '' })).toThrow(CliError);
    expect(() => parsePopulationOptions({ ...base, size: '1e3' })).toThrow(CliError);
    expect(() => parsePopulationOptions({ ...base, size: '2.5' })).toThrow(/--size must be a whole number/);
    expect(() => parsePopulationOptions({ ...base, seed: '-1' })).toThrow(/--seed must be a whole number from 0 to 4294967295/);
    expect(() => parsePopulationOptions({ ...base, date: '15.10.2025' })).toThrow(/--date must be a real calendar day/);
    expect(() => parsePopulationOptions({ ...base, out: ' ' })).toThrow(/--out must name a file/);
    expect(() => parsePopulationOptions({ ...base, date: '1899-12-31' })).toThrow(/1900/);
  });
});
