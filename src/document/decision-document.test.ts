import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../test/rules-library.ts';
import { polishTextFindings } from '../text/polish-text.ts';
import { decisionDocument, documentTexts } from './decision-document.ts';
import { DOCUMENT_KINDS } from './document-kind.ts';

const library = bundledLibrary();
const OFFICE = {
  office: 'PUP Kraków',
  name: 'Kierownik Centrum Integracji Społecznej w Krakowie',
  address: 'ul. Floriańska 1\n31-019 Kraków',
  place: 'Kraków',
  appeal_body: 'Samorządowe Kolegium Odwoławcze w Krakowie',
  signatory_name: 'Anna Nowak',
  signatory_position: 'Kierownik Centrum',
};

async function documentFor(question: string, date: string, facts: Record<string, unknown>, lang: 'pl' | 'en' = 'pl') {
  const answer = await library.decide({ question, date, facts });
  const receipt = { id: 'r-1', answer, facts };
  return decisionDocument({ receipt, catalogue: library.catalogue, office: OFFICE, lang, issuedOn: '2022-04-01' });
}

describe('the decision document', () => {
  it('drafts a CIS benefit decision with every part of KPA art. 107', async () => {
    const doc = await documentFor('cis-benefit', '2022-03-15', { cis_period: 'trial', unexcused_absence_days: 0 });
    expect(doc.kind).toBe('decision');
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'Podstawa prawna',
      'Rozstrzygnięcie',
      'Uzasadnienie',
      'Uzasadnienie faktyczne',
      'Uzasadnienie prawne',
      'Pouczenie',
    ]);
    const text = documentTexts(doc).join('\n');
    expect(text).toContain('Kraków, dnia 1 kwietnia 2022 r.');
    expect(text).toContain(
      'art. 15 ust. 4 ustawy z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym (Dz.U. 2003 nr 122 poz. 1143; t.j. Dz.U. 2025 poz. 83), dalej: UZS',
    );
    expect(text).toContain('art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego');
    expect(text).toContain('1\u00a0488,96\u00a0zł (słownie: tysiąc czterysta osiemdziesiąt osiem złotych 96/100)');
    expect(text).toContain('Okres w CIS: okres próbny');
    expect(text).toContain('w terminie 14 dni od dnia jej doręczenia');
    expect(text).toContain('Samorządowe Kolegium Odwoławcze w Krakowie');
    expect(text).toContain(doc.footer);
    expect(doc.footer).toMatch(/r-1 · skrót przepisów: sha256:[0-9a-f]{64}/);
    // Polish a person can sign: no codes, no snake_case, no English.
    const codes = new Set([...library.catalogue.facts.keys(), 'trial', 'participation', 'cis_period', 'payable']);
    expect(documentTexts(doc).flatMap((t) => polishTextFindings(t, codes, { grammar: false }))).toEqual([]);
  });

  it('writes the same document in English', async () => {
    const doc = await documentFor('cis-benefit', '2022-03-15', { cis_period: 'trial' }, 'en');
    const text = documentTexts(doc).join('\n');
    expect(text).toContain('one thousand four hundred and eighty-eight zlotys 96/100');
    expect(text).toContain('of the Act of 13 June 2003 on social employment');
    expect(text).toContain('within 14 days of its delivery');
  });

  it('makes the refund cap an information letter: no appeal clause, caveats only on the caseworker’s page', async () => {
    const doc = await documentFor('supported-employment-refund', '2023-03-15', {
      employment_start_date: '2023-01-01',
      employment_month: 2,
    });
    expect(doc.kind).toBe('information');
    expect(doc.title).toBe('PISMO INFORMACYJNE');
    expect(doc.sections.map((s) => s.heading)).not.toContain('Pouczenie');
    const body = documentTexts({ ...doc, note: null }).join('\n');
    expect(body).not.toMatch(/odwołani/);
    expect(doc.note?.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [])).join(' ')).toMatch(/wywnioskowana/);
    expect(body).not.toMatch(/wywnioskowana/);
  });

  it('leaves the party blank unless typed, and prints it when typed', async () => {
    const answer = await library.decide({ question: 'cis-benefit', date: '2022-03-15', facts: { cis_period: 'trial' } });
    const base = {
      receipt: { id: 'r', answer, facts: {} },
      catalogue: library.catalogue,
      office: null,
      lang: 'pl' as const,
      issuedOn: '2022-04-01',
    };
    expect(decisionDocument(base).party.lines[1]).toMatch(/uzupełnić/);
    expect(decisionDocument({ ...base, party: { name: 'Jan Kowalski', address: 'ul. Długa 2\nKraków' } }).party.lines).toEqual([
      'Jan Kowalski',
      'ul. Długa 2',
      'Kraków',
    ]);
  });

  it('has a kind and a reason for every question of the contract', () => {
    expect(Object.keys(DOCUMENT_KINDS).sort()).toEqual(library.questionIds());
  });
});
