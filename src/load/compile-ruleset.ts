import { type Catalogue, hasDefault } from '../catalogue/catalogue.ts';
import { didYouMean } from '../expr/diagnostics.ts';
import { toValue } from '../expr/value.ts';
import { contentHash } from '../ir/hash.ts';
import { Reliance, union } from '../ir/reliance.ts';
import type { IrCaveat, IrDefine, IrEffect, IrRule, IrRuleSet, IrValue } from '../ir/types.ts';
import { COMMON_OUTCOMES } from '../schema/questions.ts';
import { type Effect, RuleSetDocument } from '../schema/ruleset.ts';
import { compileCondition } from './compile-condition.ts';
import { DATE_NAME, ExpressionContext } from './expression-context.ts';
import { hasErrors, type Problem } from './problem.ts';
import { schemaProblems, withoutUnknownKeys } from './schema-problems.ts';
import { compileTemplate } from './templates.ts';
import type { Path, SourceFile } from './yaml-source.ts';

/** The result of checking one rule-set file: the compiled form when it has no error, and every problem found. */
export interface CompileResult {
  ruleset?: IrRuleSet;
  problems: Problem[];
}

/** Validates one rule-set document against the catalogue and compiles it to the intermediate form. */
export function compileRuleSet(source: SourceFile, catalogue: Catalogue): CompileResult {
  if (source.problems.length > 0) return { problems: source.problems };
  let parsed = RuleSetDocument.safeParse(source.value);
  const problems: Problem[] = [];
  if (!parsed.success) {
    problems.push(...schemaProblems(source, parsed.error.issues));
    // Unknown keys alone do not stop the deeper checks: the author sees everything at once.
    if (!parsed.error.issues.every((i) => i.code === 'unrecognized_keys')) return { problems };
    parsed = RuleSetDocument.safeParse(withoutUnknownKeys(source.value, parsed.error.issues));
    if (!parsed.success) return { problems };
  }
  const doc = parsed.data;
  const question = catalogue.questions.get(doc.question);
  if (!question) {
    problems.push(
      source.problem(
        'UNKNOWN_QUESTION',
        `"${doc.question}" is not a question${didYouMean(doc.question, catalogue.questions.keys())}`,
        ['question'],
        {
          hint: 'Questions are listed in rules/questions.yaml, from contract.md §1.',
        },
      ),
    );
    return { problems };
  }
  problems.push(...fileNameProblems(source, doc));

  const defineNames = Object.keys(doc.define ?? {});
  const later = new Set(defineNames);
  const ctx = new ExpressionContext(source, catalogue, new Set(doc.facts), new Set(doc.parameters), later);
  checkListed(ctx, doc.facts, 'facts', catalogue);
  checkListed(ctx, doc.parameters, 'parameters', catalogue);

  const defines: IrDefine[] = [];
  for (const name of defineNames) {
    later.delete(name);
    const raw = doc.define?.[name];
    if (catalogue.facts.has(name) || name === DATE_NAME) {
      ctx.report('INVALID_VALUE', `"${name}" is already a fact; give the definition another name`, ['define', name]);
      continue;
    }
    const checked = ctx.expression(String(raw), ['define', name]);
    if (checked) {
      defines.push({ name, expr: checked.expr, type: checked.type });
      ctx.define(name, checked.type);
    }
  }

  const outcomes = new Set<string>(question.outcomes);
  const checkOutcome = (outcome: string | undefined, path: Path) => {
    if (outcome !== undefined && !outcomes.has(outcome)) {
      ctx.report(
        'UNKNOWN_OUTCOME',
        `"${outcome}" is not an outcome of ${doc.question}${didYouMean(outcome, outcomes)}`,
        path,
        `Outcomes of ${doc.question} (contract.md §3): ${question.outcomes.join(', ')}; ${COMMON_OUTCOMES.join(' and ')} are given by the engine.`,
      );
    }
  };

  const rules: IrRule[] = [];
  const seen = new Map<string, number>();
  doc.rules.forEach((rule, i) => {
    const path: Path = ['rules', i];
    if (seen.has(rule.id)) {
      ctx.report(
        'DUPLICATE_RULE',
        `rule id "${rule.id}" is used twice (first as rule ${(seen.get(rule.id) ?? 0) + 1})`,
        [...path, 'id'],
        'Give each rule its own id.',
      );
    }
    seen.set(rule.id, i);
    const when = rule.when === undefined ? undefined : compileCondition(rule.when, [...path, 'when'], ctx);
    const then = rule.then === undefined ? undefined : compileEffect(rule.then, [...path, 'then'], ctx, checkOutcome);
    const otherwise = rule.else === undefined ? undefined : compileEffect(rule.else, [...path, 'else'], ctx, checkOutcome);
    if (rule.else !== undefined && !rule.text_else) {
      ctx.report(
        'MISSING_TEXT',
        `rule "${rule.id}" has else but no text_else`,
        path,
        'Say in text_else, in Polish and English, why the condition failed.',
      );
    }
    if (rule.else !== undefined && rule.when === undefined) {
      ctx.report('INVALID_VALUE', `rule "${rule.id}" has else but no when, so else can never apply`, [...path, 'else']);
    }
    compileTemplate(rule.text, [...path, 'text'], ctx);
    if (rule.text_else) compileTemplate(rule.text_else, [...path, 'text_else'], ctx);
    const caveat = rule.caveat && compileCaveat(rule.caveat, [...path, 'caveat'], ctx);
    const relyOn = new Reliance(defines);
    const condition = relyOn.condition(when);
    rules.push({
      reliesOn: {
        met: union(condition, relyOn.effect(then), relyOn.texts([rule.text])),
        failed: union(condition, relyOn.effect(otherwise), relyOn.texts([rule.text_else])),
      },
      id: rule.id,
      qid: `${doc.question}.${rule.id}`,
      basis: rule.basis,
      text: rule.text,
      ...(when ? { when } : {}),
      ...(rule.text_else ? { textElse: rule.text_else } : {}),
      ...(then ? { ifMet: then } : {}),
      ...(otherwise ? { ifFailed: otherwise } : {}),
      ...(caveat ? { caveat } : {}),
      ...(rule.confidence ? { confidence: rule.confidence } : {}),
    });
  });

  if (!doc.repealed && doc.default_outcome === undefined) {
    ctx.report(
      'NO_OUTCOME',
      'no default_outcome: say what the answer is when no rule decides another',
      [],
      `One of: ${question.outcomes.join(', ')}.`,
    );
  }
  if (doc.repealed && !doc.repealed_by) {
    ctx.report(
      'MISSING_KEY',
      'a repealed version must say which act repealed it (repealed_by)',
      ['repealed'],
      'Add repealed_by: { act, dz_u, basis, text }.',
    );
  }
  if (doc.successor && !catalogue.questions.has(doc.successor)) {
    ctx.report('UNKNOWN_QUESTION', `successor "${doc.successor}" is not a question`, ['successor']);
  }
  checkOutcome(doc.default_outcome, ['default_outcome']);
  (doc.precedence ?? []).forEach((o, i) => {
    checkOutcome(o, ['precedence', i]);
  });
  const results = new Map<string, IrEffect>();
  for (const [outcome, effect] of Object.entries(doc.results ?? {})) {
    checkOutcome(outcome, ['results', outcome]);
    const compiled = compileEffect(effect, ['results', outcome], ctx, checkOutcome);
    if (compiled) results.set(outcome, compiled);
  }
  const caveats = (doc.caveats ?? []).map((c, i) => compileCaveat(c, ['caveats', i], ctx));

  doc.facts.forEach((f, i) => {
    if (catalogue.facts.has(f) && !ctx.usedFacts.has(f)) {
      problems.push(
        source.problem('UNUSED_FACT', `"${f}" is listed under facts: but no rule reads it`, ['facts', i], {
          warning: true,
          hint: 'Remove it from facts:, or use it.',
        }),
      );
    }
  });

  problems.push(...unlabelledResults(source, question.labels, results, rules));
  problems.push(...ctx.problems);
  if (hasErrors(problems)) return { problems };

  const facts = [...ctx.usedFacts];
  const ruleset: IrRuleSet = {
    question: doc.question,
    validFrom: doc.valid_from,
    kind: doc.kind,
    name: doc.kind === 'proposal' ? proposalName(source.file) : doc.valid_from,
    title: doc.title,
    law: doc.law,
    ...(doc.confidence ? { confidence: doc.confidence } : {}),
    ...(doc.note ? { note: doc.note } : {}),
    ...(doc.note_pl ? { notePl: doc.note_pl } : {}),
    ...(doc.repealed && doc.repealed_by
      ? { repealed: { ...doc.repealed_by, ...(doc.successor ? { successor: doc.successor } : {}) } }
      : {}),
    facts,
    requiredFacts: facts.filter((f) => {
      const def = catalogue.facts.get(f);
      return def !== undefined && !hasDefault(def);
    }),
    parameters: doc.parameters,
    defines,
    rules,
    ...(doc.default_outcome ? { defaultOutcome: doc.default_outcome } : {}),
    precedence: doc.precedence ?? firstAppearance(rules),
    results,
    resultsRelyOn: new Map([...results].map(([o, e]) => [o, union(new Reliance(defines).effect(e))])),
    caveats: caveats.filter((c): c is IrCaveat => c !== undefined),
    hash: contentHash(doc),
    file: source.file,
    document: doc,
  };
  return { ruleset, problems };
}

function compileEffect(
  effect: Effect,
  path: Path,
  ctx: ExpressionContext,
  checkOutcome: (o: string | undefined, p: Path) => void,
): IrEffect | undefined {
  if (typeof effect === 'string') {
    checkOutcome(effect, path);
    return { outcome: effect, values: [], amounts: [], append: [] };
  }
  checkOutcome(effect.outcome, [...path, 'outcome']);
  const values: [string, IrValue][] = [];
  for (const [name, spec] of Object.entries(effect.values ?? {})) {
    if (typeof spec === 'string') {
      const checked = ctx.expression(spec, [...path, 'values', name]);
      if (checked) values.push([name, { k: 'expr', expr: checked.expr, type: checked.type }]);
    } else {
      values.push([name, { k: 'literal', value: toValue(spec) }]);
    }
  }
  const amounts: [string, import('../expr/ast.ts').Expr][] = [];
  for (const [name, spec] of Object.entries(effect.amounts ?? {})) {
    const checked = ctx.expression(String(spec), [...path, 'amounts', name]);
    if (!checked) continue;
    if (checked.type.k !== 'number' && checked.type.k !== 'any') {
      ctx.report('TYPE_MISMATCH', `amount "${name}" must be a number of złoty`, [...path, 'amounts', name]);
      continue;
    }
    amounts.push([name, checked.expr]);
  }
  return {
    ...(effect.outcome ? { outcome: effect.outcome } : {}),
    values,
    amounts,
    append: Object.entries(effect.append ?? {}),
  };
}

function compileCaveat(
  caveat: NonNullable<RuleSetDocument['caveats']>[number],
  path: Path,
  ctx: ExpressionContext,
): IrCaveat | undefined {
  const when = caveat.when === undefined ? undefined : compileCondition(caveat.when, [...path, 'when'], ctx);
  compileTemplate(caveat.text, [...path, 'text'], ctx);
  return { code: caveat.code, text: caveat.text, ...(when ? { when } : {}) };
}

function checkListed(ctx: ExpressionContext, names: string[], key: 'facts' | 'parameters', catalogue: Catalogue): void {
  names.forEach((name, i) => {
    const known = key === 'facts' ? catalogue.facts.has(name) : catalogue.parameters.has(name);
    if (known) return;
    const candidates = key === 'facts' ? catalogue.facts.keys() : catalogue.parameters.ids();
    ctx.report(
      key === 'facts' ? 'UNKNOWN_FACT' : 'UNKNOWN_PARAMETER',
      `"${name}" is not a ${key === 'facts' ? 'fact' : 'parameter'}${didYouMean(name, candidates)}`,
      [key, i],
      key === 'facts' ? 'Facts are defined once, in rules/facts.yaml.' : 'Parameters are defined in rules/parameters/.',
    );
  });
}

function fileNameProblems(source: SourceFile, doc: RuleSetDocument): Problem[] {
  const parts = source.file.split(/[\\/]/);
  const base = (parts[parts.length - 1] ?? '').replace(/\.ya?ml$/, '');
  const dir = parts[parts.length - 2];
  if (doc.kind === 'proposal') return [];
  const out: Problem[] = [];
  if (/^\d{4}-\d{2}-\d{2}$/.test(base) && base !== doc.valid_from) {
    out.push(
      source.problem('FILE_NAME_MISMATCH', `the file is named ${base} but valid_from is ${doc.valid_from}`, ['valid_from'], {
        hint: 'Name each version file after its valid_from.',
      }),
    );
  }
  if (dir && /^[a-z0-9-]+$/.test(dir) && dir !== 'rules' && dir !== doc.question && /^\d{4}-\d{2}-\d{2}$/.test(base)) {
    out.push(
      source.problem('QUESTION_MISMATCH', `the file lies in ${dir}/ but its question is ${doc.question}`, ['question'], {
        hint: `Move it to rules/${doc.question}/.`,
      }),
    );
  }
  return out;
}

function proposalName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/, '');
}

function firstAppearance(rules: IrRule[]): string[] {
  const order: string[] = [];
  for (const r of rules) {
    for (const o of [r.ifMet?.outcome, r.ifFailed?.outcome]) if (o && !order.includes(o)) order.push(o);
  }
  return order;
}

/** Names of values the engine itself gives an answer (not_in_force), labelled by the answer's readers. */
const ENGINE_VALUE_NAMES = new Set(['in_force_from', 'successor']);

/**
 * A warning for each amount, value or listed code the version can answer with that the question gives no
 * label: an answer must read as words, never as codes (the bundled rules have none; a test holds them to it).
 */
function unlabelledResults(
  source: SourceFile,
  labels: Record<string, unknown>,
  results: ReadonlyMap<string, IrEffect>,
  rules: readonly IrRule[],
): Problem[] {
  const names = new Map<string, Path>();
  const visit = (effect: IrEffect | undefined, path: Path) => {
    if (!effect) return;
    for (const [name, v] of effect.values) {
      names.set(name, [...path, 'values', name]);
      if (v.k === 'literal' && Array.isArray(v.value))
        for (const code of v.value) names.set(String(code), [...path, 'values', name]);
    }
    for (const [name] of effect.amounts) names.set(name, [...path, 'amounts', name]);
    for (const [name, codes] of effect.append) {
      names.set(name, [...path, 'append', name]);
      for (const code of codes) names.set(code, [...path, 'append', name]);
    }
  };
  for (const [outcome, effect] of results) visit(effect, ['results', outcome]);
  rules.forEach((r, i) => {
    visit(r.ifMet, ['rules', i, 'then']);
    visit(r.ifFailed, ['rules', i, 'else']);
  });
  return [...names]
    .filter(([name]) => !labels[name] && !ENGINE_VALUE_NAMES.has(name))
    .map(([name, path]) =>
      source.problem('MISSING_TEXT', `"${name}" has no label in rules/questions.yaml`, path, {
        warning: true,
        hint: `Add labels: { ${name}: { pl: …, en: … } } to the question, so that answers show words, not the code.`,
      }),
    );
}
