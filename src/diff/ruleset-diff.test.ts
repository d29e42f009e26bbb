import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { RuleSetDocument } from '../schema/ruleset.ts';
import { formatDiff } from './format-diff.ts';
import { diffRuleSets } from './ruleset-diff.ts';
import type { Change, RuleSetDiff } from './types.ts';

const RULES = new URL('../../rules/', import.meta.url);
const load = (file: string) => RuleSetDocument.parse(parse(readFileSync(new URL(file, RULES), 'utf8')));
const edit = (doc: RuleSetDocument, change: (d: RuleSetDocument) => void): RuleSetDocument => {
  const copy = structuredClone(doc);
  change(copy);
  return RuleSetDocument.parse(copy);
};
const rule = (doc: RuleSetDocument, id: string) => {
  const found = doc.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const where = (diff: RuleSetDiff) => diff.changes.map((c) => `${c.kind} ${c.path}`);
const only = (diff: RuleSetDiff, path: string): Change => {
  const found = diff.changes.filter((c) => c.path === path);
  expect(found).toHaveLength(1);
  return found[0] as Change;
};

describe('diffRuleSets on pai-referral 2014-05-27 → 2019-06-15 (profiling abolished)', () => {
  const before = load('pai-referral/2014-05-27.yaml');
  const after = load('pai-referral/2019-06-15.yaml');
  const diff = diffRuleSets(before, after);

  it('names the versions, with the hashes the loaded library gives them', () => {
    const library = loadRulesDirOrThrow();
    expect(diff.question).toBe('pai-referral');
    expect(diff.from).toEqual({ valid_from: '2014-05-27', hash: library.version('pai-referral', '2014-05-27')?.hash });
    expect(diff.to).toEqual({ valid_from: '2019-06-15', hash: library.version('pai-referral', '2019-06-15')?.hash });
    expect(diff.from.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reports exactly what changed, in document order', () => {
    expect(where(diff)).toEqual([
      'metadata_changed valid_from',
      'metadata_changed title.pl',
      'metadata_changed title.en',
      'metadata_changed law.act',
      'metadata_changed law.dz_u',
      'metadata_changed law.published_on',
      'metadata_changed law.note',
      'metadata_changed law.note_pl',
      'metadata_changed confidence',
      'metadata_changed note',
      'metadata_changed note_pl',
      'fact_removed facts[help_profile]',
      'caveat_removed caveats[PAI_START_DAY_UNCERTAIN]',
      'rule_text_changed rules[social-assistance].text.pl',
      'rule_text_changed rules[social-assistance].text.en',
      'rule_removed rules[help-profile-iii]',
    ]);
  });

  it('says the help-profile-iii rule was removed, naming its basis', () => {
    const removed = only(diff, 'rules[help-profile-iii]');
    expect(removed.summary).toEqual({
      pl: 'Usunięto regułę help-profile-iii (UPZ art. 62a ust. 2)',
      en: 'Rule help-profile-iii (UPZ art. 62a ust. 2) removed',
    });
    expect(removed.before).toEqual(rule(before, 'help-profile-iii'));
    expect(removed).not.toHaveProperty('after');
  });

  it('reports the help_profile fact and the PAI_START_DAY_UNCERTAIN caveat removed', () => {
    expect(only(diff, 'facts[help_profile]')).toMatchObject({ kind: 'fact_removed', before: 'help_profile' });
    const caveat = only(diff, 'caveats[PAI_START_DAY_UNCERTAIN]');
    expect(caveat.kind).toBe('caveat_removed');
    expect(caveat.summary.pl).toBe('Usunięto zastrzeżenie PAI_START_DAY_UNCERTAIN');
    expect(caveat.before).toMatchObject({ code: 'PAI_START_DAY_UNCERTAIN', when: 'date < "2014-06-01"' });
  });

  it('reports the new act and its publication', () => {
    expect(only(diff, 'law.dz_u')).toMatchObject({
      kind: 'metadata_changed',
      before: 'Dz.U. 2014 poz. 598',
      after: 'Dz.U. 2019 poz. 986',
      summary: {
        pl: 'Zmieniono metadane – publikacja w Dz.U. (law.dz_u): "Dz.U. 2014 poz. 598" → "Dz.U. 2019 poz. 986"',
        en: 'Metadata changed – publication (Dz.U.) (law.dz_u): "Dz.U. 2014 poz. 598" → "Dz.U. 2019 poz. 986"',
      },
    });
    expect(only(diff, 'law.act').after).toMatch(/^Ustawa z dnia 26 kwietnia 2019 r\./);
    expect(only(diff, 'law.note')).toMatchObject({ after: expect.stringContaining('K 53/16') });
    expect(only(diff, 'law.note_pl')).toMatchObject({ after: expect.stringContaining('Trybunału Konstytucyjnego K 53/16') });
    expect(only(diff, 'law.note')).not.toHaveProperty('before');
    expect(only(diff, 'confidence')).toMatchObject({ before: 'uncertain', summary: { en: expect.stringContaining('→ (none)') } });
  });

  it('quotes changed texts language by language', () => {
    const pl = only(diff, 'rules[social-assistance].text.pl');
    expect(pl.before).toBe('Osoba korzysta ze świadczeń pomocy społecznej.');
    expect(pl.after).toBe(
      'Osoba korzysta ze świadczeń pomocy społecznej; od 15 czerwca 2019 r. profil pomocy nie jest wymagany.',
    );
    expect(pl.summary.pl).toBe(
      'Zmieniono tekst (pl) reguły social-assistance (UPZ art. 62a ust. 2): "Osoba korzysta ze świadczeń pomocy społecznej." → "Osoba korzysta ze świadczeń pomocy społecznej; od 15 czerwca 2019 r. profil pomocy nie jest wymagany."',
    );
    expect(only(diff, 'rules[social-assistance].text.en').summary.en).toMatch(
      /^Text \(en\) of rule social-assistance \(UPZ art\. 62a ust\. 2\) changed: "The person receives social-assistance benefits\." → /,
    );
  });

  it('formats one line per change', () => {
    const lines = formatDiff(diff, 'en').split('\n');
    expect(lines).toHaveLength(diff.changes.length);
    expect(lines.at(-1)).toBe('Rule help-profile-iii (UPZ art. 62a ust. 2) removed');
    expect(formatDiff(diff, 'pl').split('\n')[11]).toBe('Usunięto fakt help_profile z czytanych faktów');
  });
});

describe('diffRuleSets on identical documents', () => {
  it('reports nothing for the same document, or a fresh parse of it', () => {
    for (const file of ['pai-referral/2014-05-27.yaml', 'cis-premia/2022-02-15.yaml', 'pai-referral/2025-06-01.yaml']) {
      const diff = diffRuleSets(load(file), load(file));
      expect(diff.changes).toEqual([]);
      expect(diff.from.hash).toBe(diff.to.hash);
      expect(formatDiff(diff, 'pl')).toBe('');
    }
  });

  it('reports nothing when only the spelling changed: spacing, quotes, all / any form, literal numbers', () => {
    const before = load('cis-premia/2022-02-15.yaml');
    const after = edit(before, (d) => {
      rule(d, 'participation-period').when = { all: ["cis_period=='participation'"] };
      if (d.define)
        d.define.within_cap = '(cis_period == "participation") and (premia_requested_percent<=cis.premia_cap_percent)';
      if (d.results?.not_allowed && typeof d.results.not_allowed === 'object')
        d.results.not_allowed.amounts = { premia_max: '0.00' };
      d.facts = [...d.facts].reverse();
    });
    expect(diffRuleSets(before, after).changes).toEqual([]);
  });
});

describe('diffRuleSets on a synthetic amendment of cis-premia', () => {
  const before = load('cis-premia/2022-02-15.yaml');
  const after = edit(before, (d) => {
    const cap = rule(d, 'cap');
    cap.basis = 'UZS art. 15a ust. 3';
    cap.when = 'within_cap and premia_requested_percent > 0';
    cap.else = { outcome: 'capped', amounts: { premia_max: 'percent(50, month_benefit)' } };
    const capped = d.results?.capped;
    if (capped && typeof capped === 'object') capped.amounts = { premia_max: 'percent(50, month_benefit)' };
  });
  const diff = diffRuleSets(before, after);

  it('reports the amount, the basis, the condition and the effect, each once, in order', () => {
    expect(where(diff)).toEqual([
      'results_changed results.capped.amounts.premia_max',
      'rule_basis_changed rules[cap].basis',
      'rule_condition_changed rules[cap].when',
      'rule_effect_changed rules[cap].else.amounts.premia_max',
    ]);
  });

  it('summarises the condition with both normalised texts', () => {
    expect(only(diff, 'rules[cap].when')).toEqual({
      kind: 'rule_condition_changed',
      path: 'rules[cap].when',
      before: 'within_cap',
      after: 'within_cap and premia_requested_percent > 0',
      summary: {
        pl: 'Zmieniono warunek reguły cap (UZS art. 15a ust. 3): "within_cap" → "within_cap and premia_requested_percent > 0"',
        en: 'Condition of rule cap (UZS art. 15a ust. 3) changed: "within_cap" → "within_cap and premia_requested_percent > 0"',
      },
    });
  });

  it('summarises the basis and the amounts', () => {
    expect(only(diff, 'rules[cap].basis').summary).toEqual({
      pl: 'Zmieniono podstawę prawną reguły cap: "UZS art. 15a ust. 2" → "UZS art. 15a ust. 3"',
      en: 'Legal basis of rule cap changed: "UZS art. 15a ust. 2" → "UZS art. 15a ust. 3"',
    });
    expect(only(diff, 'results.capped.amounts.premia_max')).toMatchObject({
      before: 'premia_max',
      after: 'percent(50, month_benefit)',
      summary: { pl: 'Zmieniono wyniki rozstrzygnięcia capped – kwota premia_max: "premia_max" → "percent(50, month_benefit)"' },
    });
    const effect = only(diff, 'rules[cap].else.amounts.premia_max');
    expect(effect).not.toHaveProperty('before');
    expect(effect.summary.en).toBe(
      'Effect of rule cap (UZS art. 15a ust. 3) when the condition fails (else) changed – amount premia_max: (none) → "percent(50, month_benefit)"',
    );
  });

  it('does not count `else: capped` rewritten as `{ outcome: capped }` as a change', () => {
    expect(diff.changes.some((c) => c.path === 'rules[cap].else.outcome')).toBe(false);
  });
});

describe('diffRuleSets on other kinds of change', () => {
  const before = load('pai-referral/2019-06-15.yaml');

  it('reports a rule added where it stands, a rule moved, and a condition dropped', () => {
    const after = edit(before, (d) => {
      const [first, second, ...rest] = d.rules;
      if (!first || !second) throw new Error('too few rules');
      d.rules = [
        { ...second },
        first,
        { id: 'age-limit', basis: 'UPZ art. 62a ust. 1', when: 'true', text: { pl: 'Wiek.', en: 'Age.' } },
        ...rest,
      ];
      delete rule(d, 'psu-unavailable').when;
    });
    const diff = diffRuleSets(before, after);
    expect(where(diff)).toEqual([
      'rule_moved rules[registered-unemployed]',
      'rule_added rules[age-limit]',
      'rule_condition_changed rules[psu-unavailable].when',
    ]);
    expect(only(diff, 'rules[registered-unemployed]')).toMatchObject({ before: 1, after: 2 });
    expect(only(diff, 'rules[age-limit]').summary.pl).toBe('Dodano regułę age-limit (UPZ art. 62a ust. 1), warunek: "true"');
    expect(only(diff, 'rules[psu-unavailable].when').summary.en).toBe(
      'Condition of rule psu-unavailable (UPZ art. 73a ust. 1) changed: "zasilek_entitled" → (always)',
    );
  });

  it('reports definitions, outcomes, precedence, parameters, caveats and appended codes', () => {
    const after = edit(before, (d) => {
      d.parameters = [...d.parameters, 'pai.max_editions'];
      d.define = { ...d.define, months_after_edition: 'pai_months_completed + 2 * pai.edition_months', spare: '1' };
      d.default_outcome = 'not_eligible';
      d.precedence = ['not_eligible', 'eligible'];
      d.caveats = [{ code: 'CHECK_CONTRACT', text: { pl: 'Sprawdź kontrakt.', en: 'Check the contract.' } }];
      // biome-ignore lint/suspicious/noThenProperty: `then` is the rule-language word for the effect when the condition holds.
      rule(d, 'priority-social-contract').then = { append: { flags: ['priority', 'priority_social_contract'] } };
      rule(d, 'edition-length').caveat = { code: 'EDITION', when: 'date >= "2020-01-01"', text: { pl: 'E.', en: 'E.' } };
    });
    const diff = diffRuleSets(before, after);
    expect(where(diff)).toEqual([
      'parameter_added parameters[pai.max_editions]',
      'define_changed define.months_after_edition',
      'define_added define.spare',
      'outcome_changed default_outcome',
      'outcome_changed precedence',
      'caveat_added caveats[CHECK_CONTRACT]',
      'caveat_added rules[edition-length].caveat',
      'rule_effect_changed rules[priority-social-contract].then.append.flags',
    ]);
    expect(only(diff, 'precedence').summary.pl).toBe(
      'Zmieniono pierwszeństwo rozstrzygnięć: (kolejność reguł) → [not_eligible, eligible]',
    );
    expect(only(diff, 'define.months_after_edition').after).toBe('pai_months_completed + 2 * pai.edition_months');
    expect(only(diff, 'rules[edition-length].caveat').summary.en).toBe(
      'Caveat EDITION added to rule edition-length (UPZ art. 62b ust. 1), when "date >= \\"2020-01-01\\"": "E."',
    );
    expect(only(diff, 'rules[priority-social-contract].then.append.flags')).toMatchObject({
      before: '[priority_social_contract]',
      after: '[priority, priority_social_contract]',
    });

    const back = diffRuleSets(after, before);
    expect(where(back)).toEqual([
      'parameter_removed parameters[pai.max_editions]',
      'define_changed define.months_after_edition',
      'define_removed define.spare',
      'outcome_changed default_outcome',
      'outcome_changed precedence',
      'caveat_removed caveats[CHECK_CONTRACT]',
      'caveat_removed rules[edition-length].caveat',
      'rule_effect_changed rules[priority-social-contract].then.append.flags',
    ]);
  });

  it('reports a changed caveat field by field', () => {
    const cis = load('cis-premia/2022-02-15.yaml');
    const after = edit(cis, (d) => {
      const c = d.caveats?.[0];
      if (c) c.when = 'cis_period == "participation" and date < "2016-01-01"';
    });
    const diff = diffRuleSets(cis, after);
    expect(where(diff)).toEqual(['caveat_changed caveats[PREMIA_CAP_2015_DAY_UNCERTAIN].when']);
    expect(diff.changes[0]?.summary.pl).toBe(
      'Zmieniono zastrzeżenie PREMIA_CAP_2015_DAY_UNCERTAIN – warunek: "cis_period == \\"participation\\" and date >= \\"2015-01-01\\" and date < \\"2016-01-01\\"" → "cis_period == \\"participation\\" and date < \\"2016-01-01\\""',
    );
  });
});
