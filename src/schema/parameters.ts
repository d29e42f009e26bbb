import { z } from 'zod';
import { Confidence, IsoDay, LocalText, NOTE_FIELDS } from './common.ts';

/** One dated value: it holds from `from` until the next value's `from`. */
export const ParameterValue = z
  .strictObject({
    from: IsoDay,
    value: z.number(),
    basis: z.string().min(1).meta({ description: 'Where the value comes from: act, article, or announcement.' }),
    confidence: Confidence,
    ...NOTE_FIELDS,
  })
  .meta({ id: 'ParameterValue' });
export type ParameterValue = z.infer<typeof ParameterValue>;

export const ParameterDefinition = z
  .strictObject({
    label: LocalText,
    unit: z.enum(['PLN', 'percent', 'months', 'hours', 'days', 'count']),
    values: z.array(ParameterValue).min(1),
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
