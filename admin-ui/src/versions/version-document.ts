import { type Expr, namesIn } from '../../../src/expr/ast.ts';
import { parseExpression } from '../../../src/expr/parser.ts';
import type { LocalText } from '../shared/law/local-text.ts';
import type { Publication } from '../shared/law/timeline.ts';
import type { Condition } from './condition-tree.ts';

/** What a rule decides: an outcome's name, or an outcome with values, amounts and codes appended to lists. */
export type Effect =
  | string
  | {
      outcome?: string;
      values?: Record<string, string | number | boolean | (string | number | boolean)[]>;
      amounts?: Record<string, string | number>;
      append?: Record<string, string[]>;
    };

/** A caveat: a point a caseworker must check by hand. */
export interface CaveatDoc {
  code: string;
  text: LocalText;
  when?: Condition;
}

/** One rule as a rule set holds it. */
export interface RuleDoc {
  id: string;
  basis: string;
  when?: Condition;
  text: LocalText;
  text_else?: LocalText;
  then?: Effect;
  else?: Effect;
  confidence?: string;
  note?: string;
  caveat?: CaveatDoc;
  /** The wording of the provision, where a cited source gives it. */
  provision_text?: { pl: string; en?: string; source: string };
}

/** A rule-set version's parsed document (the server validated it against the schema). */
export interface VersionDocument {
  question: string;
  valid_from: string;
  title: LocalText;
  law: Publication & { published_on?: string; note?: string };
  confidence?: string;
  note?: string;
  kind?: 'law' | 'proposal';
  repealed?: true;
  repealed_by?: Publication & { text: LocalText };
  successor?: string;
  facts?: string[];
  parameters?: string[];
  define?: Record<string, string | number>;
  default_outcome?: string;
  precedence?: string[];
  results?: Record<string, Effect>;
  caveats?: CaveatDoc[];
  rules?: RuleDoc[];
}

/** A version's document as the API gives it (`Record<string, unknown>`), typed; the server checked it. */
export function asVersionDocument(doc: Record<string, unknown>): VersionDocument {
  return doc as unknown as VersionDocument;
}

/**
 * The dated parameters a rule reads, directly or through the version's definitions: in its condition,
 * its effects and the `{names}` its texts quote. In order of first use.
 */
export function parametersOfRule(rule: RuleDoc, doc: VersionDocument): string[] {
  const defines = doc.define ?? {};
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    if (Object.hasOwn(defines, name)) {
      const source = defines[name];
      if (typeof source === 'string') for (const n of namesOf(source)) visit(n);
    } else if (name.includes('.')) out.push(name);
  };
  for (const n of namesOfRule(rule)) visit(n);
  const known = new Set(doc.parameters ?? []);
  return known.size ? out.filter((p) => known.has(p)) : out;
}

/** Every name a rule reads: condition, effects, quoted `{names}`. */
function namesOfRule(rule: RuleDoc): string[] {
  const names: string[] = [];
  if (rule.when !== undefined) names.push(...namesOfCondition(rule.when));
  for (const effect of [rule.then, rule.else]) names.push(...namesOfEffect(effect));
  for (const text of [rule.text, rule.text_else]) names.push(...quotedNames(text));
  return names;
}

function namesOfCondition(cond: Condition): string[] {
  if (typeof cond === 'string') return namesOf(cond);
  if ('all' in cond) return cond.all.flatMap(namesOfCondition);
  if ('any' in cond) return cond.any.flatMap(namesOfCondition);
  if ('not' in cond) return namesOfCondition(cond.not);
  const value = cond.value;
  const other = value && typeof value === 'object' && 'fact' in value ? [String((value as { fact: unknown }).fact)] : [];
  return [cond.fact, ...other];
}

function namesOfEffect(effect: Effect | undefined): string[] {
  if (!effect || typeof effect === 'string') return [];
  const sources = [...Object.values(effect.values ?? {}), ...Object.values(effect.amounts ?? {})];
  return sources.flatMap((s) => (typeof s === 'string' ? namesOf(s) : []));
}

/** `{zasilek.first_90_days}` and `{monthly:money}` in a text name what they quote. */
function quotedNames(text: LocalText | undefined): string[] {
  if (!text) return [];
  return [...`${text.pl} ${text.en}`.matchAll(/\{([a-z_][a-z0-9_.]*)(?::\w+)?\}/g)].map((m) => m[1] ?? '');
}

/** The names an expression reads; none when it does not parse. */
export function namesOf(source: string): string[] {
  let expr: Expr;
  try {
    expr = parseExpression(source);
  } catch {
    return [];
  }
  return namesIn(expr).map((n) => (n.k === 'name' ? n.name : ''));
}
