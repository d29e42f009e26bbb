import type { RegionalShares } from './types.ts';
import type { Voivodeship } from './voivodeships.ts';

/**
 * Registered unemployed at the end of 2023 by voivodeship, thousands. The GUS table by voivodeship was not
 * read (only its national total, 788.2 thousand, and three regional rates), so these are recalled, to be checked.
 */
const REGISTERED_2023_THOUSANDS: Record<Voivodeship, number> = {
  dolnośląskie: 43.6,
  'kujawsko-pomorskie': 56.6,
  lubelskie: 66.4,
  lubuskie: 15.6,
  łódzkie: 44.7,
  małopolskie: 57.9,
  mazowieckie: 112.5,
  opolskie: 16.6,
  podkarpackie: 78.4,
  podlaskie: 27.8,
  pomorskie: 37.3,
  śląskie: 63.6,
  świętokrzyskie: 34.6,
  'warmińsko-mazurskie': 40.3,
  wielkopolskie: 42.4,
  zachodniopomorskie: 29.2,
};

function sharesOf(counts: Record<Voivodeship, number>): Record<Voivodeship, number> {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(counts).map(([v, n]) => [v, n / total])) as Record<Voivodeship, number>;
}

/** Regional shares of the registered unemployed (recalled; the published national figures beside them). */
export const REGISTERED_UNEMPLOYED_REGIONS: RegionalShares = {
  shares: sharesOf(REGISTERED_2023_THOUSANDS),
  source: {
    title: 'Bezrobocie rejestrowane I–IV kwartał 2023 r., tablica według województw',
    publisher: 'GUS',
    year: 2023,
    url: 'https://scribd.com/document/731762472/Informacja-Statystyczna-Bezrobocie-Rejestrowane-1-4-Kwartal-2023-r',
    confidence: 'recalled',
    note: {
      pl: 'Tablicy według województw nie odczytano: liczby bezrobotnych w województwach (razem 767,5 tys. wobec opublikowanych 788,2 tys.) są przypomniane i wymagają sprawdzenia; opublikowane i odczytane są tylko stopy: najwyższa w podkarpackim (8,6 %) i warmińsko-mazurskim (8,3 %), najniższa w wielkopolskim (3,0 %).',
      en: 'The table by voivodeship was not read: the regional counts (767.5 thousand in all against the published 788.2 thousand) are recalled and must be checked; only the rates were read: highest in the Podkarpackie (8.6 %) and Warmian-Masurian (8.3 %) voivodeships, lowest in Wielkopolskie (3.0 %).',
    },
  },
};

/** CIS participants by region: not found in any source read, so the registered-unemployed shares stand in, stated. */
export const CIS_REGIONS: RegionalShares = {
  shares: REGISTERED_UNEMPLOYED_REGIONS.shares,
  source: {
    ...REGISTERED_UNEMPLOYED_REGIONS.source,
    confidence: 'assumption',
    note: {
      pl: 'Nie znaleziono liczby uczestników CIS według województw; założenie: rozkładają się jak zarejestrowani bezrobotni (udziały przypomniane, zob. ich źródło).',
      en: 'No count of CIS participants by voivodeship was found; assumption: they spread like the registered unemployed (recalled shares, see their source).',
    },
  },
};
