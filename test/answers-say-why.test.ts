import { describe, expect, it } from 'vitest';
import { parseCaseFiles } from '../src/cases/run-cases.ts';
import { DecisionError } from '../src/decide/decision-error.ts';
import { explainAnswer } from '../src/explain/explain-answer.ts';
import { bundledLibrary, ruleSetCaseFiles, sharedCaseFiles } from './rules-library.ts';

const library = bundledLibrary();

describe('a negative answer shows each failed condition as failed', () => {
  it('marks the KIS graduate without a completed contract ✗, citing UZS art. 2 pkt 1b, and names the contract in words', async () => {
    const a = await library.decide({
      question: 'cis-graduate',
      date: '2024-03-01',
      facts: { programme: 'kis', programme_months: 7, has_certificate: true, programme_end_date: '2024-02-01' },
    });
    expect(a.outcome).toBe('not_graduate');
    expect(a.reasons).toEqual([
      expect.objectContaining({ rule: 'cis-graduate.kis-social-contract', basis: 'UZS art. 2 pkt 1b', met: false }),
    ]);
    expect(a.reasons[0]?.text.pl).toContain('stan kontraktu tej osoby: brak kontraktu');
    const said = explainAnswer(a, library.catalogue, 'pl');
    expect(said).toContain('✗ UZS art. 2 pkt 1b: Absolwentem KIS jest tylko osoba, która zrealizowała kontrakt socjalny');
    expect(said).not.toMatch(/^\s+✓/m);
  });

  it('cites pkt 1b for every condition of a KIS graduate, and pkt 1a for a CIS graduate', async () => {
    const facts = { programme_months: 8, has_certificate: true, programme_end_date: '2024-02-01', social_contract: 'completed' };
    const kis = await library.decide({ question: 'cis-graduate', date: '2024-03-01', facts: { ...facts, programme: 'kis' } });
    const cis = await library.decide({ question: 'cis-graduate', date: '2024-03-01', facts: { ...facts, programme: 'cis' } });
    expect(kis.reasons.map((r) => r.basis)).toEqual(['UZS art. 2 pkt 1b']);
    expect(cis.reasons.map((r) => r.basis)).toEqual(['UZS art. 2 pkt 1a']);
    expect([...kis.reasons, ...cis.reasons].every((r) => r.met)).toBe(true);
  });

  it('marks a bar that applies as not met: more than 3 unexcused days lose the month (✗)', async () => {
    const a = await library.decide({
      question: 'cis-benefit',
      date: '2024-07-15',
      facts: { cis_period: 'participation', unexcused_absence_days: 4 },
    });
    expect(a.outcome).toBe('not_payable');
    expect(a.reasons.find((r) => r.rule === 'cis-benefit.unexcused-absence-over-limit')?.met).toBe(false);
    expect(a.reasons.find((r) => r.rule === 'cis-benefit.rate')?.met).toBe(true);
  });

  it('in every case of the rule sets and the shared cases: a reason that decided a negative outcome is not met', async () => {
    const { cases } = parseCaseFiles([...ruleSetCaseFiles(), ...sharedCaseFiles()]);
    let negative = 0;
    for (const { case: c } of cases) {
      const a = await library
        .decide({ question: c.question, date: c.date, facts: c.facts, ...(c.version ? { version: c.version } : {}) })
        .catch(() => undefined);
      const ir = a?.ruleset.version ? library.version(c.question, a.ruleset.version) : undefined;
      if (!a || !ir || ['undetermined', 'not_in_force', ir.defaultOutcome].includes(a.outcome)) continue;
      negative++;
      expect(
        a.reasons.some((r) => !r.met),
        `${c.name}: some reason is not met`,
      ).toBe(true);
      // A bar written as "when <bar>, then <negative outcome>" fired: its condition held, yet the person fails it.
      for (const r of a.reasons) {
        const rule = ir.rules.find((x) => x.qid === r.rule);
        if (rule?.ifMet?.outcome === a.outcome && !rule.ifFailed) expect(r.met, `${c.name}: ${r.rule}`).toBe(false);
      }
    }
    expect(negative).toBeGreaterThan(30);
  });
});

describe('days_in_programme: the month’s own length is the whole month', () => {
  const ask = (date: string, days: number) =>
    library.decide({ question: 'cis-benefit', date, facts: { cis_period: 'participation', days_in_programme: days } });

  it('pays 31 days of March 2023 as the month, 1 564,92 zł, never the 1 617,08 zł of 31/30', async () => {
    expect((await ask('2023-03-15', 31)).amounts.benefit).toBe(1564.92);
    expect((await ask('2023-02-10', 28)).amounts.benefit).toBe(1564.92);
  });

  it('never pays a part month above the monthly benefit, whatever the day count of any month', async () => {
    for (const date of ['2023-01-15', '2023-02-15', '2024-02-15', '2023-04-15', '2025-12-15']) {
      const whole = (await library.decide({ question: 'cis-benefit', date, facts: { cis_period: 'participation' } })).amounts
        .benefit as number;
      const length = Number(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate());
      for (let days = 1; days <= length; days++) expect((await ask(date, days)).amounts.benefit).toBeLessThanOrEqual(whole);
    }
  });

  it('refuses more days than the month has, with INVALID_FACT naming the month’s length', async () => {
    const refused = await ask('2023-04-15', 31).catch((e) => e);
    expect(refused).toBeInstanceOf(DecisionError);
    expect(refused).toMatchObject({ code: 'INVALID_FACT', field: 'facts.days_in_programme' });
    expect(refused.message).toContain('2023-04 has 30 days');
    expect((await ask('2023-04-15', 30)).outcome).toBe('payable');
  });
});

describe('every proposal explains itself from what it changes', () => {
  it('minimum-wage-120 speaks of the minimum wage (4 806,00 zł in 2026), not of the zasiłek', async () => {
    const a = await library.decide({
      question: 'cis-benefit',
      date: '2026-03-15',
      facts: { cis_period: 'participation' },
      version: 'minimum-wage-120',
    });
    const rate = a.reasons.find((r) => r.rule === 'cis-benefit.rate')?.text;
    expect(rate?.pl).toContain('120% minimalnego wynagrodzenia za pracę (4\u00a0806,00\u00a0zł)');
    expect(rate?.pl).not.toContain('pierwszych 90 dni');
    expect(rate?.en).toContain('120 % of the minimum wage (PLN 4,806.00)');
    expect(a.amounts.benefit).toBe(5767.2);
  });

  it('flexible-absence and refund-12-months say they are proposals where they differ from the law', async () => {
    const absence = await library.decide({
      question: 'cis-benefit',
      date: '2025-10-15',
      facts: { cis_period: 'participation', unexcused_absence_days: 5 },
      version: 'flexible-absence',
    });
    expect(absence.reasons.find((r) => r.rule === 'cis-benefit.unexcused-absence')?.text.pl).toContain('według projektu');
    const refund = await library.decide({
      question: 'supported-employment-refund',
      date: '2023-01-15',
      facts: { employment_start_date: '2022-03-01', employment_month: 9 },
      version: 'refund-12-months',
    });
    expect(refund.reasons.find((r) => r.rule === 'supported-employment-refund.six-months-from-2022')?.text.pl).toContain(
      'projekt; obecnie 6 mies.',
    );
  });
});
