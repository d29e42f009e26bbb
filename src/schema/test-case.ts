import { z } from 'zod';
import { IsoDay, KebabId } from './common.ts';

/** A test case of contract.md §4; only what `expect` names is checked. */
export const TestCase = z
  .strictObject({
    name: z.string().min(1),
    question: KebabId,
    date: IsoDay,
    facts: z.record(z.string(), z.unknown()).default({}),
    version: z.string().optional().meta({ description: 'A proposal to evaluate instead of the law in force.' }),
    expect: z.strictObject({
      outcome: z.string().optional(),
      version: z.string().optional().meta({ description: 'The rule-set version (valid_from, or proposal name) that answered.' }),
      amounts: z.record(z.string(), z.number()).optional(),
      values: z.record(z.string(), z.unknown()).optional(),
      basis: z.array(z.string()).optional(),
      missing: z.array(z.string()).optional().meta({ description: 'Exactly these facts are missing (as a set).' }),
      caveats: z.array(z.string()).optional().meta({ description: 'Exactly these caveat codes (as a set).' }),
      rules: z.array(z.string()).optional().meta({ description: 'Each rule id occurs among the reasons.' }),
    }),
  })
  .meta({ id: 'TestCase' });
export type TestCase = z.infer<typeof TestCase>;

export const TestCaseFile = z.array(TestCase).meta({ title: 'Reintegra test cases' });
