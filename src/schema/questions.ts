import { z } from 'zod';
import { KebabId, LocalText, SnakeName } from './common.ts';

/** One question of contract.md §1, with the outcomes it may answer. */
export const QuestionDefinition = z.strictObject({
  title: LocalText,
  asked_by: z.string(),
  date_means: z.string(),
  outcomes: z.array(SnakeName).min(1),
  amounts: z.array(SnakeName).default([]),
  values: z.array(SnakeName).default([]),
  labels: z.record(SnakeName, LocalText).default({}).meta({
    description:
      'How the names of the amounts and values, and the codes a value may list (options, flags, obligations), read in Polish and English.',
  }),
});
export type QuestionDefinition = z.infer<typeof QuestionDefinition>;

export const QuestionCatalogue = z.record(KebabId, QuestionDefinition).meta({ title: 'Reintegra questions' });
export type QuestionCatalogue = z.infer<typeof QuestionCatalogue>;

/** Outcomes every question may answer besides its own (contract.md §3). */
export const COMMON_OUTCOMES = ['undetermined', 'not_in_force'] as const;

/** How each outcome reads to a person. */
export const OutcomeCatalogue = z.record(SnakeName, LocalText).meta({ title: 'Reintegra outcome labels' });
export type OutcomeCatalogue = z.infer<typeof OutcomeCatalogue>;
