import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../shared/i18n/language.ts';
import { chartBins, dataBins } from './bins.ts';
import { exportName } from './export.ts';
import { factText } from './fact-text.ts';
import { formatBytes, formatShare, formatSignedMoney, formatWholeMoney } from './format.ts';
import { kindLabel, parseKind } from './labels.ts';
import { transitionMatrix } from './matrix.ts';
import { pollUntilDone } from './poll.ts';
import { countRows, countRowsStreamed, formatOfFile, jsonBytes } from './population-file.ts';
import { barShare } from './ri-trial-regions.ts';
import type { Simulation, TrialResult } from './types.ts';
import { declaredFacts } from './version-info.ts';

afterEach(() => setLanguage('pl'));

/** The server's bin edges, as JSON brings them (the open ends as null). */
const EDGES = [null, -1000, -500, -200, -100, -50, -10, -0.005, 0.005, 10, 50, 100, 200, 500, 1000, null];
const histogram = EDGES.slice(0, -1).map((from, i) => ({
  from,
  to: EDGES[i + 1] ?? null,
  persons: i === 6 ? 3 : i === 12 ? 7 : 0,
}));

const answer = (outcome: string, benefit: number) => ({
  question: 'cis-benefit',
  date: '2025-10-15',
  outcome,
  amounts: { benefit },
  values: {},
  reasons: [{ rule: 'cis-benefit.absence', basis: 'UZS art. 15 ust. 7', text: { pl: 'Nieobecność', en: 'Absence' }, met: true }],
  missing: [],
  caveats: [],
  ruleset: { id: 'cis-benefit', version: '2022-02-15', hash: 'sha256:aa' },
});

const RESULT: TrialResult = {
  question: 'cis-benefit',
  date: '2025-10-15',
  baseline: { version: '2022-02-15', hash: 'sha256:aa' },
  proposal: { version: 'flexible-absence', hash: 'sha256:bb' },
  persons: 4,
  errors: { count: 1, first: [{ line: 5, reason: 'unexcused_absence_days: "two" is not a whole number' }] },
  changed: 2,
  transitions: { 'not_payable → payable': 2, 'payable → payable': 2 },
  money: {
    benefit: {
      gainers: 2,
      losers: 0,
      total_delta: 3047.76,
      gain_sum: 3047.76,
      loss_sum: 0,
      mean_gain: 1523.88,
      mean_loss: 0,
      histogram,
    },
  },
  yearly_cost_difference: { benefit: 36573.12 },
  assumptions: { months_per_year: 12, text: 'Each person…' },
  breakdowns: {
    cis_period: {
      participation: { persons: 3, changed: 2, total_delta: 3047.76 },
      trial: { persons: 1, changed: 0, total_delta: 0 },
    },
  },
  examples: {
    'not_payable → payable': [
      {
        line: 2,
        facts: { cis_period: 'participation', exclusion_groups: ['a', 'b'] },
        baseline: answer('not_payable', 0),
        proposal: answer('payable', 1523.88),
      },
    ],
  },
  population: { source: 'upload', format: 'csv', bytes: 158, hash: 'sha256:cc' },
};

describe('population files', () => {
  it('takes the format from the name, as the command line does', () => {
    expect(formatOfFile('people.CSV')).toBe('csv');
    expect(formatOfFile('people.jsonl')).toBe('jsonl');
    expect(formatOfFile('people.json')).toBe('jsonl');
    expect(formatOfFile('people.txt')).toBe('csv');
  });

  it('counts persons: non-blank lines, less a CSV header', () => {
    expect(countRows('a,b\n1,2\n\n3,4\n', 'csv')).toBe(2);
    expect(countRows('{"a":1}\r\n{"a":2}\r\n', 'jsonl')).toBe(2);
    expect(countRows('', 'csv')).toBe(0);
  });

  it('counts the same rows reading the file as a stream, a line split across chunks counted once', async () => {
    const big = `a,b\n${'1,2\n'.repeat(70_000)}\n3,4`;
    expect(await countRowsStreamed(new Blob([big]), 'csv')).toBe(countRows(big, 'csv'));
    expect(await countRowsStreamed(new Blob(['{"a":1}\r\n{"a":2}']), 'jsonl')).toBe(2);
  });

  it('measures a body in UTF-8 bytes, escapes included', () => {
    expect(jsonBytes({ a: 'ż' })).toBe(10);
    expect(jsonBytes({ a: '"\n' })).toBe(12);
  });
});

describe('formats of a trial', () => {
  it('writes money with its sign, whole złoty, shares and sizes for pl-PL and English', () => {
    const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(nbsp(formatSignedMoney(1523.88))).toBe('+1 523,88 zł');
    expect(nbsp(formatSignedMoney(-120))).toBe('-120,00 zł');
    expect(nbsp(formatSignedMoney(0))).toBe('0,00 zł');
    expect(nbsp(formatWholeMoney(-1000))).toBe('-1 000 zł');
    expect(nbsp(formatShare(1, 8))).toBe('12,5%');
    expect(nbsp(formatBytes(1_200_000))).toBe('1,2 MB');
    setLanguage('en');
    expect(nbsp(formatSignedMoney(1523.88))).toBe('+PLN 1,523.88');
    expect(formatBytes(158)).toBe('158 byte');
  });

  it('writes fact values as a population file does', () => {
    expect(factText(['a', 'b'])).toBe('a|b');
    expect(factText([{ kind: 'natural', at_risk: true }])).toBe('natural:true');
    expect(factText([])).toBe('—');
    expect(factText(undefined)).toBe('—');
    expect(factText(false)).toBe('false');
  });
});

describe('the chart’s bins', () => {
  it('drops the middle bin of no change, reads ±0.005 as 0, and labels the open ends', () => {
    const bins = chartBins(histogram);
    expect(bins).toHaveLength(14);
    expect(bins.map((b) => b.tone)).toEqual([...Array(7).fill('loss'), ...Array(7).fill('gain')]);
    const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(nbsp(bins[0]?.label ?? '')).toBe('poniżej -1 000 zł');
    expect(nbsp(bins[6]?.label ?? '')).toBe('od -10 zł do 0 zł');
    expect(bins[6]?.persons).toBe(3);
    expect(nbsp(bins[7]?.label ?? '')).toBe('od 0 zł do 10 zł');
    expect(nbsp(bins[13]?.label ?? '')).toBe('1 000 zł i więcej');
    expect(bins.map((b) => b.short)).toContain('−1k…−500');
  });
});

describe('the outcome change matrix', () => {
  it('puts every outcome on both axes, in the catalogue’s order, and lists the changes largest first', () => {
    const m = transitionMatrix({ 'payable → payable': 5, 'not_payable → payable': 3, 'payable → not_payable': 1, 'x → x': 0 }, [
      'payable',
      'not_payable',
    ]);
    expect(m.outcomes).toEqual(['payable', 'not_payable', 'x']);
    expect(m.count('not_payable', 'payable')).toBe(3);
    expect(m.count('not_payable', 'not_payable')).toBe(0);
    expect(m.changes).toEqual([
      { from: 'not_payable', to: 'payable', persons: 3 },
      { from: 'payable', to: 'not_payable', persons: 1 },
    ]);
  });

  it('reads the server’s kinds of change', () => {
    expect(parseKind('not_payable → payable')).toEqual({ type: 'outcome', from: 'not_payable', to: 'payable' });
    expect(parseKind('payable: gains')).toEqual({ type: 'gains', outcome: 'payable' });
    expect(parseKind('payable: values change')).toEqual({ type: 'values', outcome: 'payable' });
    expect(
      kindLabel('payable: loses', {
        acts: {},
        facts: {},
        parameters: {},
        outcomes: { payable: { pl: 'przysługuje', en: 'payable' } },
      }),
    ).toBe('przysługuje, kwota maleje');
  });
});

describe('the export', () => {
  it('names the JSON file after the question, the proposal and the day', () => {
    expect(exportName(RESULT, 'json')).toBe('trial-cis-benefit-flexible-absence-2025-10-15.json');
  });
});

describe('polling a run', () => {
  const run = (status: Simulation['status'], processed: number): Simulation => ({
    id: 'r1',
    status,
    processed,
    question: 'cis-benefit',
    date: '2025-10-15',
    baseline: { version: null, hash: null },
    proposal: { version: 'p', hash: 'h' },
    population_hash: null,
    result: null,
    error: null,
  });

  it('asks until the run is no longer running, reporting each answer', async () => {
    const answers = [run('running', 1000), run('done', 2000)];
    const seen: number[] = [];
    const last = await pollUntilDone(
      run('running', 0),
      async () => answers.shift() ?? run('failed', 0),
      (r) => seen.push(r.processed),
      () => false,
      async () => {},
    );
    expect(seen).toEqual([0, 1000, 2000]);
    expect(last?.status).toBe('done');
  });

  it('stops when the page has moved on', async () => {
    let asked = 0;
    const last = await pollUntilDone(
      run('running', 0),
      async () => {
        asked++;
        return run('running', 1);
      },
      () => {},
      () => true,
      async () => {},
    );
    expect(last).toBeUndefined();
    expect(asked).toBe(0);
  });
});

describe('the facts a version reads', () => {
  it('offers every declared fact, not only those without a default', () => {
    const detail = { document: { facts: ['cis_period', 'unexcused_absence_days'] }, required_facts: ['cis_period'] };
    expect(declaredFacts(detail)).toEqual(['cis_period', 'unexcused_absence_days']);
  });

  it('falls back to the required facts when the document declares none', () => {
    expect(declaredFacts({ document: { facts: 'cis_period' }, required_facts: ['cis_period'] })).toEqual(['cis_period']);
  });
});

describe('data-chosen bins and regional bars', () => {
  it('labels Freedman–Diaconis bins by their ranges, whole złoty from a złoty wide, losses below zero', () => {
    const bins = dataBins({
      width: 50,
      bins: [
        { from: -100, to: -50, persons: 2 },
        { from: -50, to: 0, persons: 0 },
        { from: 0, to: 50, persons: 9 },
      ],
    });
    expect(bins.map((b) => [b.label.replace(/\s/g, ' '), b.tone, b.persons])).toEqual([
      ['od -100 zł do -50 zł', 'loss', 2],
      ['od -50 zł do 0 zł', 'loss', 0],
      ['od 0 zł do 50 zł', 'gain', 9],
    ]);
    // Narrower than a złoty: the grosze stay in the labels.
    expect(dataBins({ width: 0.25, bins: [{ from: 0.5, to: 0.75, persons: 1 }] })[0]?.label.replace(/\s/g, ' ')).toBe(
      'od 0,50 zł do 0,75 zł',
    );
  });

  it('draws each region’s bar as its share of the longest, signs aside', () => {
    const rows = [{ value: -200 }, { value: 100 }, { value: 50 }];
    expect(rows.map((r) => barShare(r.value, rows))).toEqual([1, 0.5, 0.25]);
    expect(barShare(0, [{ value: 0 }])).toBe(0);
  });
});
