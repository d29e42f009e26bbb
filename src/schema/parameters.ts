import { z } from 'zod';
import { Confidence, IsoDay, LocalText, NOTE_FIELDS, PUBLICATION_FIELDS } from './common.ts';

/** When the law makes a new value due: e.g. the zasiłek each 1 June (`{ every: year, on: "06-01" }`). */
export const UpdateRhythm = z
  .strictObject({
    every: z.literal('year'),
    on: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'write the day of the year as MM-DD, e.g. "06-01"')
      .meta({ description: 'The day of each year a new value takes effect, MM-DD.' }),
  })
  .meta({
    id: 'UpdateRhythm',
    description: 'How often the law fixes a new value, so an answer past the next one can say the value is not confirmed.',
  });
export type UpdateRhythm = z.infer<typeof UpdateRhythm>;

/** One dated value: it holds from `from` until the next value's `from`. */
export const ParameterValue = z
  .strictObject({
    from: IsoDay,
    value: z.number(),
    basis: z.string().min(1).meta({ description: 'Where the value comes from: act, article, or announcement.' }),
    confidence: Confidence,
    ...PUBLICATION_FIELDS,
    ...NOTE_FIELDS,
  })
  .meta({ id: 'ParameterValue' });
export type ParameterValue = z.infer<typeof ParameterValue>;

export const ParameterDefinition = z
  .strictObject({
    label: LocalText,
    unit: z.enum(['PLN', 'percent', 'months', 'hours', 'days', 'count']),
    values: z.array(ParameterValue).min(1),
    last_verified_on: IsoDay.optional().meta({
      description: 'The last day a person checked the values against the official source (Dziennik Ustaw, Monitor Polski).',
    }),
    updates: UpdateRhythm.optional(),
  })
  .meta({ id: 'ParameterDefinition' });
export type ParameterDefinition = z.infer<typeof ParameterDefinition>;

/** A parameters file: one legal topic, each id prefixed by the file's topic (`zasilek.first_90_days`). */
export const ParameterFile = z
  .strictObject({
    $schema: z.string().optional(),
    topic: z.string().regex(/^[a-z][a-z0-9_]*$/),
    title: LocalText,
    parameters: z.record(z.string().regex(/^[a-z][a-z0-9_]*\.[a-z0-9_]+$/, 'name it <topic>.<name>'), ParameterDefinition),
  })
  .meta({ title: 'Reintegra dated parameters' });
export type ParameterFile = z.infer<typeof ParameterFile>;
