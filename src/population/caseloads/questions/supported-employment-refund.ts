import { CIS_REGIONS } from '../regions.ts';
import { assumed } from '../sources.ts';
import type { Caseload } from '../types.ts';

/** Employers' supported-employment contracts with former CIS/KIS participants, refunded monthly. */
export const SUPPORTED_EMPLOYMENT_REFUND: Caseload = {
  question: 'supported-employment-refund',
  population: {
    pl: 'umowy zatrudnienia wspieranego z refundacją w ciągu roku',
    en: 'supported-employment contracts refunded in a year',
  },
  unit: { pl: 'umowa', en: 'contract' },
  sizes: [
    {
      year: 2023,
      value: 500,
      source: assumed(2023, {
        pl: 'Nie znaleziono krajowej liczby umów zatrudnienia wspieranego; 500 to założenie do zastąpienia danymi z informacji MRPiPS o CIS i KIS (art. 18c UZS).',
        en: 'No national count of supported-employment contracts was found; 500 is an assumption, to be replaced by the ministry’s report on CIS and KIS (UZS art. 18c).',
      }),
    },
  ],
  regions: CIS_REGIONS,
  payer: {
    labourFund: true,
    label: { pl: 'Fundusz Pracy', en: 'Labour Fund' },
    basis: 'UZS art. 16 ust. 3',
    confidence: 'recalled',
  },
};
