import type { EngineRun } from '../engine/json-rules-engine.ts';
import type { Expr } from '../expr/ast.ts';
import { conditionExprs } from '../ir/reliance.ts';
import type { IrEffect, IrRule, IrRuleSet } from '../ir/types.ts';
import type { DecisionScope } from './scope.ts';
import { conditionTri, factsReader, type Tri, UNKNOWN } from './three-valued.ts';

/** What the facts given settle when some facts are missing. */
export interface Settlement {
  /** Each rule's condition: true, false or UNKNOWN, by rule id. */
  statuses: ReadonlyMap<string, Tri>;
  /** Every outcome some values of the missing facts could still give (over-approximated, never under). */
  possible: readonly string[];
  /** The outcome, when every value of the missing facts gives the same one. */
  outcome?: string;
  /** True when something beyond the outcome (an amount, a value, a caveat) still depends on a missing fact. */
  open: boolean;
  /** The missing facts that can still change the answer, in the rule set's order. */
  missing: string[];
  /** The rules that are settled, as the engine would report them, for building the answer. */
  run: EngineRun;
}

const hasContent = (e: IrEffect | undefined): boolean =>
  e !== undefined && (e.values.length > 0 || e.amounts.length > 0 || e.append.length > 0);

const effectExprs = (e: IrEffect | undefined): Expr[] =>
  e ? [...e.values.flatMap(([, v]) => (v.k === 'expr' ? [v.expr] : [])), ...e.amounts.map(([, x]) => x)] : [];

/**
 * Three-valued evaluation of a rule set: which outcomes remain possible whatever the missing facts are,
 * with precedence respected, and which missing facts could still change the answer. Sound: an outcome
 * reported settled is the outcome of every completion of the facts (each unknown rule may go either way).
 */
export function settle(ir: IrRuleSet, scope: DecisionScope, unknown: ReadonlySet<string>): Settlement {
  const statuses = new Map<string, Tri>();
  const definite: string[] = [];
  const open: { rule: IrRule; options: (IrEffect | undefined)[] }[] = [];
  for (const rule of ir.rules) {
    const s = conditionTri(rule.when, scope);
    statuses.set(rule.id, s);
    if (s === UNKNOWN) open.push({ rule, options: [rule.ifMet, rule.ifFailed] });
    else {
      const o = (s ? rule.ifMet : rule.ifFailed)?.outcome;
      if (o !== undefined) definite.push(o);
    }
  }
  const rank = (o: string) => {
    const i = ir.precedence.indexOf(o);
    return i < 0 ? ir.precedence.length : i;
  };
  const best = definite.reduce<string | undefined>((b, o) => (b === undefined || rank(o) < rank(b) ? o : b), undefined);
  const possible = new Set<string>();
  if (best !== undefined) {
    possible.add(best);
    for (const u of open) for (const e of u.options) if (e?.outcome && rank(e.outcome) <= rank(best)) possible.add(e.outcome);
  } else {
    if (open.every((u) => u.options.some((e) => e?.outcome === undefined))) possible.add(ir.defaultOutcome ?? 'undetermined');
    for (const u of open) for (const e of u.options) if (e?.outcome) possible.add(e.outcome);
  }
  const settled = possible.size === 1 ? [...possible][0] : undefined;
  const couldApply = (e: IrEffect | undefined) => e !== undefined && (e.outcome === undefined || possible.has(e.outcome));

  const readFacts = factsReader(ir);
  const needed: Expr[] = [];
  let isOpen = false;
  for (const u of open) {
    const decidesOutcome = settled === undefined && u.options.some((e) => e?.outcome !== undefined && possible.has(e.outcome));
    const changesAmounts = u.options.some((e) => couldApply(e) && hasContent(e));
    if (decidesOutcome || changesAmounts) needed.push(...(u.rule.when ? conditionExprs(u.rule.when) : []));
    if (changesAmounts) {
      isOpen = true;
      for (const e of u.options) if (couldApply(e)) needed.push(...effectExprs(e));
    }
  }
  for (const o of possible) needed.push(...effectExprs(ir.results.get(o)));
  const fired = new Set<string>();
  const failed = new Set<string>();
  for (const rule of ir.rules) {
    const s = statuses.get(rule.id);
    if (s === UNKNOWN) continue;
    (s ? fired : failed).add(rule.id);
    const e = s ? rule.ifMet : rule.ifFailed;
    if (couldApply(e)) needed.push(...effectExprs(e));
  }
  const caveats = new Set<number>();
  ir.caveats.forEach((c, i) => {
    const s = conditionTri(c.when, scope);
    if (s === true) caveats.add(i);
    else if (s === UNKNOWN && c.when) {
      isOpen = true;
      needed.push(...conditionExprs(c.when));
    }
  });
  const ruleCaveats = new Set<string>();
  for (const rule of ir.rules) {
    if (!rule.caveat?.when || statuses.get(rule.id) === UNKNOWN) continue;
    const s = conditionTri(rule.caveat.when, scope);
    if (s === true) ruleCaveats.add(rule.id);
    else if (s === UNKNOWN) {
      isOpen = true;
      needed.push(...conditionExprs(rule.caveat.when));
    }
  }
  const missing = readFacts(needed).filter((f) => unknown.has(f));
  return {
    statuses,
    possible: [...possible],
    ...(settled !== undefined ? { outcome: settled } : {}),
    open: isOpen || settled === undefined,
    missing,
    run: { fired, failed, caveats, ruleCaveats },
  };
}
