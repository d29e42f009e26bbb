import type { Catalogue } from '../catalogue/catalogue.ts';
import { type EngineRun, evaluatorFor } from '../engine/json-rules-engine.ts';
import { ExprEvalError } from '../expr/errors.ts';
import { evaluate } from '../expr/evaluate.ts';
import { toPlain, type Value } from '../expr/value.ts';
import { union } from '../ir/reliance.ts';
import type { IrEffect, IrRule, IrRuleSet } from '../ir/types.ts';
import { dueSince, staleCaveat } from '../known/stale.ts';
import { Rational } from '../money/rational.ts';
import type { Answer, AnswerCaveat, Reason } from '../schema/answer.ts';
import { DOUBTFUL } from '../schema/common.ts';
import { DecisionError } from './decision-error.ts';
import { parameterCaveat, parameterNotInForceAnswer, unknownInTextCaveat } from './parameter-texts.ts';
import { renderText } from './render-text.ts';
import { type DecisionScope, makeScope, ParameterNotInForce } from './scope.ts';
import { settle } from './settle.ts';
import { partialScope, UnknownFacts } from './three-valued.ts';

/** What a caller may learn of an evaluation beyond its answer (which dated parameters it read, for test coverage). */
export interface DecisionObserver {
  parametersRead?(ids: ReadonlySet<string>): void;
}

/** Answers one question for one person under one rule-set version (already chosen for the date). */
export async function decideWith(
  ir: IrRuleSet,
  catalogue: Catalogue,
  date: string,
  facts: Record<string, unknown>,
  observer?: DecisionObserver,
): Promise<Answer> {
  const base = { question: ir.question, date };
  const ruleset = rulesetOf(ir);
  const early = answerWithoutRules(ir, date, facts);
  if (early) return early;
  const missing = missingFacts(ir, facts);
  const unknown = new Set(missing);
  const scope = missing.length > 0 ? partialScope(ir, catalogue, date, facts, unknown) : makeScope(ir, catalogue, date, facts);
  try {
    if (missing.length > 0) {
      // Facts missing: answer only what every value of them would answer (three-valued), else name those that matter.
      const settled = settle(ir, scope, unknown);
      const undetermined = (needed: string[]): Answer => ({
        ...base,
        outcome: 'undetermined',
        amounts: {},
        values: {},
        reasons: [],
        missing: needed.length > 0 ? needed : missing,
        caveats: [],
        ruleset,
      });
      if (settled.outcome === undefined || settled.open) return undetermined(settled.missing);
      try {
        const answer = { ...base, ...(await evaluateRules(ir, catalogue, scope, settled.run)), ruleset };
        observer?.parametersRead?.(scope.parametersRead);
        return answer;
      } catch (e) {
        if (e instanceof UnknownFacts)
          return undetermined(missing.filter((f) => settled.missing.includes(f) || e.facts.includes(f)));
        throw e;
      }
    }
    const answer = { ...base, ...(await evaluateRules(ir, catalogue, scope)), ruleset };
    observer?.parametersRead?.(scope.parametersRead);
    return answer;
  } catch (e) {
    if (e instanceof ParameterNotInForce) return { ...base, ...parameterNotInForceAnswer(ir, catalogue, e), ruleset };
    if (e instanceof DecisionError) throw e;
    const detail = e instanceof ExprEvalError || e instanceof Error ? e.message : String(e);
    throw new DecisionError('EVALUATION_FAILED', `${ir.question} ${ir.name} could not be evaluated: ${detail}`);
  }
}

/** The version that answered, as an answer names it. */
export function rulesetOf(ir: IrRuleSet): Answer['ruleset'] {
  return { id: ir.question, version: ir.name, hash: ir.hash, kind: ir.kind };
}

/** The answer of a repealed version; undefined when rules must run (facts left out are settled by decideWith). */
export function answerWithoutRules(ir: IrRuleSet, date: string, _facts: Record<string, unknown>): Answer | undefined {
  const base = { question: ir.question, date };
  const ruleset = rulesetOf(ir);
  if (ir.repealed) {
    return {
      ...base,
      outcome: 'not_in_force',
      amounts: {},
      values: ir.repealed.successor ? { successor: ir.repealed.successor } : {},
      reasons: [{ rule: `${ir.question}.repealed`, basis: ir.repealed.basis, text: ir.repealed.text, met: false }],
      missing: [],
      caveats: [],
      ruleset,
    };
  }
  return undefined;
}

/** The required facts a request leaves out. */
export function missingFacts(ir: IrRuleSet, facts: Record<string, unknown>): string[] {
  return ir.requiredFacts.filter((f) => !(f in facts));
}

/** A rule among the applied ones: whether its condition held, and the branch applied. */
export interface AppliedRule {
  rule: IrRule;
  met: boolean;
  effect?: IrEffect;
}

/**
 * What an evaluation found, whoever ran it (json-rules-engine, or a compiled function): the outcome, its amounts
 * and values (plain), the rules counted among the reasons, the caveats whose condition held, and the parameters read.
 */
export interface Evaluated {
  outcome: string;
  amounts: Record<string, number>;
  values: Record<string, unknown>;
  counted: AppliedRule[];
  caveats: ReadonlySet<number>;
  ruleCaveats: ReadonlySet<string>;
  parametersRead: ReadonlySet<string>;
}

async function evaluateRules(ir: IrRuleSet, catalogue: Catalogue, scope: DecisionScope, settled?: EngineRun) {
  const run = settled ?? (await evaluatorFor(ir).run(scope));
  const applied: AppliedRule[] = [];
  for (const rule of ir.rules) {
    if (run.fired.has(rule.id)) applied.push({ rule, met: true, ...(rule.ifMet ? { effect: rule.ifMet } : {}) });
    else if (run.failed.has(rule.id) && rule.ifFailed) applied.push({ rule, met: false, effect: rule.ifFailed });
  }
  const outcome = strongestOutcome(
    ir.precedence,
    applied.map((a) => a.effect?.outcome),
    ir.defaultOutcome ?? 'undetermined',
  );
  // A rule counts when it fired, or failed with an else, unless it decided an outcome that lost.
  const counted = applied.filter((a) => (a.met || a.effect) && (a.effect?.outcome === undefined || a.effect.outcome === outcome));

  const values = new Map<string, Value>();
  const amounts = new Map<string, Rational>();
  const apply = (effect: IrEffect | undefined) => {
    if (!effect) return;
    for (const [name, v] of effect.values) values.set(name, v.k === 'literal' ? v.value : evaluate(v.expr, scope));
    for (const [name, expr] of effect.amounts) {
      const v = evaluate(expr, scope);
      if (!(v instanceof Rational)) throw new Error(`amount ${name} is not a number`);
      amounts.set(name, v);
    }
    for (const [name, codes] of effect.append) {
      const current = values.get(name);
      values.set(name, [...(Array.isArray(current) ? current : []), ...codes]);
    }
  };
  apply(ir.results.get(outcome));
  for (const a of counted) apply(a.effect);
  return explainAnswer(ir, catalogue, scope, {
    outcome,
    amounts: Object.fromEntries([...amounts].map(([k, v]) => [k, v.roundHalfUp(2).toNumber()])),
    values: Object.fromEntries([...values].map(([k, v]) => [k, toPlain(v)])),
    counted,
    caveats: run.caveats,
    ruleCaveats: run.ruleCaveats,
    parametersRead: scope.parametersRead,
  });
}

/**
 * An answer's words for what an evaluation found: each counted rule's reason, rendered in the person's scope, and
 * the caveats (of rules, of the rule set, of doubtful parameters relied on, of values unknown on the day).
 */
export function explainAnswer(ir: IrRuleSet, catalogue: Catalogue, scope: DecisionScope, found: Evaluated) {
  const { outcome, counted } = found;
  // Parameters a reason or caveat quotes but the day has no value of: the answer stands, its words say which is unknown.
  const unknown = new Set<string>();
  const reasons: Reason[] = counted.map(({ rule, met, effect }) => ({
    rule: rule.qid,
    basis: rule.basis,
    text: renderText(met ? rule.text : (rule.textElse ?? rule.text), scope, catalogue, unknown),
    met: reasonMet(ir, met, effect),
  }));

  const caveats: AnswerCaveat[] = [];
  const addCaveat = (c: AnswerCaveat) => {
    if (!caveats.some((x) => x.code === c.code && x.text.en === c.text.en)) caveats.push(c);
  };
  for (const { rule } of counted) {
    if (rule.caveat && (!rule.caveat.when || found.ruleCaveats.has(rule.id))) {
      addCaveat({ code: rule.caveat.code, text: renderText(rule.caveat.text, scope, catalogue, unknown) });
    }
  }
  ir.caveats.forEach((c, i) => {
    if (found.caveats.has(i)) addCaveat({ code: c.code, text: renderText(c.text, scope, catalogue, unknown) });
  });
  const reliedOn = union(
    ir.resultsRelyOn.get(outcome) ?? [],
    ...counted.map((a) => (a.met ? a.rule.reliesOn.met : a.rule.reliesOn.failed)),
  );
  // Relied on: what the deciding rules use (static) and the evaluation really read (lazy branches).
  // Read after the texts were rendered: what the texts read counts too.
  const read = (p: string) => found.parametersRead.has(p) || scope.parametersRead.has(p);
  for (const id of reliedOn.filter(read)) {
    const p = catalogue.parameters.lookup(id, scope.date);
    if (p && DOUBTFUL.has(p.confidence)) addCaveat(parameterCaveat(p, catalogue));
  }
  for (const id of unknown) addCaveat(unknownInTextCaveat(id, scope.date, catalogue));
  // A value used past the day the law makes its next one due: the amount is not confirmed for the day.
  for (const id of new Set([...found.parametersRead, ...scope.parametersRead])) {
    const stale = dueSince(catalogue.parameters, id, scope.date);
    if (stale) addCaveat(staleCaveat(catalogue, id, stale.row, stale.due));
  }

  return {
    outcome,
    amounts: found.amounts,
    values: found.values,
    reasons,
    missing: [] as string[],
    caveats,
  };
}

/**
 * Whether a reason holds in the person's favour, as `met` reports it: a branch that decides an outcome
 * other than the rule set's default (not_eligible, not_payable, refused…) is a condition that failed or a bar
 * that applies, so false, whichever way the rule's condition is written; any other branch is met when its
 * condition held.
 */
export function reasonMet(ir: IrRuleSet, conditionHeld: boolean, effect: IrEffect | undefined): boolean {
  if (effect?.outcome !== undefined) return effect.outcome === ir.defaultOutcome;
  return conditionHeld;
}

/**
 * The strongest outcome decided by an applied rule: by `precedence`, then by first appearance;
 * `fallback` when none decided. Shared by the interpreter and the compiled functions.
 */
export function strongestOutcome(
  precedence: readonly string[],
  decided: readonly (string | undefined)[],
  fallback: string,
): string {
  const present = decided.filter((o): o is string => o !== undefined);
  if (present.length === 0) return fallback;
  const rank = (o: string) => {
    const i = precedence.indexOf(o);
    return i < 0 ? precedence.length + present.indexOf(o) : i;
  };
  return present.reduce((best, o) => (rank(o) < rank(best) ? o : best));
}
