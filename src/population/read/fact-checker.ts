import type { z } from 'zod';
import type { Catalogue } from '../../catalogue/catalogue.ts';
import { factValueSchema } from '../../catalogue/fact-types.ts';
import { didYouMean } from '../../expr/diagnostics.ts';
import type { FactDefinition } from '../../schema/facts.ts';

/** Checks fact names and values against one catalogue, exactly as an API request's facts are checked. */
export interface FactChecker {
  /** The definition of a fact, or undefined when the catalogue has no such fact. */
  definition(name: string): FactDefinition | undefined;
  /** `unknown fact "x"; did you mean "y"?`-style text for a name the catalogue lacks. */
  unknownName(name: string): string;
  /** Why `value` is not a value of the fact (zod's message, where in the value, a did-you-mean), or undefined when it is. */
  valueProblem(name: string, def: FactDefinition, value: unknown): string | undefined;
}

/** A checker over `catalogue`, building each fact's zod schema (factValueSchema) once, not once a row. */
export function createFactChecker(catalogue: Catalogue): FactChecker {
  const schemas = new Map<string, z.ZodType>();
  return {
    definition: (name) => catalogue.facts.get(name),
    unknownName: (name) => `"${name}" is not a fact${didYouMean(name, catalogue.facts.keys())}`,
    valueProblem(name, def, value) {
      let schema = schemas.get(name);
      if (!schema) {
        schema = factValueSchema(def);
        schemas.set(name, schema);
      }
      const result = schema.safeParse(value);
      if (result.success) return undefined;
      const issue = result.error.issues[0];
      const where = issue?.path.length ? ` (at ${issue.path.map(String).join('.')})` : '';
      const hint = def.type === 'enum' && typeof value === 'string' ? didYouMean(value, def.values ?? []) : '';
      return `${issue?.message ?? 'invalid'}${where}${hint}`;
    },
  };
}

/** A value as JSON for a message, cut short when long. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
