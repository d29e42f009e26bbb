import { CIS_REGIONS } from '../regions.ts';
import { CIS_BENEFIT_FUND, CIS_PARTICIPANTS_2017, CIS_UNITS_2021 } from '../sources.ts';
import type { Caseload } from '../types.ts';

/** Persons taking part in CIS in a year: each is paid the integration benefit for the months they take part. */
export const CIS_PARTICIPANTS: Omit<Caseload, 'question' | 'payer'> = {
  population: { pl: 'uczestnicy zajęć w CIS w ciągu roku', en: 'persons taking part in CIS in a year' },
  unit: { pl: 'uczestnik', en: 'participant' },
  sizes: [
    { year: 2017, value: 11_500, source: CIS_PARTICIPANTS_2017 },
    {
      year: 2021,
      value: 13_925,
      source: {
        ...CIS_UNITS_2021,
        confidence: 'derived',
        note: {
          pl: '11 500 uczestników z 2017 r. × 201 CIS w 2021 r. / 166 CIS w 2017 r. = 13 925 (założenie: tylu uczestników na jedno CIS co w 2017 r.).',
          en: '11,500 participants of 2017 × 201 CIS in 2021 / 166 CIS in 2017 = 13,925 (assumption: as many participants per CIS as in 2017).',
        },
      },
    },
  ],
  regions: CIS_REGIONS,
};

export const CIS_BENEFIT: Caseload = {
  question: 'cis-benefit',
  ...CIS_PARTICIPANTS,
  payer: {
    labourFund: true,
    label: { pl: 'Fundusz Pracy (refundacja przez PUP)', en: 'Labour Fund (refunded by the PUP)' },
    basis: `UZS art. 15 ust. 5; ${CIS_BENEFIT_FUND.url}`,
    confidence: 'secondary',
  },
};
