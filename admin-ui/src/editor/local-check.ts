import type { Problem } from '../../../src/load/problem.ts';
import { schemaProblems } from '../../../src/load/schema-problems.ts';
import { parseSource } from '../../../src/load/yaml-source.ts';
import { FactCatalogue } from '../../../src/schema/facts.ts';
import { ParameterFile } from '../../../src/schema/parameters.ts';
import { OutcomeCatalogue, QuestionCatalogue } from '../../../src/schema/questions.ts';
import { RuleSetDocument } from '../../../src/schema/ruleset.ts';
import { TestCaseFile } from '../../../src/schema/test-case.ts';

export type { Problem } from '../../../src/load/problem.ts';

/** True for a draft of a dated-parameters file (`rules/parameters/<topic>.yaml`) rather than a rule set. */
export function isParametersPath(path: string): boolean {
  return /(^|\/)parameters\/[^/]+\.ya?ml$/.test(path);
}

/** True for a file of test cases (`rules/<question>/tests/<name>.yaml`). */
export function isTestsPath(path: string): boolean {
  return /\/tests\/[^/]+\.ya?ml$/.test(path);
}

/** The zod schema the core loads a file at `path` with, by where it lies (as the core's `classify`). */
function schemaFor(path: string) {
  if (isParametersPath(path)) return ParameterFile;
  if (isTestsPath(path)) return TestCaseFile;
  if (/(^|\/)facts\.ya?ml$/.test(path)) return FactCatalogue;
  if (/(^|\/)questions\.ya?ml$/.test(path)) return QuestionCatalogue;
  if (/(^|\/)outcomes\.ya?ml$/.test(path)) return OutcomeCatalogue;
  return RuleSetDocument;
}

/**
 * What the browser can tell about a draft on its own, at once: YAML syntax and the zod schema the core
 * loads files with (the JSON Schemas in schema/ are generated from the same zod), each problem located
 * by the core's own parser. Facts, parameters, types and outcomes need the law, so the server checks those.
 */
export function checkLocally(path: string, text: string): Problem[] {
  const source = parseSource(path, text);
  if (source.problems.length) return source.problems;
  const result = schemaFor(path).safeParse(source.value);
  return result.success ? [] : schemaProblems(source, result.error.issues);
}
