import { REGISTERED_UNEMPLOYED_REGIONS } from '../regions.ts';
import { REGISTERED_2022, REGISTERED_2023, ZASILEK_SHARE_2015 } from '../sources.ts';
import type { Caseload, Source } from '../types.ts';

const derivedFrom = (registered: Source, thousands: number, value: number): Source => ({
  ...registered,
  confidence: 'derived',
  note: {
    pl: `${String(thousands).replace('.', ',')} tys. zarejestrowanych bezrobotnych × 13,9 % z prawem do zasiłku (udział z końca 2015 r., ${ZASILEK_SHARE_2015.url}; założenie: udział bez zmian) = ${value.toLocaleString('pl-PL')}.`,
    en: `${thousands} thousand registered unemployed × 13.9 % entitled to zasiłek (the share at the end of 2015, ${ZASILEK_SHARE_2015.url}; assumption: the share unchanged) = ${value.toLocaleString('en-GB')}.`,
  },
});

/** Registered unemployed entitled to zasiłek, at the end of the year. */
export const UNEMPLOYMENT_BENEFIT: Caseload = {
  question: 'unemployment-benefit',
  population: {
    pl: 'zarejestrowani bezrobotni z prawem do zasiłku (stan w końcu roku)',
    en: 'registered unemployed entitled to zasiłek (at the end of the year)',
  },
  unit: { pl: 'osoba', en: 'person' },
  sizes: [
    { year: 2022, value: 112_910, source: derivedFrom(REGISTERED_2022, 812.3, 112_910) },
    { year: 2023, value: 109_560, source: derivedFrom(REGISTERED_2023, 788.2, 109_560) },
  ],
  regions: REGISTERED_UNEMPLOYED_REGIONS,
  payer: {
    labourFund: true,
    label: { pl: 'Fundusz Pracy', en: 'Labour Fund' },
    basis: 'UPZ art. 108 ust. 1 pkt 1 (do 31.05.2025); URP (od 1.06.2025)',
    confidence: 'recalled',
  },
};
