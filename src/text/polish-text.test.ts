import { describe, expect, it } from 'vitest';
import { polishTextFindings } from './polish-text.ts';

const words = (text: string, codes: string[] = []) => polishTextFindings(text, new Set(codes)).map((f) => `${f.kind} ${f.word}`);

describe('polishTextFindings', () => {
  it('finds what the issue found in today’s texts: codes, snake_case, English, file names', () => {
    expect(words('Osoba należy do grupy z art. 1 ust. 2 UZS: homeless_in_programme.')).toEqual([
      'snake_case homeless_in_programme',
    ]);
    expect(words('stan kontraktu to breached', ['breached'])).toEqual(['code breached']);
    expect(words('wnioskowana forma (internship) jest niedopuszczalna', ['internship'])).toEqual(['code internship']);
    expect(words('Następca: pytanie reintegration-referral.', ['reintegration-referral'])).toEqual([
      'code reintegration-referral',
    ]);
    expect(words('Przepisy opisane w law.md nie określają świadczenia')).toEqual(['file law.md']);
    expect(words('The day 27 is uncertain')).toEqual(['english The', 'english day', 'english is', 'english uncertain']);
    expect(words('saldo PLN 630,154,810.73')).toEqual(['english PLN']);
  });

  it('lets the law’s abbreviations, Polish homographs and Latin through', () => {
    expect(words('UPZ, URP, UZS, USS, UPS, PUP, OPS, CIS, KIS, PAI, PSU, FP, Dz.U. 2022 poz. 218, M.P. 2013 poz. 391')).toEqual(
      [],
    );
    expect(
      words('Osoba ma prawo do zasiłku; to jest pomoc de minimis, a grant to co innego; profil III', ['grant', 'III']),
    ).toEqual([]);
  });

  it('finds numbers that disagree with their nouns, and accepts the genitive after z, do, ostatnich', () => {
    expect(words('1 dni, 2 osób, 5 osoby, 22 lat')).toEqual([
      'grammar 1 dni',
      'grammar 2 osób',
      'grammar 5 osoby',
      'grammar 22 lat',
    ]);
    expect(words('1 dzień, 2 osoby, 5 osób, 22 lata, 3 miesiące')).toEqual([]);
    expect(words('ponad 12 z ostatnich 24 miesięcy, do 2 godzin')).toEqual([]);
    expect(polishTextFindings('1 dni', new Set(), { grammar: false })).toEqual([]);
  });
});
