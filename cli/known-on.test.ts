import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/reintegra.js');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const TRIAL = JSON.stringify({ cis_period: 'trial' });

describe('reintegra decide --known-on', () => {
  it('answers January 2022 as known on 2022-01-20 with 50 %, and as known today with 120 % and the caveat', () => {
    const then = cli(['decide', '-q', 'cis-benefit', '-d', '2022-01-15', '--known-on', '2022-01-20'], TRIAL);
    expect(then.code, then.err).toBe(0);
    expect(JSON.parse(then.out)).toMatchObject({ amounts: { benefit: 620.4 }, known_on: '2022-01-20' });
    const now = JSON.parse(cli(['decide', '-q', 'cis-benefit', '-d', '2022-01-15'], TRIAL).out);
    expect(now.amounts.benefit).toBe(1488.96);
    expect(now.caveats.map((c: { code: string }) => c.code)).toContain('CIS_RATE_RETROACTIVE_2022');
  });

  it('refuses a day that does not exist, naming the option’s field', () => {
    const r = cli(['decide', '-q', 'cis-benefit', '-d', '2022-01-15', '--known-on', '2022-13-01'], TRIAL);
    expect(r.code).toBe(1);
    expect(r.err).toContain('INVALID_DATE (known_on)');
  });
});
