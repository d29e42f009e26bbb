import { contentHash } from '../ir/hash.ts';
import type { Rule, RuleSetDocument } from '../schema/ruleset.ts';
import { diffCaveats } from './caveat-diff.ts';
import { diffDefines } from './define-diff.ts';
import { diffMetadata, RULESET_METADATA } from './metadata-diff.ts';
import { diffNameList } from './name-list-diff.ts';
import { diffOutcome, diffResults } from './outcome-diff.ts';
import { diffRule, ruleAdded, ruleMoved, ruleRemoved } from './rule-diff.ts';
import { movedRules } from './rule-order.ts';
import type { Change, RuleSetDiff } from './types.ts';

/**
 * The semantic difference between two versions of a rule set (documents as parsed by
 * `RuleSetDocument.parse`), for legal staff to review before a change of the law is published.
 *
 * Conditions, definitions and effects are compared as normalised expressions, so reformatting,
 * requoting or rewriting `all: [a, b]` as `a and b` is no change. Rules are matched by id.
 * Changes come in document order: metadata, facts, parameters, definitions, default outcome and
 * precedence, results, caveats, then the rules in the order of `after` (each: moved, basis,
 * condition, effects, texts, caveat, confidence and note), and last the rules `after` no longer has.
 * Identical documents give no changes. Pure: reads nothing, writes nothing.
 */
export function diffRuleSets(before: RuleSetDocument, after: RuleSetDocument): RuleSetDiff {
  const changes: Change[] = [
    ...diffMetadata(before, after, RULESET_METADATA),
    ...diffNameList('facts', before.facts, after.facts),
    ...diffNameList('parameters', before.parameters, after.parameters),
    ...diffDefines(before.define, after.define),
    ...diffOutcome(before, after),
    ...diffResults(before.results, after.results),
    ...diffCaveats(before.caveats, after.caveats),
    ...diffRules(before.rules, after.rules),
  ];
  return {
    question: after.question,
    from: { valid_from: before.valid_from, hash: contentHash(before) },
    to: { valid_from: after.valid_from, hash: contentHash(after) },
    changes,
  };
}

function diffRules(before: Rule[], after: Rule[]): Change[] {
  const old = new Map(before.map((r, i) => [r.id, { rule: r, position: i + 1 }] as const));
  const kept = new Set(after.map((r) => r.id));
  const moved = movedRules(
    before.map((r) => r.id),
    after.map((r) => r.id),
  );
  const changes: Change[] = [];
  after.forEach((rule, i) => {
    const was = old.get(rule.id);
    if (!was) {
      changes.push(ruleAdded(rule));
      return;
    }
    if (moved.has(rule.id)) changes.push(ruleMoved(rule, was.position, i + 1));
    changes.push(...diffRule(was.rule, rule));
  });
  for (const rule of before) if (!kept.has(rule.id)) changes.push(ruleRemoved(rule));
  return changes;
}
