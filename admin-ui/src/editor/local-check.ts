import type { Problem } from '../../../src/load/problem.ts';
import { schemaProblems } from '../../../src/load/schema-problems.ts';
import { parseSource } from '../../../src/load/yaml-source.ts';
import { ParameterFile } from '../../../src/schema/parameters.ts';
import { RuleSetDocument } from '../../../src/schema/ruleset.ts';

export type { Problem } from '../../../src/load/problem.ts';

/** True for a draft of a dated-parameters file (`rules/parameters/<topic>.yaml`) rather than a rule set. */
export function isParametersPath(path: string): boolean {
  return /(^|\/)parameters\/[^/]+\.ya?ml$/.test(path);
}

/**
 * What the browser can tell about a draft on its own, at once: YAML syntax and the zod schema the core
 * loads files with (the JSON Schemas in schema/ are generated from the same zod), each problem located
 * by the core's own parser. Facts, parameters, types and outcomes need the law, so the server checks those.
 */
export function checkLocally(path: string, text: string): Problem[] {
  const source = parseSource(path, text);
  if (source.problems.length) return source.problems;
  const schema = isParametersPath(path) ? ParameterFile : RuleSetDocument;
  const result = schema.safeParse(source.value);
  return result.success ? [] : schemaProblems(source, result.error.issues);
}
