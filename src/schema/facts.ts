import { z } from 'zod';
import { LocalText, SnakeName } from './common.ts';

/** How each value of an enumeration reads: every value has a label in Polish and English, never shown as a code. */
const ValueLabels = z.record(z.string(), LocalText).meta({
  description: 'The label of each value in `values`, in Polish and English; answers and forms show these, never the codes.',
});

const Field = z.strictObject({
  type: z.enum(['boolean', 'enum']),
  values: z.array(z.string()).optional(),
  value_labels: ValueLabels.optional(),
});

/** One fact of contract.md §2, defined once for every rule set. */
export const FactDefinition = z
  .strictObject({
    type: z.enum(['boolean', 'number', 'integer', 'enum', 'date', 'list', 'records']),
    values: z.array(z.string()).optional().meta({ description: 'Possible values of an enum, or of the items of a list.' }),
    value_labels: ValueLabels.optional(),
    fields: z.record(SnakeName, Field).optional().meta({ description: 'Fields of each record, for type records.' }),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.unknown().optional().meta({ description: 'Used when the caller leaves the fact out.' }),
    optional: z
      .literal(true)
      .optional()
      .meta({ description: 'Leaving it out has a meaning of its own (read with given()); never missing.' }),
    within_month: z
      .literal(true)
      .optional()
      .meta({ description: 'A count of days of the month of `date`: more than that month has is refused (INVALID_FACT).' }),
    label: LocalText,
    help: LocalText.optional(),
  })
  .meta({ id: 'FactDefinition' });
export type FactDefinition = z.infer<typeof FactDefinition>;

export const FactCatalogue = z.record(SnakeName, FactDefinition).meta({ title: 'Reintegra facts catalogue' });
export type FactCatalogue = z.infer<typeof FactCatalogue>;
