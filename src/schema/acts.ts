import { z } from 'zod';
import { Confidence, IsoDay, LocalText } from './common.ts';

/** A Dziennik Ustaw citation: `Dz.U. 2025 poz. 620` or, before 2012, `Dz.U. 2004 nr 99 poz. 1001`. */
export const DzU = z
  .string()
  .regex(/^Dz\.U\. \d{4}( nr \d+)? poz\. \d+$/, 'write it as "Dz.U. 2025 poz. 620" or "Dz.U. 2004 nr 99 poz. 1001"');

/** One act the rule sets cite, by the abbreviation used in `basis` (e.g. UZS). */
export const ActDefinition = z
  .strictObject({
    title: LocalText.meta({ description: 'The full title, as a citation begins: "Ustawa z dnia 13 czerwca 2003 r. o …".' }),
    dz_u: DzU.meta({ description: 'Where the act was first published.' }),
    consolidated: DzU.optional().meta({ description: 'The latest consolidated text (tekst jednolity) we cite.' }),
    published_on: IsoDay.optional().meta({ description: 'The day the act was published in Dziennik Ustaw.' }),
    in_force: IsoDay.optional().meta({ description: 'The day it came into force.' }),
    repealed: IsoDay.optional().meta({ description: 'The first day it no longer applied.' }),
    eli: z.url().optional().meta({ description: 'The act’s ELI address (eli.gov.pl).' }),
    isap: z.url().optional().meta({ description: 'The act’s page in ISAP (isap.sejm.gov.pl).' }),
    confidence: Confidence.default('recalled').meta({ description: 'How sure we are of the citation and dates.' }),
    source: z.string().optional().meta({ description: 'Where the citation and dates were checked.' }),
  })
  .meta({ id: 'Act' });
export type ActDefinition = z.infer<typeof ActDefinition>;

export const ActCatalogue = z
  .record(
    z
      .string()
      .regex(
        /^[A-Z]{2,6}(-\d{4})?$/,
        'an act is named by its upper-case abbreviation, e.g. UZS, or UZS-2022 for an amending act',
      ),
    ActDefinition,
  )
  .meta({ title: 'Reintegra acts' });
export type ActCatalogue = z.infer<typeof ActCatalogue>;
