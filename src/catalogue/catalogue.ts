import type { Type } from '../expr/types.ts';
import type { ActDefinition } from '../schema/acts.ts';
import type { LocalText } from '../schema/common.ts';
import type { FactDefinition } from '../schema/facts.ts';
import type { QuestionDefinition } from '../schema/questions.ts';
import { factType } from './fact-types.ts';
import type { ParameterRegistry } from './parameters.ts';

/** What every rule set is checked against: the facts, the questions of the contract, the parameters. */
export interface Catalogue {
  facts: ReadonlyMap<string, FactDefinition>;
  factTypes: ReadonlyMap<string, Type>;
  questions: ReadonlyMap<string, QuestionDefinition>;
  parameters: ParameterRegistry;
  /** How each outcome reads, in Polish and English. */
  outcomes: ReadonlyMap<string, LocalText>;
  /** The acts a basis cites, by abbreviation (rules/acts.yaml): full title, Dz.U., ELI and ISAP. */
  acts: ReadonlyMap<string, ActDefinition>;
}

export function makeCatalogue(
  facts: Record<string, FactDefinition>,
  questions: Record<string, QuestionDefinition>,
  parameters: ParameterRegistry,
  outcomes: Record<string, LocalText> = {},
  acts: Record<string, ActDefinition> = {},
): Catalogue {
  const factMap = new Map(Object.entries(facts));
  return {
    facts: factMap,
    factTypes: new Map([...factMap].map(([name, def]) => [name, factType(def)])),
    questions: new Map(Object.entries(questions)),
    parameters,
    outcomes: new Map(Object.entries(outcomes)),
    acts: new Map(Object.entries(acts)),
  };
}

/** True when a caller may leave the fact out: it has a default or its absence means something. */
export function hasDefault(def: FactDefinition): boolean {
  return def.default !== undefined || def.optional === true;
}
