import { z } from 'zod';
import { LocalText } from './common.ts';

/** One reason of an answer: a rule that fired, or a condition that failed. */
export const Reason = z
  .object({
    rule: z.string().meta({ description: '<question>.<rule id>' }),
    basis: z.string(),
    text: LocalText,
    met: z.boolean().meta({
      description:
        'Whether the reason holds for the person: true for a condition met or a consequence stated; false for a condition that failed and for a bar that applies (a branch deciding an outcome other than the default), so a negative answer shows each of its reasons as failed.',
    }),
  })
  .meta({ id: 'Reason' });
export type Reason = z.infer<typeof Reason>;

export const AnswerCaveat = z.object({ code: z.string(), text: LocalText }).meta({ id: 'AnswerCaveat' });
export type AnswerCaveat = z.infer<typeof AnswerCaveat>;

/** The answer of contract.md §3, the same through every door. */
export const Answer = z
  .object({
    question: z.string(),
    date: z.string(),
    outcome: z.string(),
    amounts: z.record(z.string(), z.number()),
    values: z.record(z.string(), z.unknown()),
    reasons: z.array(Reason),
    missing: z.array(z.string()),
    caveats: z.array(AnswerCaveat),
    ruleset: z
      .object({
        id: z.string(),
        version: z.string().nullable(),
        hash: z.string().nullable(),
        kind: z.enum(['law', 'proposal']).optional(),
      })
      .meta({ description: 'The version that answered; null when no version is in force on the date.' }),
    known_on: z
      .string()
      .optional()
      .meta({ description: 'The day whose knowledge of the law answered, when the request named one (known_on).' }),
  })
  .meta({ id: 'Answer' });
export type Answer = z.infer<typeof Answer>;

/** A question put to the library: contract.md §3 and §5. */
export const DecisionRequest = z
  .strictObject({
    question: z.string().min(1),
    date: z.string(),
    facts: z.record(z.string(), z.unknown()).default({}),
    version: z.string().optional(),
    known_on: z.string().optional().meta({
      description:
        'Answer as the law was known on this day (YYYY-MM-DD): versions and dated values published after it are ignored. Default: today.',
    }),
  })
  .meta({ id: 'DecisionRequest' });
export type DecisionRequest = z.input<typeof DecisionRequest>;
