import type { Schemas } from '../shared/api/client.ts';
import type { Language } from '../shared/i18n/language.ts';
import type { ComparisonOp } from './tree.ts';

/** The body of GET /api/v1/catalogue: facts with type, values and labels, parameters, outcomes. */
export type Catalogue = Schemas['Catalogue'];
type FactDefinition = Schemas['FactDefinition'];

/** Where a name comes from: a fact, a definition of the rule set, a dated parameter, or the day asked about. */
export type NameGroup = 'fact' | 'define' | 'parameter' | 'date';

/** A name a condition may read, as the left side's picker offers it. */
export interface ConditionName {
  name: string;
  group: NameGroup;
  label?: Schemas['LocalText'];
  fact?: FactDefinition;
}

/** The name of the day the question is asked about, which every expression may read. */
export const DATE_NAME = 'date';

/**
 * The names a rule's condition may read, in picker order: the rule set's facts (all catalogue facts when it
 * declares none), its definitions, its parameters, and `date`. Labels come from the catalogue when it is loaded.
 */
export function conditionNames(
  declared: { facts: readonly string[]; parameters: readonly string[]; defines: readonly string[] },
  catalogue: Catalogue | undefined,
): ConditionName[] {
  const facts = declared.facts.length ? declared.facts : Object.keys(catalogue?.facts ?? {});
  return [
    ...facts.map((name): ConditionName => {
      const fact = catalogue?.facts[name];
      return fact ? { name, group: 'fact', label: fact.label, fact } : { name, group: 'fact' };
    }),
    ...declared.defines.map((name): ConditionName => ({ name, group: 'define' })),
    ...declared.parameters.map((name): ConditionName => {
      const label = catalogue?.parameters[name]?.label;
      return label ? { name, group: 'parameter', label } : { name, group: 'parameter' };
    }),
    { name: DATE_NAME, group: 'date' },
  ];
}

/** `Profil pomocy (help_profile)`: the label in the UI's language with the name the YAML uses. */
export function nameLabel(n: ConditionName, lang: Language): string {
  return n.label ? `${n.label[lang]} (${n.name})` : n.name;
}

/** How the right side of a comparison is entered: a typed field, or a free expression. */
export type ValueKind = 'enum' | 'enum-list' | 'boolean' | 'number' | 'date' | 'free';

const ORDERING: readonly ComparisonOp[] = ['<', '<=', '>', '>='];
const MEMBERSHIP: readonly ComparisonOp[] = ['in', 'not in'];

/** The field that fits the right side of `left op …`, by the left side's type; `free` when none does. */
export function valueKind(left: ConditionName | undefined, op: ComparisonOp): ValueKind {
  if (!left) return 'free';
  const member = MEMBERSHIP.includes(op);
  if (left.group === 'date') return member ? 'free' : 'date';
  if (left.group === 'parameter') return member ? 'free' : 'number';
  const type = left.fact?.type;
  switch (type) {
    case 'boolean':
      return op === '==' || op === '!=' ? 'boolean' : 'free';
    case 'number':
    case 'integer':
      return member ? 'free' : 'number';
    case 'date':
      return member ? 'free' : 'date';
    case 'enum':
      if (member) return 'enum-list';
      return ORDERING.includes(op) ? 'free' : 'enum';
    default:
      return 'free';
  }
}

/** True when the name reads true or false by itself, so it may stand alone as a test. */
export function isBooleanName(n: ConditionName): boolean {
  return n.fact?.type === 'boolean' || n.group === 'define';
}
