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

/**
 * A note for the people who read or check the law, in both languages like a rule's text: `note` in English
 * (the field readers have always had) and `note_pl` in Polish beside it, so a Polish reader never meets English.
 */
export const NOTE_FIELDS = {
  note: z.string().optional().meta({ description: 'A note for legal staff, in English.' }),
  note_pl: z.string().optional().meta({ description: 'The same note in Polish: what a Polish reader is shown.' }),
};

/** The note of a row, version or rule in one language (the English one where no Polish is written). */
export function noteIn(
  owner: { note?: string | undefined; note_pl?: string | undefined },
  lang: 'pl' | 'en',
): string | undefined {
  return lang === 'pl' ? (owner.note_pl ?? owner.note) : owner.note;
}

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

/** How each confidence reads to a person (parameters.md defines them). */
export const CONFIDENCE_LABELS: Readonly<Record<Confidence, LocalText>> = {
  read: { pl: 'odczytana w akcie lub obwieszczeniu', en: 'read in the act or an announcement' },
  secondary: { pl: 'ze źródeł wtórnych (strony urzędów, prasa)', en: 'from secondary sources (office pages, the press)' },
  derived: { pl: 'wyliczona z reguły waloryzacji', en: 'computed by the indexation rule' },
  recalled: { pl: 'przypomniana, nieodnaleziona w źródle', en: 'recalled, not found in a source' },
  inferred: { pl: 'wywnioskowana', en: 'inferred' },
  uncertain: { pl: 'niepewna', en: 'uncertain' },
  contested: { pl: 'sporna', en: 'contested' },
};

/** Confidences that oblige an answer relying on the point to carry a caveat. */
export const DOUBTFUL: ReadonlySet<Confidence> = new Set(['derived', 'recalled', 'inferred', 'uncertain', 'contested']);

export const KebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use kebab-case: lower-case words joined by "-"');
export const SnakeName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use snake_case: lower-case words joined by "_"');

/**
 * The day a value or a version became known (`published_on`): the day its act or announcement was published in
 * Dziennik Ustaw or Monitor Polski, or, for what is added later, the day it was published in Reintegra. A decision
 * asked "as known on" a day ignores what was published after it. Absent: known as long as it has been in force.
 */
export const PUBLICATION_FIELDS = {
  published_on: IsoDay.optional().meta({
    description:
      'The day it became known: published in Dziennik Ustaw / Monitor Polski, or in Reintegra for what is added later.',
  }),
  published_confidence: Confidence.optional().meta({
    description:
      'How sure the publication day is (read, secondary, recalled: where not found, the day it took effect stands in).',
  }),
  published_in: z
    .string()
    .optional()
    .meta({ description: 'Where it was published, e.g. "Dz.U. 2022 poz. 218" or "M.P. 2021 poz. 486".' }),
};
