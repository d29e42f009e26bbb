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

describe('reintegra stale', () => {
  it('lists the zasiłek and the minimum wage as due on 2030-08-01, by label, and nothing on 2026-12-31', () => {
    const r = cli(['stale', '--on', '2030-08-01']);
    expect(r.code, r.err).toBe(0);
    // Amounts are written with non-breaking spaces, as Intl writes them.
    expect(r.out.replaceAll('\u00a0', ' ')).toContain(
      'Zasiłek podstawowy, pierwsze 90 dni: 1 783,90 zł od 01.06.2026; nowa wartość należała się od 01.06.2027',
    );
    expect(r.out).toContain('Minimalne wynagrodzenie miesięczne');
    expect(cli(['stale', '--on', '2026-12-31']).out).toBe('Na dzień 31.12.2026 wszystkie wartości są aktualne.\n');
    const json = JSON.parse(cli(['stale', '--on', '2030-08-01', '--json']).out);
    expect(json.stale.map((s: { id: string }) => s.id)).toContain('zasilek.first_90_days');
  });
});
