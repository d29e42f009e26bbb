import { describe, expect, it } from 'vitest';
import { type Act, actAddresses, citationAddresses } from './act-addresses.ts';

const UZS = {
  title: { pl: 'Ustawa z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym', en: 'Act of 13 June 2003 on social employment' },
  dz_u: 'Dz.U. 2003 nr 122 poz. 1143',
  eli: 'https://eli.gov.pl/eli/DU/2003/1143/ogl',
  isap: 'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20031221143',
  confidence: 'secondary',
} as Act;

describe('where an act can be read', () => {
  it('builds ELI and ISAP addresses from a citation, before and after 2012', () => {
    expect(citationAddresses('UZS art. 15 ust. 4 (Dz.U. 2022 poz. 218)')).toEqual({
      citation: 'Dz.U. 2022 poz. 218',
      eli: 'https://eli.gov.pl/eli/DU/2022/218/ogl',
      isap: 'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20220000218',
    });
    expect(citationAddresses('obwieszczenie, M.P. 2011 nr 39 poz. 447')?.isap).toBe(
      'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WMP20110390447',
    );
    expect(citationAddresses('UZS art. 15')).toBeUndefined();
  });

  it('finds the act of a basis by its abbreviation in the catalogue, and nothing for an act it does not hold', () => {
    expect(actAddresses('UZS art. 15 ust. 4', { UZS })).toMatchObject({ citation: UZS.dz_u, eli: UZS.eli, isap: UZS.isap });
    expect(actAddresses('UPS art. 7', { UZS })).toBeUndefined();
  });
});
