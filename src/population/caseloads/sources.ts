import type { Source } from './types.ts';

// Each figure as found with the project's search of public pages (issue 17); the address is where it was read.

/** CIS participants in 2017 and active CIS at the end of 2017, as the ministry's social-economy portal quotes GUS. */
export const CIS_PARTICIPANTS_2017: Source = {
  title: 'Informacja o KIS i CIS',
  publisher: 'MRPiPS, Departament Ekonomii Społecznej i Solidarnej (ekonomiaspoleczna.gov.pl), za GUS',
  year: 2017,
  url: 'http://www.ekonomiaspoleczna.gov.pl/Informacja,o,KIS,i,CIS,4107.html',
  confidence: 'secondary',
  note: {
    pl: '„W 2017 r. w prowadzonych przez CIS zajęciach uczestniczyło blisko 11,5 tys. osób”; na koniec 2017 r. aktywnie działało 166 CIS.',
    en: '"In 2017 close to 11.5 thousand persons took part in the activities CIS ran"; 166 CIS were active at the end of 2017.',
  },
};

/** Active CIS in 2021, GUS signal information of 30.11.2022 (read in a copy). */
export const CIS_UNITS_2021: Source = {
  title:
    'Centra integracji społecznej, kluby integracji społecznej, zakłady aktywności zawodowej, warsztaty terapii zajęciowej w 2021 r. (informacje sygnalne, 30.11.2022)',
  publisher: 'GUS',
  year: 2021,
  url: 'https://scribd.com/document/708361350/centra-i-kluby-integracji-spolecznejzak-aktyw-zawodowejwarszt-ter-zajeciowej-w-2021-r',
  confidence: 'secondary',
  note: {
    pl: 'W 2021 r. aktywnie działało 201 CIS (166 w 2017 r.); liczby uczestników CIS za 2021 r. nie odczytano.',
    en: '201 CIS were active in 2021 (166 in 2017); the number of CIS participants for 2021 was not read.',
  },
};

/** Registered unemployed at the end of 2022, GUS "Bezrobotni zarejestrowani i stopa bezrobocia. Stan w końcu grudnia 2022 r.". */
export const REGISTERED_2022: Source = {
  title: 'Bezrobotni zarejestrowani i stopa bezrobocia. Stan w końcu grudnia 2022 r.',
  publisher: 'GUS (za praca.pl)',
  year: 2022,
  url: 'https://praca.pl/poradniki/rynek-pracy/bezrobocie-i-stopa-bezrobocia-w-grudniu-2022-roku-dane-gus_pr-7995.html',
  confidence: 'secondary',
  note: {
    pl: 'W końcu grudnia 2022 r. w rejestrach PUP było 812,3 tys. bezrobotnych.',
    en: 'At the end of December 2022 the PUP registers held 812.3 thousand unemployed.',
  },
};

/** Registered unemployed at the end of 2023, GUS quarterly "Bezrobocie rejestrowane I–IV kwartał 2023 r.". */
export const REGISTERED_2023: Source = {
  title: 'Bezrobocie rejestrowane I–IV kwartał 2023 r.',
  publisher: 'GUS (za forsal.pl)',
  year: 2023,
  url: 'https://forsal.pl/praca/aktualnosci/artykuly/9474241,jaka-byla-stopa-bezrobocia-pod-koniec-ubieglego-roku-dane-gus.html',
  confidence: 'secondary',
  note: {
    pl: 'W końcu grudnia 2023 r. zarejestrowanych bezrobotnych było 788,2 tys.; stopa 5,1 %.',
    en: 'At the end of December 2023 there were 788.2 thousand registered unemployed; the rate was 5.1 %.',
  },
};

/** Long-term unemployed at the end of 2022, as the Polish Economic Institute quoted the data. */
export const LONG_TERM_2022: Source = {
  title: 'Bezrobocie w grudniu 2022 (komentarz PIE)',
  publisher: 'Polski Instytut Ekonomiczny (za radiozet.pl)',
  year: 2022,
  url: 'https://wiadomosci.radiozet.pl/Biznes/bezrobocie-w-gore-sa-nowe-dane-gus',
  confidence: 'secondary',
  note: {
    pl: 'Liczba długotrwale bezrobotnych spadła w grudniu 2022 r. z 331 do 328 tys. osób.',
    en: 'The long-term unemployed fell in December 2022 from 331 to 328 thousand.',
  },
};

/** The share of the registered unemployed entitled to zasiłek, end of 2015 (86.1 % were not). */
export const ZASILEK_SHARE_2015: Source = {
  title: 'Bezrobotni zarejestrowani, stan w końcu grudnia 2015 r. (komunikat GUS)',
  publisher: 'GUS (za lewica.home.pl, 26.01.2016)',
  year: 2015,
  url: 'http://www.lewica.home.pl/index.php?id=31144&tytul=CBOS%3A-SLD-bdzie-mie-wikszo-w-Sejmie',
  confidence: 'secondary',
  note: {
    pl: '„Z ogólnej liczby bezrobotnych 86,1% stanowiły osoby bez prawa do zasiłku” – z prawem do zasiłku 13,9 %.',
    en: '"86.1% of the unemployed had no right to zasiłek" – 13.9 % had it.',
  },
};

/** That the integration benefit is refunded from the Labour Fund by the PUP. */
export const CIS_BENEFIT_FUND: Source = {
  title: 'Centrum integracji społecznej skieruje uczestnika zajęć na warsztaty zawodowe',
  publisher: 'Dziennik Gazeta Prawna (gazetaprawna.pl, 27.11.2025)',
  year: 2025,
  url: 'https://serwisy.gazetaprawna.pl/samorzad/artykuly/10593604,centrum-integracji-spolecznej-skieruje-uczestnika-zajec-na-warsztaty-zawodowe.html',
  confidence: 'secondary',
  note: {
    pl: '„uczestnicy zajęć w centrum otrzymują świadczenie integracyjne, które jest refundowane ze środków Funduszu Pracy przez powiatowy urząd pracy”.',
    en: '"participants receive the integration benefit, which the PUP refunds from the Labour Fund".',
  },
};

/** A figure no source was found for: the value is an assumption, stated, to be replaced. */
export function assumed(year: number, note: Source['note']): Source {
  return { title: 'assumption', publisher: 'Reintegra', year, url: null, confidence: 'assumption', note };
}
