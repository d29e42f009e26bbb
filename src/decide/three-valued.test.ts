import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { parseExpression } from '../expr/parser.ts';
import type { IrRuleSet } from '../ir/types.ts';
import { settle } from './settle.ts';
import { evaluateTri, partialScope, UNKNOWN } from './three-valued.ts';

const library = loadRulesDirOrThrow();
const pai = library.versionOn('pai-referral', '2021-03-01') as IrRuleSet;

function scopeOf(facts: Record<string, unknown>) {
  const unknown = new Set(pai.requiredFacts.filter((f) => !(f in facts)));
  return { scope: partialScope(pai, library.catalogue, '2021-03-01', facts, unknown), unknown };
}

describe('three-valued evaluation', () => {
  it('follows Kleene: a known side settles and/or, an unknown one does not', () => {
    const { scope } = scopeOf({ registered_unemployed: false });
    const tri = (text: string) => evaluateTri(parseExpression(text), scope);
    expect(tri('registered_unemployed and receives_social_assistance')).toBe(false);
    expect(tri('receives_social_assistance and registered_unemployed')).toBe(false);
    expect(tri('not registered_unemployed or receives_social_assistance')).toBe(true);
    expect(tri('receives_social_assistance or registered_unemployed')).toBe(UNKNOWN);
    expect(tri('not receives_social_assistance')).toBe(UNKNOWN);
    expect(tri('if(receives_social_assistance, 2, 2)')).toEqual(tri('2'));
    expect(tri('if(receives_social_assistance, 2, 3)')).toBe(UNKNOWN);
  });

  it('settles the outcome when a failed condition decides it whatever the missing facts are', () => {
    const { scope, unknown } = scopeOf({ registered_unemployed: false });
    const s = settle(pai, scope, unknown);
    expect(s.statuses.get('registered-unemployed')).toBe(false);
    expect(s.statuses.get('social-assistance')).toBe(UNKNOWN);
    expect(s.possible).toEqual(['not_eligible']);
    expect(s.outcome).toBe('not_eligible');
    expect(s.missing).toEqual([]);
  });

  it('leaves the outcome open, naming only the facts that can still change it', () => {
    const { scope, unknown } = scopeOf({ registered_unemployed: true, pai_months_completed: 0 });
    const s = settle(pai, scope, unknown);
    expect(s.outcome).toBeUndefined();
    expect([...s.possible].sort()).toEqual(['eligible', 'not_eligible']);
    expect(s.missing).toEqual(['receives_social_assistance']);
  });
});

describe('precedence under unknown facts', () => {
  it('settles the strongest outcome a known rule decides, and keeps the answer open while a value still needs a fact', () => {
    const cis = library.versionOn('cis-benefit', '2024-07-15') as IrRuleSet;
    const facts = { unexcused_absence_days: 5 };
    const unknown = new Set(cis.requiredFacts.filter((f) => !(f in facts)));
    const s = settle(cis, partialScope(cis, library.catalogue, '2024-07-15', facts, unknown), unknown);
    // More than 3 days of unexcused absence: not_payable outranks payable, whatever the period is.
    expect(s.possible).toEqual(['not_payable']);
    expect(s.outcome).toBe('not_payable');
    // The rate shown with the answer still depends on the period.
    expect(s.missing).toEqual(['cis_period']);
  });
});

describe('decide with facts missing', () => {
  it('is not undetermined when the outcome is already certain', async () => {
    const a = await library.decide({ question: 'pai-referral', date: '2021-03-01', facts: { registered_unemployed: false } });
    expect(a).toMatchObject({ outcome: 'not_eligible', missing: [] });
    expect(a.reasons.map((r) => r.rule)).toContain('pai-referral.registered-unemployed');
    // The reason of a fact never given is not invented.
    expect(a.reasons.map((r) => r.rule)).not.toContain('pai-referral.social-assistance');
  });

  it('stays undetermined when an amount still depends on a missing fact', async () => {
    const a = await library.decide({ question: 'cis-benefit', date: '2024-07-15', facts: { sick_days: 2 } });
    expect(a).toMatchObject({ outcome: 'undetermined', missing: ['cis_period'] });
  });
});
