import type { Schemas } from '../api/client.ts';
import { t } from '../i18n/translate.ts';
import { localText } from './local-text.ts';
import type { Ref } from './parts.ts';

/** The catalogue as GET /api/v1/catalogue gives it: facts, dated parameters, outcomes. */
export type Catalogue = Schemas['Catalogue'];
/** One fact of the catalogue. */
export type FactDefinition = Schemas['FactDefinition'];
/** One dated parameter of the catalogue. */
export type ParameterDefinition = Schemas['ParameterDefinition'];

/** What the names of one rule set stand for: the catalogue's facts and parameters, and the set's own definitions. */
export interface Lexicon {
  facts: Readonly<Record<string, FactDefinition>>;
  parameters: Readonly<Record<string, ParameterDefinition>>;
  /** Names of the rule set's `define` entries. */
  defines: ReadonlySet<string>;
}

/** A lexicon of the catalogue and a rule set's definitions. */
export function lexicon(catalogue: Catalogue | undefined, defines: Iterable<string> = []): Lexicon {
  return { facts: catalogue?.facts ?? {}, parameters: catalogue?.parameters ?? {}, defines: new Set(defines) };
}

/**
 * What `name` stands for, labelled in the UI's language. `fields` are the names an item's condition reads
 * inside count(), any(), all() and sum(): they shadow everything else, as in the engine.
 */
export function resolve(lex: Lexicon, name: string, fields: ReadonlySet<string> = new Set()): Ref {
  if (fields.has(name)) return { ref: 'field', name, label: name === 'item' ? t('expr.item') : name };
  if (name === 'date') return { ref: 'date', name, label: t('expr.date') };
  if (lex.defines.has(name)) return { ref: 'define', name, label: name };
  const fact = lex.facts[name];
  if (fact) return { ref: 'fact', name, label: localText(fact.label) };
  const param = lex.parameters[name];
  if (param) return { ref: 'parameter', name, label: localText(param.label) };
  return { ref: name.includes('.') ? 'parameter' : 'fact', name, label: name };
}
