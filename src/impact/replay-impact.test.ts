import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { CompiledLibrary } from '../compile/compile.ts';
import { emptyTally, mergeTallies, pickExamples, replayDecisions, type StoredDecision } from './replay-impact.ts';

const library = loadRulesDirOrThrow();
const compiled = new CompiledLibrary(library);

/** Decisions as the law in force gave them: absences of 0 to 6 days in March 2025. */
async function stored(n: number): Promise<StoredDecision[]> {
  const out: StoredDecision[] = [];
  for (let i = 0; i < n; i++) {
    const facts = { cis_period: i % 3 ? 'participation' : 'trial', unexcused_absence_days: i % 7 };
    const a = await library.decide({ question: 'cis-benefit', date: '2025-03-15', facts });
    out.push({ id: `d${i}`, question: 'cis-benefit', date: a.date, facts, outcome: a.outcome, amounts: a.amounts });
  }
  return out;
}

describe('replaying stored decisions under a change', () => {
  it('counts the months that stop being lost under the per-day cut, and what they gain, exactly', async () => {
    const rows = await stored(70);
    const tally = replayDecisions(library, compiled, rows, 'flexible-absence');
    expect(tally).toMatchObject({ replayed: 70, changed: 30, failed: 0 });
    const moved = tally.matrix.find((c) => c.from === 'not_payable' && c.to === 'payable');
    expect(moved?.count).toBe(30);
    const [benefit] = tally.amounts;
    expect(benefit).toMatchObject({ amount: 'benefit', lost: { total: '0.00', count: 0 }, gained: { count: 30 } });
    // What each gains is what the proposal pays, as the interpreter answers it.
    let gained = 0;
    for (const r of rows.filter((x) => x.outcome === 'not_payable')) {
      const a = await library.decide({ question: r.question, date: r.date, facts: r.facts, version: 'flexible-absence' });
      gained += Math.round((a.amounts.benefit ?? 0) * 100);
    }
    expect(benefit?.gained.total).toBe((gained / 100).toFixed(2));
  });

  it('merges page tallies into the tally of the whole, keeping two examples of a kind of change', async () => {
    const rows = await stored(70);
    const whole = replayDecisions(library, compiled, rows, 'flexible-absence');
    const pages = [rows.slice(0, 23), rows.slice(23, 51), rows.slice(51)].map((p) =>
      replayDecisions(library, compiled, p, 'flexible-absence'),
    );
    const merged = pages.reduce(mergeTallies, emptyTally());
    const sorted = (t: typeof whole) => ({
      ...t,
      matrix: [...t.matrix].sort((a, b) => `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`)),
    });
    expect(sorted(merged)).toEqual(sorted(whole));
    const examples = pickExamples(merged, 5);
    expect(examples.length).toBe(2);
    expect(new Set(examples.map((e) => e.id)).size).toBe(2);
  });
});
