import { type Document, isMap, isScalar, isSeq, type Node, type Pair, parseDocument, stringify, type YAMLMap } from 'yaml';
import type { Condition } from '../../../src/schema/ruleset.ts';

/** What the builder needs of one rule and its rule set, read from the YAML text. */
export interface RuleContext {
  id: string;
  /** The rule's article, e.g. `UPZ art. 62a ust. 2`. */
  basis: string;
  /** The rule's `when` as plain data (text or mappings); undefined when the rule always applies. */
  when: unknown;
  /** The rule set's `facts:`, `parameters:` and the names of its `define:`, which the condition may read. */
  facts: string[];
  parameters: string[];
  defines: string[];
}

/** Why a rule's condition cannot be read: the YAML does not parse, or it has no rule with that id. */
export type RuleContextProblem = 'yaml' | 'no-rule';

/** Reads the rule `ruleId` of a rule-set YAML text, or says why it cannot. */
export function readRuleContext(text: string, ruleId: string): RuleContext | RuleContextProblem {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return 'yaml';
  const rule = findRule(doc, ruleId);
  if (!rule) return 'no-rule';
  const plain = rule.toJS(doc) as Record<string, unknown>;
  const root = (doc.toJS() ?? {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const define = root.define && typeof root.define === 'object' ? Object.keys(root.define) : [];
  return {
    id: ruleId,
    basis: typeof plain.basis === 'string' ? plain.basis : '',
    when: plain.when ?? undefined,
    facts: strings(root.facts),
    parameters: strings(root.parameters),
    defines: define,
  };
}

/** The ids of the rules of a rule-set YAML text, in order (none when it does not parse). */
export function ruleIds(text: string): string[] {
  const doc = parseDocument(text);
  const rules = doc.errors.length ? undefined : doc.get('rules', true);
  if (!isSeq(rules)) return [];
  return rules.items.flatMap((r) => (isMap(r) && typeof r.get('id') === 'string' ? [r.get('id') as string] : []));
}

/**
 * The YAML text with rule `ruleId`'s `when` set to `when` (removed when undefined). Only that node's text changes:
 * every other byte (comments, quoting, blank lines) stays as it was. Text is written on the key's line
 * (`when: a and b`), mappings as an indented block below it.
 * @throws Error when the text does not parse or has no such rule.
 */
export function writeRuleWhen(text: string, ruleId: string, when: Condition | undefined): string {
  const doc = parseDocument(text);
  const rule = doc.errors.length ? undefined : findRule(doc, ruleId);
  if (!rule) throw new Error(`no rule "${ruleId}" in a readable rule set`);
  const pair = rule.items.find((p) => isScalar(p.key) && p.key.value === 'when') as Pair<Node, Node | null> | undefined;
  const spliced = rule.flow ? undefined : splice(text, rule, pair, when);
  if (spliced !== undefined) return spliced;
  // A flow mapping `{ id: …, when: … }` or a `when` opening its item: let the Document rewrite the file.
  const index = (doc.get('rules') as { items: unknown[] }).items.indexOf(rule);
  if (when === undefined) doc.deleteIn(['rules', index, 'when']);
  else doc.setIn(['rules', index, 'when'], doc.createNode(when));
  return doc.toString({ lineWidth: 0 });
}

function findRule(doc: Document, ruleId: string): YAMLMap | undefined {
  const rules = doc.get('rules', true);
  if (!isSeq(rules)) return undefined;
  return rules.items.find((r): r is YAMLMap => isMap(r) && r.get('id') === ruleId);
}

/** The column where the line holding `offset` has `offset`. */
const column = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/** ` text` for the key's line, or `\n` and a block indented under a key at `keyColumn`. */
function render(when: Condition, keyColumn: number): string {
  const yaml = stringify(when, { lineWidth: 0, singleQuote: true }).replace(/\n$/, '');
  if (typeof when === 'string') return ` ${yaml}`;
  const pad = ' '.repeat(keyColumn + 2);
  return `\n${yaml
    .split('\n')
    .map((line) => pad + line)
    .join('\n')}`;
}

function splice(text: string, rule: YAMLMap, pair: Pair<Node, Node | null> | undefined, when: Condition | undefined) {
  if (!pair) return when === undefined ? text : insert(text, rule, when);
  const key = pair.key;
  if (!key.range) return undefined;
  const lineStart = key.range[0] - column(text, key.range[0]);
  const colon = text.indexOf(':', key.range[1]);
  const value = pair.value?.range ? pair.value.range : undefined;
  if (when === undefined) {
    // Only a key alone on its line can go with its line; `- when: …` would take the item's dash.
    if (text.slice(lineStart, key.range[0]).trim() !== '') return undefined;
    let end = value ? value[2] : colon + 1;
    if (text[end - 1] !== '\n') end = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end) + 1;
    return text.slice(0, lineStart) + text.slice(end);
  }
  const valueStart = value ? value[0] : colon + 1;
  const valueEnd = value ? value[1] : colon + 1;
  // A comment between the key and its value stays, and the new value goes where the old one began.
  const keepGap = text.slice(colon + 1, valueStart).trim() !== '';
  let out = render(when, column(text, key.range[0]));
  if (keepGap) out = out.replace(/^[\n ]+/, '');
  // A block value's text ends with its line break; a scalar's does not.
  if (text[valueEnd - 1] === '\n' && valueEnd > valueStart) out += '\n';
  return text.slice(0, keepGap ? valueStart : colon + 1) + out + text.slice(valueEnd);
}

/** Adds `when:` on the line after the rule's `basis` (or its `id`), at their indentation. */
function insert(text: string, rule: YAMLMap, when: Condition): string | undefined {
  const anchor = (['basis', 'id'] as const)
    .map((name) => rule.items.find((p) => isScalar(p.key) && p.key.value === name))
    .find((p) => p !== undefined) as Pair<Node, Node | null> | undefined;
  const keyRange = anchor?.key.range;
  const valueRange = anchor?.value?.range;
  if (!keyRange || !valueRange) return undefined;
  const col = column(text, keyRange[0]);
  const newline = text.indexOf('\n', valueRange[1]);
  const line = `${' '.repeat(col)}when:${render(when, col)}\n`;
  if (newline < 0) return `${text}\n${line}`;
  return text.slice(0, newline + 1) + line + text.slice(newline + 1);
}
