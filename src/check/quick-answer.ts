import type { Catalogue } from '../catalogue/catalogue.ts';
import { factValueSchema } from '../catalogue/fact-types.ts';
import { strongestOutcome } from '../decide/decide.ts';
import { renderText } from '../decide/render-text.ts';
import { makeScope } from '../decide/scope.ts';
import { compare, evaluate, type Scope } from '../expr/evaluate.ts';
import type { IrCondition, IrEffect, IrRule, IrRuleSet } from '../ir/types.ts';
import type { ExampleFacts, Observed } from './example.ts';

/**
 * The sides that apply and the outcome, as decide() makes them from the same scope, comparisons and
 * strongestOutcome(), without json-rules-engine's machinery or the texts: fast enough to try many people
 * before the solver is asked. Every condition is evaluated, as the engine does (no short cut), and the
 * answer's values, amounts and texts, so a person whose decision would fail shows nothing.
 */
export function quickAnswer(ir: IrRuleSet, catalogue: Catalogue, ex: ExampleFacts): Observed | undefined {
  for (const [name, value] of Object.entries(ex.facts)) {
    const def = catalogue.facts.get(name);
    if (!def || !factValueSchema(def).safeParse(value).success) return undefined;
  }
  if (ir.requiredFacts.some((f) => !(f in ex.facts))) return { outcome: 'undetermined', applied: new Set() };
  try {
    const scope = makeScope(ir, catalogue, ex.date, ex.facts);
    const caveatsHeld = ir.caveats.map((c) => (c.when ? holds(c.when, scope) : true));
    const applied = new Set<string>();
    const sides: { rule: IrRule; met: boolean; effect?: IrEffect; caveat: boolean }[] = [];
    for (const rule of ir.rules) {
      const met = rule.when ? holds(rule.when, scope) : true;
      const caveat = rule.caveat?.when ? holds(rule.caveat.when, scope) : true;
      if (met) {
        applied.add(`${rule.id}:then`);
        sides.push({ rule, met, ...(rule.ifMet ? { effect: rule.ifMet } : {}), caveat });
      } else if (rule.ifFailed) {
        applied.add(`${rule.id}:else`);
        sides.push({ rule, met, effect: rule.ifFailed, caveat });
      }
    }
    const outcome = strongestOutcome(
      ir.precedence,
      sides.map((x) => x.effect?.outcome),
      ir.defaultOutcome ?? 'undetermined',
    );
    // What decide() then computes, any of which can fail: values, amounts and the texts of what counts.
    const counted = sides.filter((x) => x.effect?.outcome === undefined || x.effect.outcome === outcome);
    for (const e of [ir.results.get(outcome), ...counted.map((x) => x.effect)]) {
      for (const [, v] of e?.values ?? []) if (v.k === 'expr') evaluate(v.expr, scope);
      for (const [, a] of e?.amounts ?? []) evaluate(a, scope);
    }
    for (const { rule, met, caveat } of counted) {
      renderText(met ? rule.text : (rule.textElse ?? rule.text), scope, catalogue);
      if (rule.caveat && caveat) renderText(rule.caveat.text, scope, catalogue);
    }
    ir.caveats.forEach((c, i) => {
      if (caveatsHeld[i]) renderText(c.text, scope, catalogue);
    });
    return { outcome, applied };
  } catch {
    return undefined;
  }
}

function holds(c: IrCondition, scope: Scope): boolean {
  switch (c.k) {
    case 'all': {
      const each = c.items.map((i) => holds(i, scope));
      return each.every(Boolean);
    }
    case 'any': {
      const each = c.items.map((i) => holds(i, scope));
      return each.some(Boolean);
    }
    case 'not':
      return !holds(c.item, scope);
    case 'compare':
      return compare(c.op, evaluate(c.left, scope), evaluate(c.right, scope));
    case 'test':
      return evaluate(c.expr, scope) === true;
  }
}
