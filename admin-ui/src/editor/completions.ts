import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { parse } from 'yaml';
import type { Schemas } from '../shared/api/client.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';

/** The catalogue of the law in force (GET /api/v1/catalogue): facts, dated parameters, outcomes. */
export type Catalogue = Schemas['Catalogue'];

/** The functions of the expression language (docs/rule-language.md), and the day asked about. */
const FUNCTIONS = [
  'min',
  'max',
  'if',
  'percent',
  'floor',
  'count',
  'sum',
  'any',
  'all',
  'overlaps',
  'add_months',
  'add_days',
  'days_between',
  'year',
  'given',
] as const;

/** Keys of a rule set's top level and of one rule, offered where a key is being typed. */
const TOP_KEYS = [
  'question',
  'valid_from',
  'title',
  'law',
  'confidence',
  'note',
  'facts',
  'parameters',
  'define',
  'default_outcome',
  'precedence',
  'results',
  'caveats',
  'rules',
];
const RULE_KEYS = ['id', 'basis', 'when', 'then', 'else', 'text', 'text_else', 'caveat'];

/** Names the text itself declares: its facts: list and its define: names (none while it does not parse). */
function ownNames(text: string): { facts: Set<string>; defines: string[] } {
  try {
    const doc = parse(text) as { facts?: unknown; define?: unknown } | null;
    const facts = Array.isArray(doc?.facts) ? doc.facts.filter((f): f is string => typeof f === 'string') : [];
    const defines = doc?.define && typeof doc.define === 'object' ? Object.keys(doc.define) : [];
    return { facts: new Set(facts), defines };
  } catch {
    return { facts: new Set(), defines: [] };
  }
}

/**
 * Completes, from the catalogue of the law in force and the text's own declarations: outcome codes after
 * `default_outcome:`, `then:`, `else:`, `outcome:` and in `precedence:`; facts after `facts:`; parameter ids after
 * `parameters:`; an enumeration's values after `fact == "`; and elsewhere facts (the question's own first),
 * parameters, definitions and functions, or the keys of a rule set and of a rule at the start of a line.
 */
export function ruleSetCompletions(catalogue: () => Catalogue | undefined): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const cat = catalogue();
    if (!cat) return null;
    const lang = language();
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);

    const enumValue = /(\w+)\s*(?:==|!=)\s*["']([\w-]*)$/.exec(before);
    if (enumValue) {
      const values = cat.facts[enumValue[1] ?? '']?.values ?? [];
      if (!values.length) return null;
      return {
        from: context.pos - (enumValue[2]?.length ?? 0),
        options: values.map((v) => ({ label: v, type: 'enum' })),
        validFor: /^[\w-]*$/,
      };
    }

    const word = context.matchBefore(/[\w.]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const facts = (boost: Set<string>): Completion[] =>
      Object.entries(cat.facts).map(([name, f]) => ({
        label: name,
        type: 'variable',
        detail: f.type,
        info: f.label[lang],
        boost: boost.has(name) ? 2 : 0,
      }));
    const parameters = (): Completion[] =>
      Object.entries(cat.parameters).map(([id, p]) => ({ label: id, type: 'constant', detail: p.unit, info: p.label[lang] }));
    const outcomes = (): Completion[] =>
      Object.entries(cat.outcomes).map(([code, text]) => ({ label: code, type: 'enum', info: text[lang] }));
    const result = (options: Completion[]): CompletionResult => ({ from: word.from, options, validFor: /^[\w.]*$/ });

    if (/^\s*(-\s+)?(default_outcome|then|else|outcome)\s*:\s*[\w]*$/.test(before) || /^\s*precedence\s*:/.test(before))
      return result(outcomes());
    if (/^\s*facts\s*:/.test(before)) return result(facts(new Set()));
    if (/^\s*parameters\s*:/.test(before)) return result(parameters());
    if (/^[\w]*$/.test(before)) return result(TOP_KEYS.map((k) => ({ label: k, type: 'keyword', apply: `${k}: ` })));
    if (/^\s+(-\s+)?[\w]*$/.test(before) && /^\s*(-\s+)?$/.test(before.slice(0, word.from - line.from)))
      return result(RULE_KEYS.map((k) => ({ label: k, type: 'keyword', apply: `${k}: ` })));

    const own = ownNames(context.state.doc.toString());
    return result([
      ...facts(own.facts),
      ...parameters(),
      ...own.defines.map((d) => ({ label: d, type: 'variable', detail: t('editor.complete.define'), boost: 3 })),
      { label: 'date', type: 'variable', detail: t('editor.complete.date') },
      ...FUNCTIONS.map((f) => ({ label: f, type: 'function', apply: `${f}(` })),
    ]);
  };
}
