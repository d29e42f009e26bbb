import { z } from 'zod';
import { isIsoDate } from '../dates/iso-date.ts';

/** A text in Polish and English; Polish is the language of the law, English is for everyone else. */
export const LocalText = z
  .strictObject({
    pl: z.string().min(1).meta({ description: 'Polish text.' }),
    en: z.string().min(1).meta({ description: 'English text.' }),
  })
  .meta({ id: 'LocalText', description: 'A sentence in Polish and in English.' });
export type LocalText = z.infer<typeof LocalText>;

/** A calendar day. YAML may hand it over as a string; the schema accepts only real days. */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the day as YYYY-MM-DD')
  .refine(isIsoDate, 'not a real calendar day')
  .meta({ description: 'A calendar day, YYYY-MM-DD.' });

/** The acts a basis may cite (contract.md §3). */
export const ACTS = ['UPZ', 'URP', 'UZS', 'USS', 'UPS'] as const;

/** `ACT art. N[ ust. M][ pkt K]`, e.g. `UZS art. 15 ust. 7`. */
export const BASIS_PATTERN = /^(UPZ|URP|UZS|USS|UPS) art\. \d+[a-z]*( ust\. \d+[a-z]*)?( pkt \d+[a-z]*)?$/;

export const Basis = z
  .string()
  .regex(BASIS_PATTERN, 'write the basis as "ACT art. N[ ust. M][ pkt K]", e.g. "UZS art. 15 ust. 7"')
  .meta({ description: 'Legal basis: ACT art. N[ ust. M][ pkt K], ACT one of UPZ, URP, UZS, USS, UPS.' });

/** How sure we are of a value or a date: see parameters.md and law.md. */
export const Confidence = z.enum(['read', 'secondary', 'derived', 'recalled', 'inferred', 'uncertain', 'contested']).meta({
  description:
    'read: read in the statute; secondary: PUP/CIS pages or press; derived: computed by the indexation rule; recalled: not found in a source; inferred, uncertain, contested: as law.md marks them.',
});
export type Confidence = z.infer<typeof Confidence>;

/** Confidences that oblige an answer relying on the point to carry a caveat. */
export const DOUBTFUL: ReadonlySet<Confidence> = new Set(['derived', 'recalled', 'inferred', 'uncertain', 'contested']);

export const KebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use kebab-case: lower-case words joined by "-"');
export const SnakeName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use snake_case: lower-case words joined by "_"');
