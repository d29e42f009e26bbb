import { REGISTERED_UNEMPLOYED_REGIONS } from '../regions.ts';
import { LONG_TERM_2022 } from '../sources.ts';
import type { Caseload } from '../types.ts';

/** Art. 200 reintegration is for the long-term unemployed: they are who a referral may concern. */
export const REINTEGRATION_REFERRAL: Caseload = {
  question: 'reintegration-referral',
  population: { pl: 'długotrwale bezrobotni zarejestrowani w PUP', en: 'long-term unemployed registered in a PUP' },
  unit: { pl: 'osoba', en: 'person' },
  sizes: [{ year: 2022, value: 328_000, source: LONG_TERM_2022 }],
  regions: {
    shares: REGISTERED_UNEMPLOYED_REGIONS.shares,
    source: {
      ...REGISTERED_UNEMPLOYED_REGIONS.source,
      confidence: 'assumption',
      note: {
        pl: 'Założenie: długotrwale bezrobotni rozkładają się jak wszyscy zarejestrowani (udziały przypomniane, zob. ich źródło).',
        en: 'Assumption: the long-term unemployed spread like all the registered (recalled shares, see their source).',
      },
    },
  },
  payer: {
    labourFund: true,
    label: { pl: 'Fundusz Pracy (stypendium)', en: 'Labour Fund (the stipend)' },
    basis: 'URP art. 236',
    confidence: 'recalled',
  },
};
