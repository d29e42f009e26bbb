import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { ParameterFile } from '../schema/parameters.ts';
import { RuleSetDocument } from '../schema/ruleset.ts';
import { parameterSentences, ruleSetSentences } from './change-sentences.ts';

const library = loadRulesDirOrThrow();
const read = (path: string) => readFileSync(new URL(`../../rules/${path}`, import.meta.url), 'utf8');
const v2022 = RuleSetDocument.parse(parse(read('cis-benefit/2022-02-15.yaml')));

describe('a change in sentences, as the law reads', () => {
  it('words a changed provision by its sentence and when it applies, before and after, with labels, not expressions', () => {
    const amended = RuleSetDocument.parse(
      parse(
        read('cis-benefit/2022-02-15.yaml')
          .replace('when: unexcused_absence_days > 3', 'when: unexcused_absence_days > 5')
          .replace('ponad 3 dni w miesiącu', 'ponad 5 dni w miesiącu'),
      ),
    );
    const [only, ...rest] = ruleSetSentences(v2022, amended, library.catalogue);
    expect(rest).toEqual([]);
    expect(only?.pl).toBe(
      'Zmieniony przepis (UZS art. 15 ust. 7): było „Nieusprawiedliwiona nieobecność trwała [Dni nieusprawiedliwionej nieobecności] dni, ponad 3 dni w miesiącu, więc świadczenie za ten miesiąc nie przysługuje.” (stosuje się, gdy: Dni nieusprawiedliwionej nieobecności: więcej niż 3; wynik: nie przysługuje); będzie „Nieusprawiedliwiona nieobecność trwała [Dni nieusprawiedliwionej nieobecności] dni, ponad 5 dni w miesiącu, więc świadczenie za ten miesiąc nie przysługuje.” (stosuje się, gdy: Dni nieusprawiedliwionej nieobecności: więcej niż 5; wynik: nie przysługuje).',
    );
    expect(only?.en).toContain('(applies when: Unexcused absence days: more than 5; outcome: not payable)');
    expect(only?.pl).not.toMatch(/unexcused_absence_days|<=|>/);
  });

  it('words the proposal of a per-day cut: the repealed provision and the widened one', () => {
    const proposal = RuleSetDocument.parse(parse(read('cis-benefit/proposals/flexible-absence.yaml')));
    const lines = ruleSetSentences(v2022, proposal, library.catalogue).map((l) => l.pl);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^Zmieniony przepis \(UZS art\. 15 ust\. 7\): było .*gdy: Dni nieusprawiedliwionej nieobecności: więcej niż 0 i Dni nieusprawiedliwionej nieobecności: co najwyżej 3\); będzie .*gdy: Dni nieusprawiedliwionej nieobecności: więcej niż 0\)\.$/,
    );
    expect(lines[1]).toMatch(/^Uchylony przepis \(UZS art\. 15 ust\. 7\): „Nieusprawiedliwiona nieobecność trwała/);
  });

  it('words a dated value with its label, its day and its amount formatted', () => {
    const text = read('parameters/zasilek.yaml');
    const before = ParameterFile.parse(parse(text));
    const after = structuredClone(before);
    const rows = after.parameters['zasilek.first_90_days']?.values ?? [];
    const last = rows.at(-1);
    if (!last) throw new Error('no row');
    rows.push({ ...last, from: '2027-06-01', value: 1802.5 });
    last.value = Math.round((last.value + 1) * 100) / 100;
    const lines = parameterSentences(before, after);
    expect(lines.map((l) => l.pl.replace(/\u00a0/g, ' '))).toEqual([
      expect.stringMatching(/^„Zasiłek .*” od \d\d\.\d\d\.\d{4} r\.: [\d ]+,\d\d zł zamiast [\d ]+,\d\d zł \(.+\)\.$/),
      expect.stringMatching(/^„Zasiłek .*” od 01\.06\.2027 r\.: 1 802,50 zł \(.+\)\.$/),
    ]);
    expect(lines[1]?.en).toMatch(/from 1 June 2027: PLN 1,802\.50/);
  });
});
