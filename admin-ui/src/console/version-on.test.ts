import { describe, expect, it } from 'vitest';
import { todayIso } from './today.ts';
import { firstVersion, readVersionDocument, versionOn } from './version-on.ts';

const v = (validFrom: string, repealed = false) => ({
  version: validFrom,
  validFrom,
  repealed,
  hash: `sha256:${validFrom}`,
  law: { act: 'UZS', basis: 'art. 1', dz_u: 'Dz.U. 2003 nr 122 poz. 1143' },
  title: { pl: 'Wersja', en: 'Version' },
});
const VERSIONS = [v('2022-02-15'), v('2004-01-01'), v('2025-06-01', true)];

describe('the version in force on a day', () => {
  it('is the latest one that has started', () => {
    expect(versionOn(VERSIONS, '2025-10-15')?.version).toBe('2025-06-01');
    expect(versionOn(VERSIONS, '2022-02-15')?.version).toBe('2022-02-15');
    expect(versionOn(VERSIONS, '2022-02-14')?.version).toBe('2004-01-01');
    expect(versionOn(VERSIONS, '2003-12-31')).toBeUndefined();
    expect(firstVersion(VERSIONS)?.version).toBe('2004-01-01');
  });

  it('reads the facts, act and repeal from a version’s document', () => {
    expect(
      readVersionDocument({
        facts: ['cis_period', 3],
        title: { pl: 'Tytuł', en: 'Title' },
        law: { act: 'Ustawa', dz_u: 'Dz.U. 2022 poz. 218' },
      }),
    ).toEqual({
      facts: ['cis_period'],
      title: { pl: 'Tytuł', en: 'Title' },
      act: 'Ustawa',
      dzU: 'Dz.U. 2022 poz. 218',
      repealed: false,
      repealedText: undefined,
      successor: undefined,
    });
    const repealed = readVersionDocument({
      repealed: true,
      repealed_by: { act: 'URP', dz_u: 'Dz.U. 2025 poz. 620', text: { pl: 'Uchylone', en: 'Repealed' } },
      successor: 'reintegration-referral',
    });
    expect(repealed).toMatchObject({ facts: [], repealed: true, act: 'URP', successor: 'reintegration-referral' });
    expect(repealed.repealedText).toEqual({ pl: 'Uchylone', en: 'Repealed' });
  });

  it('takes today in the browser’s time zone', () => {
    expect(todayIso(new Date(2025, 9, 5, 23, 59))).toBe('2025-10-05');
  });
});
