import type { Catalogue } from '../src/catalogue/catalogue.ts';
import { renderText } from '../src/decide/render-text.ts';
import { makeScope } from '../src/decide/scope.ts';
import type { IrRuleSet } from '../src/ir/types.ts';
import type { Library } from '../src/library.ts';
import type { LocalText } from '../src/schema/common.ts';
import type { FactDefinition } from '../src/schema/facts.ts';

/** One Polish text a person may read, and where it comes from. */
export interface SourcedText {
  where: string;
  pl: string;
  /** False for a template filled with values its rule could never see (e.g. 1 day in a rule for more than 3): no grammar check. */
  grammar?: boolean;
}

/** Every code of the catalogue a Polish text must never show: enumeration values, outcomes, ids, names of results. */
export function catalogueCodes(library: Library): Set<string> {
  const c = library.catalogue;
  const codes = new Set<string>([...c.outcomes.keys(), ...c.questions.keys(), ...c.parameters.ids()]);
  for (const def of c.facts.values()) {
    for (const v of def.values ?? []) codes.add(v);
    for (const f of Object.values(def.fields ?? {})) for (const v of f.values ?? []) codes.add(v);
  }
  for (const q of c.questions.values()) for (const n of [...q.amounts, ...q.values]) codes.add(n);
  for (const id of library.questionIds()) {
    for (const ir of allVersions(library, id)) {
      for (const effect of [...ir.results.values(), ...ir.rules.flatMap((r) => [r.ifMet, r.ifFailed])]) {
        for (const [, list] of effect?.append ?? []) for (const code of list) codes.add(code);
        for (const [, v] of effect?.values ?? [])
          if (v.k === 'literal' && Array.isArray(v.value)) for (const x of v.value) codes.add(String(x));
      }
    }
  }
  return codes;
}

/** The law's versions of a question and its proposals. */
export function allVersions(library: Library, question: string): IrRuleSet[] {
  const proposals = library.questions().find((q) => q.id === question)?.proposals ?? [];
  return [...library.versions(question), ...proposals.flatMap((p) => library.version(question, p) ?? [])];
}

/** Values to try for a fact: each value of an enumeration, each single item (and none) of a list, 1, 2 and 5 for numbers. */
function valuesOf(def: FactDefinition, date: string): unknown[] {
  switch (def.type) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return def.values ?? [];
    case 'list':
      return [[], ...(def.values ?? []).map((v) => [v]), def.values ?? []];
    case 'records':
      return [
        [
          { kind: 'natural', at_risk: true },
          { kind: 'natural', at_risk: false },
        ],
        [{ kind: 'legal', at_risk: false }],
      ];
    case 'date':
      return [date];
    default: {
      const candidates = [1, 2, 5, 22, 0];
      return candidates.filter((n) => (def.min === undefined || n >= def.min) && (def.max === undefined || n <= def.max));
    }
  }
}

/** Days to render a version's texts on: its first day, and one in each later year it has parameter changes. */
function daysFor(ir: IrRuleSet, next: string | undefined): string[] {
  const days = [ir.validFrom];
  const mid =
    ir.kind === 'law' && next
      ? `${Math.floor((Number(next.slice(0, 4)) + Number(ir.validFrom.slice(0, 4))) / 2)}-07-15`
      : undefined;
  if (mid && mid > ir.validFrom && mid < (next as string)) days.push(mid);
  return days;
}

/**
 * Every text a version can show, each template rendered with every value of each fact it reads (one fact
 * varied at a time, the others at a first value) on its first day: rule texts both ways, caveats, the repeal text.
 */
export function versionTexts(library: Library, ir: IrRuleSet, next?: string): SourcedText[] {
  const catalogue = library.catalogue;
  const out: SourcedText[] = [];
  const where = `${ir.question} ${ir.name}`;
  out.push({ where: `${where} title`, pl: ir.title.pl });
  if (ir.repealed) {
    out.push({ where: `${where} repealed`, pl: ir.repealed.text.pl });
    return out;
  }
  const templates: [string, LocalText][] = [];
  for (const r of ir.rules) {
    templates.push([`${r.qid} text`, r.text]);
    if (r.textElse) templates.push([`${r.qid} text_else`, r.textElse]);
    if (r.caveat) templates.push([`${r.qid} caveat ${r.caveat.code}`, r.caveat.text]);
  }
  for (const c of ir.caveats) templates.push([`${where} caveat ${c.code}`, c.text]);
  for (const date of daysFor(ir, next)) {
    for (const facts of factVariants(catalogue, ir, date)) {
      for (const [name, text] of templates) {
        const rendered = renderSafely(text, ir, catalogue, date, facts);
        if (rendered) out.push({ where: `${name} on ${date} with ${JSON.stringify(facts)}`, pl: rendered, grammar: false });
      }
    }
  }
  return out;
}

/** The people and days a version's texts are tried with: each value of each fact it reads, on its first days. */
export function versionVariants(
  library: Library,
  ir: IrRuleSet,
  next?: string,
): { date: string; facts: Record<string, unknown> }[] {
  return daysFor(ir, next).flatMap((date) => factVariants(library.catalogue, ir, date).map((facts) => ({ date, facts })));
}

/** A text rendered for one person, or undefined when a value it quotes cannot be computed for them. */
function renderSafely(text: LocalText, ir: IrRuleSet, catalogue: Catalogue, date: string, facts: Record<string, unknown>) {
  try {
    return renderText(text, makeScope(ir, catalogue, date, facts), catalogue).pl;
  } catch {
    return undefined;
  }
}

/** One facts object per value of each fact the version reads, the other facts at their first value. */
function factVariants(catalogue: Catalogue, ir: IrRuleSet, date: string): Record<string, unknown>[] {
  const base: Record<string, unknown> = {};
  const options = new Map<string, unknown[]>();
  for (const name of ir.facts) {
    const def = catalogue.facts.get(name);
    if (!def) continue;
    const values = valuesOf(def, date);
    options.set(name, values);
    if (values.length) base[name] = values[0];
  }
  const variants: Record<string, unknown>[] = [base];
  for (const [name, values] of options) for (const v of values.slice(1)) variants.push({ ...base, [name]: v });
  return variants;
}

/** Every label and title of the catalogue, in Polish. */
export function catalogueTexts(library: Library): SourcedText[] {
  const c = library.catalogue;
  const out: SourcedText[] = [];
  for (const [name, def] of c.facts) {
    out.push({ where: `fact ${name} label`, pl: def.label.pl });
    if (def.help) out.push({ where: `fact ${name} help`, pl: def.help.pl });
  }
  for (const [code, text] of c.outcomes) out.push({ where: `outcome ${code}`, pl: text.pl });
  for (const [id, q] of c.questions) out.push({ where: `question ${id} title`, pl: q.title.pl });
  for (const id of c.parameters.ids()) {
    const def = c.parameters.get(id);
    if (def) out.push({ where: `parameter ${id} label`, pl: def.label.pl });
  }
  for (const [name, def] of c.facts) {
    for (const [code, text] of Object.entries(def.value_labels ?? {}))
      out.push({ where: `fact ${name} value ${code}`, pl: text.pl });
    for (const [field, f] of Object.entries(def.fields ?? {})) {
      for (const [code, text] of Object.entries(f.value_labels ?? {}))
        out.push({ where: `fact ${name}.${field} value ${code}`, pl: text.pl });
    }
  }
  for (const [id, q] of c.questions) {
    for (const [name, text] of Object.entries(q.labels)) out.push({ where: `question ${id} label ${name}`, pl: text.pl });
  }
  return out;
}
