import type { Bool, Context } from 'z3-solver';
import type { IrEffect, IrRule, IrRuleSet } from '../ir/types.ts';
import type { N } from './terms.ts';
import type { Translator } from './translate.ts';

/** One side of a rule: `then` applies when its condition holds, `else` when it fails (src/decide/decide.ts). */
export interface Branch {
  rule: IrRule;
  /** The rule's place in the file, which also orders outcomes not named in precedence. */
  index: number;
  side: 'then' | 'else';
  effect?: IrEffect;
  /** When this side applies. */
  applies: Bool<N>;
}

/** Both sides of every rule: `then` always (a rule that fires is a reason), `else` only where the rule has one. */
export function branchesOf(t: Translator): Branch[] {
  const { z, ir } = t;
  const out: Branch[] = [];
  ir.rules.forEach((rule, index) => {
    const holds = rule.when ? t.condition(rule.when, `rule ${rule.id}`) : z.Bool.val(true);
    out.push({ rule, index, side: 'then', ...(rule.ifMet ? { effect: rule.ifMet } : {}), applies: holds });
    if (rule.ifFailed) out.push({ rule, index, side: 'else', effect: rule.ifFailed, applies: z.Not(holds) });
  });
  return out;
}

/**
 * When the answer's outcome is `outcome`, exactly as strongestOutcome() picks it: the strongest decided by
 * `precedence`; among outcomes it does not name, the one decided by the first rule; else the default.
 */
export function outcomeIs(z: Context<N>, ir: IrRuleSet, branches: readonly Branch[], outcome: string): Bool<N> {
  const deciding = branches.filter((b) => b.effect?.outcome !== undefined);
  const decided = (o: string) => z.Or(...deciding.filter((b) => b.effect?.outcome === o).map((b) => b.applies));
  const listed = ir.precedence;
  const parts: Bool<N>[] = [];
  if (outcome === (ir.defaultOutcome ?? 'undetermined')) parts.push(z.Not(z.Or(...deciding.map((b) => b.applies))));
  const rank = listed.indexOf(outcome);
  if (rank >= 0) {
    parts.push(z.And(decided(outcome), ...listed.slice(0, rank).map((o) => z.Not(decided(o)))));
  } else {
    const noneListed = listed.map((o) => z.Not(decided(o)));
    const unlisted = deciding.filter((b) => !listed.includes(b.effect?.outcome as string));
    for (const b of unlisted.filter((x) => x.effect?.outcome === outcome)) {
      const earlier = unlisted.filter((x) => x.index < b.index).map((x) => z.Not(x.applies));
      parts.push(z.And(b.applies, ...noneListed, ...earlier));
    }
  }
  return z.Or(...parts);
}

/** The outcomes a version names: by default, precedence, results and its rules' sides. */
export function outcomesNamed(ir: IrRuleSet): string[] {
  const out = new Set<string>();
  if (ir.defaultOutcome) out.add(ir.defaultOutcome);
  for (const o of ir.document.precedence ?? []) out.add(o);
  for (const o of ir.results.keys()) out.add(o);
  for (const r of ir.rules) {
    if (r.ifMet?.outcome) out.add(r.ifMet.outcome);
    if (r.ifFailed?.outcome) out.add(r.ifFailed.outcome);
  }
  return [...out];
}
