import { REGISTERED_UNEMPLOYED_REGIONS } from '../regions.ts';
import { assumed } from '../sources.ts';
import type { Caseload } from '../types.ts';

/** Persons doing socially useful work (PSU) in a month. */
export const PSU_BENEFIT: Caseload = {
  question: 'psu-benefit',
  population: {
    pl: 'osoby wykonujące prace społecznie użyteczne w miesiącu',
    en: 'persons doing socially useful work in a month',
  },
  unit: { pl: 'osoba', en: 'person' },
  sizes: [
    {
      year: 2023,
      value: 10_000,
      source: assumed(2023, {
        pl: 'Nie znaleziono liczby uczestników PSU; 10 000 to założenie do zastąpienia sprawozdaniem MRPiPS-01 (załącznik o formach aktywizacji).',
        en: 'No count of PSU participants was found; 10,000 is an assumption, to be replaced by the MRPiPS-01 report (its annex on activation).',
      }),
    },
  ],
  regions: {
    shares: REGISTERED_UNEMPLOYED_REGIONS.shares,
    source: {
      ...REGISTERED_UNEMPLOYED_REGIONS.source,
      confidence: 'assumption',
      note: {
        pl: 'Założenie: uczestnicy PSU rozkładają się jak zarejestrowani bezrobotni (udziały przypomniane).',
        en: 'Assumption: PSU participants spread like the registered unemployed (recalled shares).',
      },
    },
  },
  payer: {
    labourFund: true,
    label: {
      pl: 'gmina; Fundusz Pracy zwraca część (najwyższy zwrot)',
      en: 'the gmina; the Labour Fund refunds part (the highest refund)',
    },
    basis: 'UPZ art. 73a ust. 5; URP art. 142 ust. 14',
    confidence: 'recalled',
  },
};
