import { answerWithoutRules, explainAnswer, missingFacts, rulesetOf } from '../decide/decide.ts';
import { DecisionError } from '../decide/decision-error.ts';
import { parameterNotInForceAnswer } from '../decide/parameter-texts.ts';
import { makeScope, ParameterNotInForce } from '../decide/scope.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import type { Answer, DecisionRequest } from '../schema/answer.ts';
import type { CompiledLibrary } from './compile.ts';

/**
 * Answers a request as Library.decide does — the same checks, the same answer with its reasons' texts, caveats and
 * version — but evaluated by the compiled function instead of json-rules-engine, and synchronously: for batches.
 * Undefined when the law as known on the request's `known_on` is not the law compiled (dated values published
 * later), or when facts are left out (settled three-valued by Library.decide): the caller then asks Library.decide.
 */
export function decideCompiled(library: Library, compiled: CompiledLibrary, request: DecisionRequest): Answer | undefined {
  const r = library.resolve(request);
  if ('answer' in r) return r.answer;
  if (r.catalogue !== library.catalogue) return undefined;
  if (!r.ir.repealed && missingFacts(r.ir, r.facts).length > 0) return undefined;
  const answer = compiledAnswer(library, compiled, request, r);
  return request.known_on === undefined ? answer : { ...answer, known_on: request.known_on };
}

function compiledAnswer(
  library: Library,
  compiled: CompiledLibrary,
  request: DecisionRequest,
  r: { ir: IrRuleSet; facts: Record<string, unknown> },
): Answer {
  const { ir, facts } = r;
  const { date } = request;
  const early = answerWithoutRules(ir, date, facts);
  if (early) return early;
  const base = { question: ir.question, date };
  try {
    const found = compiled.of(ir).explainedOn(date)(facts);
    const byId = new Map(ir.rules.map((rule) => [rule.id, rule]));
    const counted = found.rules.map((id, i) => {
      const rule = byId.get(id) as IrRuleSet['rules'][number];
      const met = found.held[i] === true;
      const effect = met ? rule.ifMet : rule.ifFailed;
      return { rule, met, ...(effect ? { effect } : {}) };
    });
    const scope = makeScope(ir, library.catalogue, date, facts);
    return { ...base, ...explainAnswer(ir, library.catalogue, scope, { ...found, counted }), ruleset: rulesetOf(ir) };
  } catch (e) {
    if (e instanceof ParameterNotInForce) {
      return { ...base, ...parameterNotInForceAnswer(ir, library.catalogue, e), ruleset: rulesetOf(ir) };
    }
    if (e instanceof DecisionError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new DecisionError('EVALUATION_FAILED', `${ir.question} ${ir.name} could not be evaluated: ${detail}`);
  }
}
