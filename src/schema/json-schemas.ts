import { z } from 'zod';
import { ActCatalogue } from './acts.ts';
import { FactCatalogue } from './facts.ts';
import { ParameterFile } from './parameters.ts';
import { OutcomeCatalogue, QuestionCatalogue } from './questions.ts';
import { RuleSetDocument } from './ruleset.ts';
import { TestCaseFile } from './test-case.ts';

/** The JSON Schemas published for editors, by file name: one zod schema, many uses. */
export function jsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return {
    'ruleset.schema.json': make(RuleSetDocument),
    'facts.schema.json': make(FactCatalogue),
    'parameters.schema.json': make(ParameterFile),
    'questions.schema.json': make(QuestionCatalogue),
    'outcomes.schema.json': make(OutcomeCatalogue),
    'acts.schema.json': make(ActCatalogue),
    'test-cases.schema.json': make(TestCaseFile),
  };
}
