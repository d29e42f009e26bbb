import type { LocalText } from '../schema/common.ts';
import type { Rule } from '../schema/ruleset.ts';
import { diffRuleCaveat } from './caveat-diff.ts';
import { ALWAYS, arrow, makeChange, same, show } from './change.ts';
import { conditionText } from './condition-text.ts';
import { diffEffects, effectFieldLabel } from './effect-fields.ts';
import type { Change } from './types.ts';

/** How a summary names a rule: `help-profile-iii (UPZ art. 62a ust. 2)`. */
export function ruleLabel(rule: Rule): string {
  return `${rule.id} (${rule.basis})`;
}

function rulePath(rule: Rule): string {
  return `rules[${rule.id}]`;
}

/** A rule only `after` has; the summary gives its condition. */
export function ruleAdded(rule: Rule): Change {
  const when = conditionText(rule.when);
  return makeChange(
    'rule_added',
    rulePath(rule),
    { after: rule },
    `Dodano regułę ${ruleLabel(rule)}, warunek: ${show(when, 'pl', ALWAYS)}`,
    `Rule ${ruleLabel(rule)} added, condition: ${show(when, 'en', ALWAYS)}`,
  );
}

/** A rule only `before` had. */
export function ruleRemoved(rule: Rule): Change {
  return makeChange(
    'rule_removed',
    rulePath(rule),
    { before: rule },
    `Usunięto regułę ${ruleLabel(rule)}`,
    `Rule ${ruleLabel(rule)} removed`,
  );
}

/** A rule whose place among the kept rules changed; positions count from 1 in each version's rules. */
export function ruleMoved(rule: Rule, from: number, to: number): Change {
  return makeChange(
    'rule_moved',
    rulePath(rule),
    { before: from, after: to },
    `Przeniesiono regułę ${ruleLabel(rule)} z pozycji ${from} na ${to} (kolejność reguł rozstrzyga, gdy brak pierwszeństwa)`,
    `Rule ${ruleLabel(rule)} moved from position ${from} to ${to} (rule order decides when there is no precedence)`,
  );
}

const BRANCHES: [branch: 'then' | 'else', label: LocalText][] = [
  ['then', { pl: 'gdy warunek spełniony (then)', en: 'when the condition holds (then)' }],
  ['else', { pl: 'gdy warunek niespełniony (else)', en: 'when the condition fails (else)' }],
];

const TEXTS: [field: 'text' | 'text_else', lang: 'pl' | 'en', label: LocalText][] = [
  ['text', 'pl', { pl: 'tekst (pl)', en: 'Text (pl)' }],
  ['text', 'en', { pl: 'tekst (en)', en: 'Text (en)' }],
  ['text_else', 'pl', { pl: 'tekst przy niespełnionym warunku (pl)', en: 'Text when the condition fails (pl)' }],
  ['text_else', 'en', { pl: 'tekst przy niespełnionym warunku (en)', en: 'Text when the condition fails (en)' }],
];

/**
 * Two versions of one rule (same id): basis, condition, `then` / `else` field by field, texts
 * language by language, its caveat, then its confidence and note. Summaries name the rule with
 * its basis in `after`.
 */
export function diffRule(before: Rule, after: Rule): Change[] {
  const label = ruleLabel(after);
  const path = rulePath(after);
  const changes: Change[] = [];

  if (before.basis !== after.basis) {
    changes.push(
      makeChange(
        'rule_basis_changed',
        `${path}.basis`,
        { before: before.basis, after: after.basis },
        `Zmieniono podstawę prawną reguły ${after.id}: ${arrow(before.basis, after.basis, 'pl')}`,
        `Legal basis of rule ${after.id} changed: ${arrow(before.basis, after.basis, 'en')}`,
      ),
    );
  }

  const [wb, wa] = [conditionText(before.when), conditionText(after.when)];
  if (wb !== wa) {
    changes.push(
      makeChange(
        'rule_condition_changed',
        `${path}.when`,
        { before: wb, after: wa },
        `Zmieniono warunek reguły ${label}: ${arrow(wb, wa, 'pl', ALWAYS)}`,
        `Condition of rule ${label} changed: ${arrow(wb, wa, 'en', ALWAYS)}`,
      ),
    );
  }

  for (const [branch, when] of BRANCHES) {
    for (const d of diffEffects(before[branch], after[branch])) {
      const field = effectFieldLabel(d.field);
      changes.push(
        makeChange(
          'rule_effect_changed',
          `${path}.${branch}.${d.field}`,
          d,
          `Zmieniono skutek reguły ${label} ${when.pl} – ${field.pl}: ${arrow(d.before, d.after, 'pl')}`,
          `Effect of rule ${label} ${when.en} changed – ${field.en}: ${arrow(d.before, d.after, 'en')}`,
        ),
      );
    }
  }

  for (const [field, lang, name] of TEXTS) {
    const [b, a] = [before[field]?.[lang], after[field]?.[lang]];
    if (b === a) continue;
    changes.push(
      makeChange(
        'rule_text_changed',
        `${path}.${field}.${lang}`,
        { before: b, after: a },
        `Zmieniono ${name.pl} reguły ${label}: ${arrow(b, a, 'pl')}`,
        `${name.en} of rule ${label} changed: ${arrow(b, a, 'en')}`,
      ),
    );
  }

  changes.push(...diffRuleCaveat({ path, label }, before.caveat, after.caveat));

  if (before.confidence !== after.confidence) {
    changes.push(
      makeChange(
        'rule_metadata_changed',
        `${path}.confidence`,
        { before: before.confidence, after: after.confidence },
        `Zmieniono pewność reguły ${label}: ${arrow(before.confidence, after.confidence, 'pl')}`,
        `Confidence of rule ${label} changed: ${arrow(before.confidence, after.confidence, 'en')}`,
      ),
    );
  }
  if (!same(before.note, after.note)) {
    changes.push(
      makeChange(
        'rule_metadata_changed',
        `${path}.note`,
        { before: before.note, after: after.note },
        `Zmieniono uwagę reguły ${label}: ${arrow(before.note, after.note, 'pl')}`,
        `Note of rule ${label} changed: ${arrow(before.note, after.note, 'en')}`,
      ),
    );
  }
  if (!same(before.note_pl, after.note_pl)) {
    changes.push(
      makeChange(
        'rule_metadata_changed',
        `${path}.note_pl`,
        { before: before.note_pl, after: after.note_pl },
        `Zmieniono polską uwagę reguły ${label}: ${arrow(before.note_pl, after.note_pl, 'pl')}`,
        `Polish note of rule ${label} changed: ${arrow(before.note_pl, after.note_pl, 'en')}`,
      ),
    );
  }
  return changes;
}
