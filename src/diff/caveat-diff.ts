import type { LocalText } from '../schema/common.ts';
import type { RuleSetDocument } from '../schema/ruleset.ts';
import { ALWAYS, arrow, makeChange, show } from './change.ts';
import { conditionText } from './condition-text.ts';
import type { Change } from './types.ts';

/** A caveat as written in a rule set (at the top, or on a rule). */
export type CaveatDoc = NonNullable<RuleSetDocument['caveats']>[number];

/** The rule a caveat belongs to, as a summary names it: `cap (UZS art. 15a ust. 2)`. */
export type CaveatOwner = { path: string; label: string } | undefined;

/**
 * The rule set's own caveats, matched by code: for each caveat of `after`, added or changed
 * (one change per field: condition, Polish text, English text), then the removed ones.
 */
export function diffCaveats(before: CaveatDoc[] | undefined, after: CaveatDoc[] | undefined): Change[] {
  const b = new Map((before ?? []).map((c) => [c.code, c] as const));
  const a = new Map((after ?? []).map((c) => [c.code, c] as const));
  const changes: Change[] = [];
  for (const [code, caveat] of a) {
    const old = b.get(code);
    changes.push(...(old ? caveatFieldChanges(old, caveat, undefined) : [caveatAdded(caveat, undefined)]));
  }
  for (const [code, caveat] of b) if (!a.has(code)) changes.push(caveatRemoved(caveat, undefined));
  return changes;
}

/** A rule's `caveat`: added, removed, changed field by field; a new code is a removal and an addition. */
export function diffRuleCaveat(owner: CaveatOwner, before: CaveatDoc | undefined, after: CaveatDoc | undefined): Change[] {
  if (before && after && before.code === after.code) return caveatFieldChanges(before, after, owner);
  const changes: Change[] = [];
  if (before) changes.push(caveatRemoved(before, owner));
  if (after) changes.push(caveatAdded(after, owner));
  return changes;
}

function caveatPath(code: string, owner: CaveatOwner): string {
  return owner ? `${owner.path}.caveat` : `caveats[${code}]`;
}

function caveatAdded(c: CaveatDoc, owner: CaveatOwner): Change {
  const when = conditionText(c.when);
  const whenPl = when === undefined ? '' : `, gdy ${show(when, 'pl')}`;
  const whenEn = when === undefined ? '' : `, when ${show(when, 'en')}`;
  return makeChange(
    'caveat_added',
    caveatPath(c.code, owner),
    { after: c },
    `Dodano zastrzeżenie ${c.code}${owner ? ` do reguły ${owner.label}` : ''}${whenPl}: ${show(c.text.pl, 'pl')}`,
    `Caveat ${c.code} added${owner ? ` to rule ${owner.label}` : ''}${whenEn}: ${show(c.text.en, 'en')}`,
  );
}

function caveatRemoved(c: CaveatDoc, owner: CaveatOwner): Change {
  return makeChange(
    'caveat_removed',
    caveatPath(c.code, owner),
    { before: c },
    `Usunięto zastrzeżenie ${c.code}${owner ? ` z reguły ${owner.label}` : ''}`,
    `Caveat ${c.code} removed${owner ? ` from rule ${owner.label}` : ''}`,
  );
}

const FIELDS: [field: 'when' | 'text.pl' | 'text.en', label: LocalText][] = [
  ['when', { pl: 'warunek', en: 'condition' }],
  ['text.pl', { pl: 'tekst (pl)', en: 'text (pl)' }],
  ['text.en', { pl: 'tekst (en)', en: 'text (en)' }],
];

function caveatFieldChanges(before: CaveatDoc, after: CaveatDoc, owner: CaveatOwner): Change[] {
  const subjectPl = `zastrzeżenie ${after.code}${owner ? ` reguły ${owner.label}` : ''}`;
  const subjectEn = `Caveat ${after.code}${owner ? ` of rule ${owner.label}` : ''}`;
  const changes: Change[] = [];
  for (const [field, label] of FIELDS) {
    const b = field === 'when' ? conditionText(before.when) : before.text[field === 'text.pl' ? 'pl' : 'en'];
    const a = field === 'when' ? conditionText(after.when) : after.text[field === 'text.pl' ? 'pl' : 'en'];
    if (b === a) continue;
    changes.push(
      makeChange(
        'caveat_changed',
        `${caveatPath(after.code, owner)}.${field}`,
        { before: b, after: a },
        `Zmieniono ${subjectPl} – ${label.pl}: ${arrow(b, a, 'pl', ALWAYS)}`,
        `${subjectEn} changed – ${label.en}: ${arrow(b, a, 'en', ALWAYS)}`,
      ),
    );
  }
  return changes;
}
