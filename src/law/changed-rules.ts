import { type Expr, namesIn } from '../expr/ast.ts';
import { printExpression } from '../expr/print.ts';
import { canonicalJson } from '../ir/hash.ts';
import { conditionExprs } from '../ir/reliance.ts';
import type { IrCondition, IrEffect, IrRule, IrRuleSet } from '../ir/types.ts';

/** A rule of a new version that is new, or that decides differently from the rule of the same id before it. */
export interface ChangedRule {
  rule: IrRule;
  change: 'added' | 'changed';
}

/**
 * The rules of `next` whose behaviour differs from `prev` (the version it follows): a new rule, or a rule whose
 * condition, effects, or any definition they use (transitively) changed. Texts alone do not count: they change
 * what an answer says, not what it decides.
 */
export function changedRules(prev: IrRuleSet | undefined, next: IrRuleSet): ChangedRule[] {
  const before = new Map(prev?.rules.map((r) => [r.id, fingerprint(r, prev)]) ?? []);
  const out: ChangedRule[] = [];
  for (const rule of next.rules) {
    const was = before.get(rule.id);
    if (was === undefined) out.push({ rule, change: 'added' });
    else if (was !== fingerprint(rule, next)) out.push({ rule, change: 'changed' });
  }
  return out;
}

/** An outcome of a new version whose amounts or values are new, or are computed differently from before. */
export interface ChangedResult {
  outcome: string;
  change: 'added' | 'changed';
}

/** The outcomes of `next` whose results (amounts and values, with the definitions they reach) differ from `prev`. */
export function changedResults(prev: IrRuleSet | undefined, next: IrRuleSet): ChangedResult[] {
  const out: ChangedResult[] = [];
  for (const [outcome, effect] of next.results) {
    const was = prev?.results.get(outcome);
    const now = canonicalJson({ effect: effectText(effect), defines: definitionsUsed(effectExprs(effect), next) });
    if (!was || !prev) out.push({ outcome, change: 'added' });
    else if (now !== canonicalJson({ effect: effectText(was), defines: definitionsUsed(effectExprs(was), prev) }))
      out.push({ outcome, change: 'changed' });
  }
  return out;
}

/** The definitions a set of expressions reaches, transitively, as printed expressions by name. */
function definitionsUsed(exprs: readonly Expr[], set: IrRuleSet): Record<string, string> {
  const defines = new Map(set.defines.map((d) => [d.name, d.expr]));
  const used = new Map<string, string>();
  const visit = (names: readonly string[]) => {
    for (const name of names) {
      const expr = defines.get(name);
      if (!expr || used.has(name)) continue;
      used.set(name, printExpression(expr));
      visit(namesIn(expr).map((n) => (n.k === 'name' ? n.name : '')));
    }
  };
  visit(exprs.flatMap((e) => namesIn(e).map((n) => (n.k === 'name' ? n.name : ''))));
  return Object.fromEntries([...used].sort(([a], [b]) => a.localeCompare(b)));
}

/** What a rule decides, as canonical text: its condition, its effects, and the definitions these reach. */
function fingerprint(rule: IrRule, set: IrRuleSet): string {
  const exprs = [...(rule.when ? conditionExprs(rule.when) : []), ...effectExprs(rule.ifMet), ...effectExprs(rule.ifFailed)];
  return canonicalJson({
    when: rule.when ? conditionText(rule.when) : null,
    met: effectText(rule.ifMet),
    failed: effectText(rule.ifFailed),
    defines: definitionsUsed(exprs, set),
  });
}

function effectExprs(e: IrEffect | undefined): Expr[] {
  if (!e) return [];
  return [...e.values.flatMap(([, v]) => (v.k === 'expr' ? [v.expr] : [])), ...e.amounts.map(([, x]) => x)];
}

function conditionText(c: IrCondition): unknown {
  switch (c.k) {
    case 'all':
    case 'any':
      return { [c.k]: c.items.map(conditionText) };
    case 'not':
      return { not: conditionText(c.item) };
    case 'compare':
      return [printExpression(c.left), c.op, printExpression(c.right)];
    case 'test':
      return printExpression(c.expr);
  }
}

function effectText(e: IrEffect | undefined): unknown {
  if (!e) return null;
  return {
    outcome: e.outcome ?? null,
    values: e.values.map(([name, v]) => [name, v.k === 'expr' ? printExpression(v.expr) : v.value]),
    amounts: e.amounts.map(([name, x]) => [name, printExpression(x)]),
    append: e.append,
  };
}
