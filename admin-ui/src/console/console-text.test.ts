import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../shared/i18n/language.ts';
import { formatValue, outcomeTone, shortHash } from './answer-text.ts';
import { formatFactValue } from './fact-display.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import { changeFieldLabel, changeValueText } from './replay-text.ts';
import { whatIfSentence } from './what-if-text.ts';

const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');
const DEFS: FactDefinitions = {
  unexcused_absence_days: {
    type: 'integer',
    min: 0,
    default: 0,
    label: { pl: 'Dni nieusprawiedliwionej nieobecności', en: 'Unexcused absence days' },
  },
  cis_period: { type: 'enum', values: ['trial', 'participation'], label: { pl: 'Okres w CIS', en: 'CIS period' } },
  founders: {
    type: 'records',
    fields: { kind: { type: 'enum', values: ['natural', 'legal'] }, at_risk: { type: 'boolean' } },
    label: { pl: 'Założyciele', en: 'Founders' },
  },
};
const OUTCOMES = { payable: { pl: 'przysługuje', en: 'payable' }, not_payable: { pl: 'nie przysługuje', en: 'not payable' } };

afterEach(() => setLanguage('pl'));

describe('the console’s sentences', () => {
  it('says a what-if change in plain words, in Polish and English', () => {
    const change = { fact: 'unexcused_absence_days', from: 5, to: 3, outcome: 'payable', amounts: { benefit: 1756.34 } };
    expect(plain(whatIfSentence(change, DEFS, OUTCOMES))).toBe(
      'Gdyby „Dni nieusprawiedliwionej nieobecności” wynosiło 3 zamiast 5: przysługuje, świadczenie integracyjne 1 756,34 zł',
    );
    expect(
      whatIfSentence(
        { fact: 'cis_period', from: 'participation', to: 'trial', outcome: 'not_payable', amounts: {} },
        DEFS,
        OUTCOMES,
      ),
    ).toBe('Gdyby w polu „Okres w CIS” było „okres próbny” zamiast „uczestnictwo”: nie przysługuje');
    setLanguage('en');
    expect(plain(whatIfSentence(change, DEFS, OUTCOMES))).toBe(
      'If “Unexcused absence days” were 3 instead of 5: payable, integration benefit PLN 1,756.34',
    );
  });

  it('writes facts for the print view: choices, lists, records, not given', () => {
    expect(formatFactValue('cis_period', DEFS.cis_period, 'participation')).toBe('uczestnictwo');
    expect(formatFactValue('cis_period', DEFS.cis_period, undefined)).toBe('nie podano');
    expect(
      formatFactValue('founders', DEFS.founders, [
        { kind: 'natural', at_risk: true },
        { kind: 'legal', at_risk: false },
      ]),
    ).toBe(
      '1. Rodzaj założyciela: osoba fizyczna, Osoba z art. 4 ust. 1 USS: tak; 2. Rodzaj założyciela: osoba prawna, Osoba z art. 4 ust. 1 USS: nie',
    );
    expect(formatFactValue('exclusion_groups', { type: 'list', label: { pl: 'x', en: 'x' } }, [])).toBe('żadne');
  });

  it('writes values of an answer with their units, and codes it does not know as words', () => {
    expect(formatValue('rate_percent', 120)).toBe('120%');
    expect(formatValue('status_until', '2026-03-31')).toBe('31 marca 2026');
    expect(formatValue('flags', ['priority_social_contract', 'new_flag'])).toBe(
      'pierwszeństwo: trwa kontrakt socjalny; new flag',
    );
    expect(outcomeTone('not_payable')).toBe('no');
    expect(outcomeTone('payable')).toBe('yes');
    expect(outcomeTone('undetermined')).toBe('neutral');
    expect(shortHash('sha256:c4c50fa238e6cbce')).toBe('c4c50fa238e6');
  });

  it('writes each changed field of a replay, before and after', () => {
    const ctx = { definitions: DEFS, outcomes: OUTCOMES };
    expect(changeFieldLabel('amounts')).toBe('Kwoty');
    expect(changeValueText('outcome', 'not_payable', ctx)).toBe('nie przysługuje');
    expect(plain(changeValueText('amounts', { benefit: 1859.65 }, ctx))).toBe('świadczenie integracyjne 1 859,65 zł');
    expect(changeValueText('missing', ['cis_period'], ctx)).toBe('Okres w CIS');
    expect(changeValueText('missing', [], ctx)).toBe('brak');
    expect(changeValueText('values', { rate_percent: 100 }, ctx)).toBe('stawka (% zasiłku): 100%');
    expect(changeValueText('caveats', [{ code: 'X', text: { pl: 'Uwaga.', en: 'Note.' } }], ctx)).toBe('Uwaga.');
    expect(changeValueText('ruleset', { id: 'cis-benefit', version: '2022-02-15', hash: 'sha256:c4c50fa238e6cbce' }, ctx)).toBe(
      'wersja 2022-02-15 (skrót c4c50fa238e6)',
    );
  });
});
