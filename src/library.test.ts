import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DecisionError } from './decide/decision-error.ts';
import type { Library } from './library.ts';
import { loadLibrary, type RuleFile } from './load/load-library.ts';

const read = (f: string): RuleFile => ({
  path: `rules/${f}`,
  text: readFileSync(new URL(`../rules/${f}`, import.meta.url), 'utf8'),
});
const CATALOGUE = ['facts.yaml', 'questions.yaml', 'outcomes.yaml', 'parameters/pai.yaml', 'parameters/zasilek.yaml'].map(read);
const PAI = ['pai-referral/2014-05-27.yaml', 'pai-referral/2019-06-15.yaml', 'pai-referral/2025-06-01.yaml'].map(read);

/** A synthetic money question: exercises definitions, precedence, results and rounding once at the end. */
const MONEY: RuleFile = {
  path: 'rules/cis-benefit/2020-01-01.yaml',
  text: `
question: cis-benefit
valid_from: 2020-01-01
title: { pl: Test, en: Test }
law: { act: Test act, dz_u: Dz.U. 2020 poz. 1, basis: UZS art. 15 }
facts: [unexcused_absence_days, days_in_programme]
parameters: [zasilek.first_90_days, zasilek.later_days]
define:
  monthly: percent(120, zasilek.first_90_days)
  prorated: if(given(days_in_programme), monthly / 30 * days_in_programme, monthly)
default_outcome: payable
precedence: [not_payable]
results:
  payable:
    amounts: { benefit: prorated - monthly / 20 * unexcused_absence_days }
    values: { rate_percent: 120 }
rules:
  - id: deduction
    basis: UZS art. 15 ust. 7
    when: unexcused_absence_days > 0 and unexcused_absence_days <= 3
    then: payable
    text: { pl: "Potrącenie za {unexcused_absence_days} dni.", en: "Deduction for {unexcused_absence_days} days." }
  - id: too-many-absences
    basis: UZS art. 15 ust. 7
    when: unexcused_absence_days > 3
    then: not_payable
    text: { pl: Ponad 3 dni nieobecności., en: More than 3 days absent. }
  - id: never-applies
    basis: UZS art. 15 ust. 4
    when: zasilek.later_days > 100000
    then: not_payable
    text: { pl: Nigdy., en: Never. }
`,
};

function load(files: RuleFile[]): Library {
  const { library, problems } = loadLibrary([...CATALOGUE, ...files]);
  if (!library) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return library;
}
const library = load([...PAI, MONEY]);
const person = { registered_unemployed: true, receives_social_assistance: true };

async function decisionError(request: Parameters<Library['decide']>[0]): Promise<DecisionError> {
  try {
    await library.decide(request);
  } catch (e) {
    if (e instanceof DecisionError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('version selection', () => {
  it('applies a version from its valid_from day, and the previous one the day before', async () => {
    const before = await library.decide({ question: 'pai-referral', date: '2019-06-14', facts: person });
    const on = await library.decide({ question: 'pai-referral', date: '2019-06-15', facts: person });
    expect(before.ruleset.version).toBe('2014-05-27');
    expect(before.outcome).toBe('not_eligible'); // profile III still required
    expect(on.ruleset.version).toBe('2019-06-15');
    expect(on.outcome).toBe('eligible');
  });

  it('answers not_in_force before the first version, citing the act that created the question', async () => {
    const a = await library.decide({ question: 'pai-referral', date: '2014-05-26', facts: person });
    expect(a.outcome).toBe('not_in_force');
    expect(a.ruleset).toEqual({ id: 'pai-referral', version: null, hash: null });
    expect(a.reasons[0]).toMatchObject({ basis: 'UPZ art. 62a' });
    expect(a.reasons[0]?.text.pl).toContain('Dz.U. 2014 poz. 598');
    const first = await library.decide({
      question: 'pai-referral',
      date: '2014-05-27',
      facts: { ...person, help_profile: 'III' },
    });
    expect(first.outcome).toBe('eligible');
  });

  it('answers not_in_force after repeal, naming the repealing act and the successor', async () => {
    const last = await library.decide({ question: 'pai-referral', date: '2025-05-31', facts: person });
    const a = await library.decide({ question: 'pai-referral', date: '2025-06-01', facts: person });
    expect(last.outcome).toBe('eligible');
    expect(a.outcome).toBe('not_in_force');
    expect(a.values).toEqual({ successor: 'reintegration-referral' });
    expect(a.reasons[0]).toMatchObject({ rule: 'pai-referral.repealed', basis: 'URP art. 460' });
  });
});

describe('facts', () => {
  it('answers undetermined, naming every missing fact, and guesses nothing', async () => {
    const a = await library.decide({ question: 'pai-referral', date: '2020-01-01', facts: { pai_months_completed: 2 } });
    expect(a.outcome).toBe('undetermined');
    expect(a.missing).toEqual(['registered_unemployed', 'receives_social_assistance']);
    expect(a.reasons).toEqual([]);
  });

  it('refuses an unknown fact, naming it and suggesting the right one', async () => {
    const e = await decisionError({ question: 'pai-referral', date: '2020-01-01', facts: { ...person, help_profil: 'III' } });
    expect(e).toMatchObject({ code: 'UNKNOWN_FACT', field: 'facts.help_profil' });
    expect(e.message).toContain('did you mean "help_profile"');
  });

  it('refuses a value of the wrong type, naming the fact', async () => {
    for (const [name, value] of [
      ['registered_unemployed', 'yes'],
      ['help_profile', 'IV'],
      ['pai_months_completed', 1.5],
      ['exclusion_groups', ['homeless']],
      ['programme_end_date', '2023-02-30'],
      ['founders', [{ kind: 'natural' }]],
    ] as const) {
      const e = await decisionError({ question: 'pai-referral', date: '2020-01-01', facts: { ...person, [name]: value } });
      expect(e, name).toMatchObject({ code: 'INVALID_FACT', field: `facts.${name}` });
    }
  });

  it('refuses an unknown question, a bad date and an unknown version', async () => {
    expect(await decisionError({ question: 'pai-referal', date: '2020-01-01' })).toMatchObject({
      code: 'UNKNOWN_QUESTION',
      field: 'question',
    });
    expect(await decisionError({ question: 'pai-referral', date: '2020-02-30' })).toMatchObject({
      code: 'INVALID_DATE',
      field: 'date',
    });
    expect(await decisionError({ question: 'pai-referral', date: '2020-01-01', version: 'nope' })).toMatchObject({
      code: 'UNKNOWN_VERSION',
    });
  });
});

describe('reasons', () => {
  it('lists every failed condition of a negative answer, not only the first, with basis and both languages', async () => {
    const a = await library.decide({
      question: 'pai-referral',
      date: '2021-03-01',
      facts: { registered_unemployed: false, receives_social_assistance: false, pai_months_completed: 6 },
    });
    expect(a.outcome).toBe('not_eligible');
    const failed = a.reasons.filter((r) => !r.met);
    expect(failed.map((r) => r.rule)).toEqual([
      'pai-referral.registered-unemployed',
      'pai-referral.social-assistance',
      'pai-referral.six-month-limit',
    ]);
    expect(failed[2]?.basis).toBe('UPZ art. 62b ust. 2 pkt 1');
    expect(failed[2]?.text.pl).toContain('8 mies.');
    expect(failed[2]?.text.en).toContain('would make it 8');
  });

  it('carries a caveat only when the answer relies on the uncertain day', async () => {
    const facts = { ...person, help_profile: 'III' };
    const early = await library.decide({ question: 'pai-referral', date: '2014-05-28', facts });
    const later = await library.decide({ question: 'pai-referral', date: '2014-09-15', facts });
    expect(early.caveats.map((c) => c.code)).toEqual(['PAI_START_DAY_UNCERTAIN']);
    expect(later.caveats).toEqual([]);
  });
});

describe('money and outcomes', () => {
  it('computes exactly and rounds half-up once, at the end', async () => {
    // 1200.00 × 120 % = 1440; / 30 × 7 = 336; − 1440 / 20 × 1 = 264.
    const a = await library.decide({
      question: 'cis-benefit',
      date: '2021-01-10',
      facts: { unexcused_absence_days: 1, days_in_programme: 7 },
    });
    expect(a).toMatchObject({ outcome: 'payable', amounts: { benefit: 264 }, values: { rate_percent: 120 } });
    // 1240.80 × 1.2 = 1488.96; / 30 × 11 = 545.952 → 545.95 (one rounding, no intermediate cents).
    const b = await library.decide({ question: 'cis-benefit', date: '2021-07-10', facts: { days_in_programme: 11 } });
    expect(b.amounts.benefit).toBe(545.95);
  });

  it('lets the stronger outcome win and drops the reasons of the losing one', async () => {
    const a = await library.decide({ question: 'cis-benefit', date: '2021-07-10', facts: { unexcused_absence_days: 4 } });
    expect(a.outcome).toBe('not_payable');
    expect(a.amounts).toEqual({});
    expect(a.reasons.map((r) => r.rule)).toEqual(['cis-benefit.too-many-absences']);
  });

  it('reads parameters in force on the date and flags doubtful ones', async () => {
    const a = await library.decide({ question: 'cis-benefit', date: '2020-08-31', facts: {} });
    expect(a.amounts.benefit).toBe(1057.56); // 881.30 × 1.2, a recalled value
    expect(a.caveats.map((c) => c.code)).toEqual(['PARAMETER_RECALLED']);
    // zasilek.later_days (also recalled then) is read only by a rule that decided nothing: no caveat for it.
    expect(a.caveats[0]?.text.en).toContain('first 90 days');
    const b = await library.decide({ question: 'cis-benefit', date: '2020-09-01', facts: {} });
    expect(b.amounts.benefit).toBe(1440);
    expect(b.caveats).toEqual([]);
  });
});

describe('ruleset hash', () => {
  it('is stable across formatting, comments and key order, and changes with the content', () => {
    const original = read('pai-referral/2019-06-15.yaml');
    const h1 = library.versionOn('pai-referral', '2020-01-01')?.hash;
    const reformatted = {
      ...original,
      text: `# a comment\n${original.text.replace('valid_from: 2019-06-15\n', '').replace('question: pai-referral\n', 'question: pai-referral\nvalid_from: "2019-06-15"\n')}`,
    };
    const h2 = load([PAI[0] as RuleFile, reformatted]).versionOn('pai-referral', '2020-01-01')?.hash;
    const changed = { ...original, text: original.text.replace('basis: UPZ art. 62b ust. 1', 'basis: UPZ art. 62b ust. 2') };
    const h3 = load([PAI[0] as RuleFile, changed]).versionOn('pai-referral', '2020-01-01')?.hash;
    expect(h1).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(h2).toBe(h1);
    expect(h3).not.toBe(h1);
  });
});

describe('rule caveats, quoted facts and integer parameters', () => {
  const RULE: RuleFile = {
    path: 'rules/pai-plan/2014-05-27.yaml',
    text: `
question: pai-plan
valid_from: 2014-05-27
title: { pl: Test, en: Test }
law: { act: Test act, dz_u: Dz.U. 2014 poz. 598, basis: UPZ art. 62a }
facts: [integration_hours_per_week, labour_council_opinion]
parameters: [pai.min_integration_hours, pai.edition_months, pai.trainer_rate]
define:
  edition_end: add_months(date, pai.edition_months)
default_outcome: compliant
rules:
  - id: hours
    basis: UPZ art. 62a ust. 5
    when: integration_hours_per_week >= pai.min_integration_hours
    else: non_compliant
    text: { pl: "Godzin {integration_hours_per_week}, stawka {pai.trainer_rate}, do {edition_end}.", en: "Hours: {integration_hours_per_week}; {edition_end:money}." }
    text_else: { pl: Za mało godzin., en: Too few hours. }
    caveat:
      code: FEW_SPARE_HOURS
      when: integration_hours_per_week < 12
      text: { pl: Niewielki zapas godzin., en: Little spare time. }
  - id: opinion
    basis: UPZ art. 62a ust. 3
    text: { pl: "Opinia rady: {labour_council_opinion}.", en: "Council opinion: {labour_council_opinion}." }
`,
  };
  const lib = load([RULE]);

  it('carries a rule caveat only when its own condition holds', async () => {
    const tight = await lib.decide({
      question: 'pai-plan',
      date: '2016-01-01',
      facts: { integration_hours_per_week: 10, labour_council_opinion: true },
    });
    const ample = await lib.decide({
      question: 'pai-plan',
      date: '2016-01-01',
      facts: { integration_hours_per_week: 15, labour_council_opinion: true },
    });
    expect(tight.caveats.map((c) => c.code)).toEqual(['FEW_SPARE_HOURS']);
    expect(ample.caveats).toEqual([]);
  });

  it('counts a fact quoted only in a text as read, so it is required and printed', async () => {
    const a = await lib.decide({ question: 'pai-plan', date: '2016-01-01', facts: { integration_hours_per_week: 15 } });
    expect(a).toMatchObject({ outcome: 'undetermined', missing: ['labour_council_opinion'] });
    const b = await lib.decide({
      question: 'pai-plan',
      date: '2016-01-01',
      facts: { integration_hours_per_week: 15, labour_council_opinion: false },
    });
    expect(b.reasons[1]?.text).toEqual({ pl: 'Opinia rady: nie.', en: 'Council opinion: no.' });
  });

  it('types whole-valued parameters as whole numbers and formats money in texts', async () => {
    const a = await lib.decide({
      question: 'pai-plan',
      date: '2016-01-31',
      facts: { integration_hours_per_week: 15, labour_council_opinion: true },
    });
    expect(a.reasons[0]?.text.pl).toBe('Godzin 15, stawka 70,00\u00a0zł, do 31.03.2016.');
  });
});
