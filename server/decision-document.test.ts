// Issue 15 item 1: a draft decision for a stored receipt, as PDF and DOCX, read back as a person would read it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from './store/people.ts';
import { docxParts, pdfPages } from './testing/document-text.ts';
import { everyRowText } from './testing/raw-sql.ts';
import { type Auth, TEST_DATABASE, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
const as: Record<string, Auth> = {};
const PASSWORD = 'a-long-enough-password';
const PARTY = { name: 'Żaneta Niezapisywalska', address: 'ul. Tajemnicza 7/3\n30-001 Kraków' };
const OFFICE = {
  office: 'PUP Kraków',
  name: 'Kierownik Centrum Integracji Społecznej w Krakowie',
  address: 'ul. Floriańska 1\n31-019 Kraków',
  place: 'Kraków',
  appeal_body: 'Samorządowe Kolegium Odwoławcze w Krakowie',
  signatory_name: 'Anna Nowak',
  signatory_position: 'Kierownik Centrum',
};
const HEADINGS = ['DECYZJA', 'Podstawa prawna', 'Rozstrzygnięcie', 'Uzasadnienie faktyczne', 'Uzasadnienie prawne', 'Pouczenie'];

/** A document as bytes, with the headers of the test client's auth. */
async function download(method: 'GET' | 'POST', path: string, auth: Auth | undefined, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!auth) throw new Error('signed in first');
  if ('token' in auth) headers.authorization = `Bearer ${auth.token}`;
  else Object.assign(headers, { cookie: auth.cookie, 'x-csrf-token': auth.csrf });
  const res = await fetch(`${t.server.url}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Collapses the spaces a layout puts in (line breaks, non-breaking spaces) so that sentences compare as written. */
const flat = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

let receipt = '';
let hash = '';
let refund = '';

beforeAll(async () => {
  t = await testServer('document');
  for (const [name, role, office] of [
    ['kasia', 'caseworker', 'PUP Kraków'],
    ['tomek', 'caseworker', 'PUP Nowy Sącz'],
    ['ala', 'admin', null],
  ] as const) {
    await addUser(t.server.db, { name, role, password: PASSWORD, office });
    as[name] = (await t.signIn(name, PASSWORD)).auth as Auth;
  }
  expect((await t.api('POST', '/api/v1/offices', { auth: as.ala, body: OFFICE })).status).toBe(201);
  const r = await t.api('POST', '/api/v1/decisions', {
    auth: as.kasia,
    body: { question: 'cis-benefit', date: '2022-03-15', facts: { cis_period: 'trial' }, case_ref: 'CIS.4321.7.2022' },
  });
  expect(r.status).toBe(200);
  receipt = r.body.receipt.id;
  hash = r.body.ruleset.hash;
  const s = await t.api('POST', '/api/v1/decisions', {
    auth: as.kasia,
    body: {
      question: 'supported-employment-refund',
      date: '2023-03-15',
      facts: { employment_start_date: '2023-01-01', employment_month: 2 },
    },
  });
  refund = s.body.receipt.id;
}, 120_000);
afterAll(() => t?.close());

describe('the decision document', () => {
  it('stores the office with the receipt, the asker’s by default', async () => {
    expect((await t.api('GET', `/api/v1/decisions/${receipt}`, { auth: as.kasia })).body.office).toBe('PUP Kraków');
    // The answer names it too, as the console shows it beside the receipt.
    const r = await t.api('POST', '/api/v1/decisions', {
      auth: as.kasia,
      body: { question: 'cis-benefit', date: '2022-03-15', facts: { cis_period: 'trial' }, office: 'PUP Testowo' },
    });
    expect(r.body.receipt.office).toBe('PUP Testowo');
  });

  it('is a PDF on A4 with Roboto embedded, every part of KPA art. 107, acts in full, the amount in words and figures, the receipt id and hash', async () => {
    const res = await download('GET', `/api/v1/decisions/${receipt}/document?format=pdf&lang=pl`, as.kasia);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`decyzja-${receipt}.pdf`);
    const raw = Buffer.from(res.bytes).toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/Roboto/);
    const pages = await pdfPages(res.bytes);
    expect(pages[0]).toMatchObject({ width: expect.closeTo(595.28, 1), height: expect.closeTo(841.89, 1) });
    const text = flat(pages.map((p) => p.text).join('\n'));
    for (const heading of HEADINGS) expect(text).toContain(heading);
    expect(text).toContain('Kierownik Centrum Integracji Społecznej w Krakowie');
    expect(text).toContain('art. 15 ust. 4 ustawy z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym');
    expect(text).toContain('Dz.U. 2025 poz. 83');
    expect(text).toContain('art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego');
    expect(text).toContain('1 488,96 zł');
    expect(text).toContain('tysiąc czterysta osiemdziesiąt osiem złotych 96/100');
    expect(text).toContain('Okres w CIS: okres próbny');
    expect(text).toContain('Samorządowe Kolegium Odwoławcze w Krakowie');
    expect(text).toContain('14 dni od dnia jej doręczenia');
    expect(text).toContain(receipt);
    expect(text).toContain(hash);
    expect(text).toMatch(/Strona 1 z \d/);
    expect(text).toContain('uzupełnić przed podpisaniem');
  });

  it('is a DOCX with the same parts, A4, page numbers and the receipt id and hash in the footer', async () => {
    const res = await download('GET', `/api/v1/decisions/${receipt}/document?format=docx&lang=pl`, as.kasia);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const docx = docxParts(res.bytes);
    const text = flat(docx.text);
    for (const heading of HEADINGS) expect(text).toContain(heading);
    expect(text).toContain('art. 15 ust. 4 ustawy z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym');
    expect(text).toContain('1 488,96 zł (słownie: tysiąc czterysta osiemdziesiąt osiem złotych 96/100)');
    expect(docx.xml('word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footers = docx.files
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map(docx.xml)
      .join('');
    expect(footers).toContain(receipt);
    expect(footers).toContain(hash);
    expect(footers).toContain('PAGE');
  });

  it('writes it in English on request', async () => {
    const res = await download('GET', `/api/v1/decisions/${receipt}/document?format=pdf&lang=en`, as.kasia);
    const text = flat((await pdfPages(res.bytes)).map((p) => p.text).join('\n'));
    for (const heading of [
      'DECISION',
      'Legal basis',
      'Resolution',
      'Factual justification',
      'Legal justification',
      'Instruction on appeal',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('one thousand four hundred and eighty-eight zlotys 96/100');
  });

  it('makes the refund cap an information letter without an appeal clause, its caveats on a first page of their own', async () => {
    const res = await download('GET', `/api/v1/decisions/${refund}/document?format=pdf`, as.kasia);
    expect(res.status).toBe(200);
    const pages = await pdfPages(res.bytes);
    expect(flat(pages[0]?.text ?? '')).toContain('Uwagi dla pracownika');
    const body = flat(
      pages
        .slice(1)
        .map((p) => p.text)
        .join('\n'),
    );
    expect(body).toContain('PISMO INFORMACYJNE');
    expect(body).toContain('art. 16 ust. 2 ustawy z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym');
    expect(body).not.toContain('Pouczenie');
    expect(body).not.toMatch(/odwołani/);
    expect(body).not.toMatch(/wywnioskowan/);
    expect(body).toMatch(/Strona 1 z \d/);
    const docx = docxParts((await download('GET', `/api/v1/decisions/${refund}/document?format=docx`, as.kasia)).bytes);
    expect(docx.text).toContain('PISMO INFORMACYJNE');
    expect(docx.text).not.toContain('Pouczenie');
  });

  it('prints a typed party and case reference, and stores or logs neither', async () => {
    const res = await download('POST', `/api/v1/decisions/${receipt}/document`, as.kasia, {
      format: 'pdf',
      lang: 'pl',
      party: PARTY,
      case_ref: 'CIS.4321.7.2022',
    });
    expect(res.status).toBe(200);
    const text = flat((await pdfPages(res.bytes)).map((p) => p.text).join('\n'));
    expect(text).toContain(PARTY.name);
    expect(text).toContain('ul. Tajemnicza 7/3');
    expect(text).toContain('Znak sprawy: CIS.4321.7.2022');
    const docx = await download('POST', `/api/v1/decisions/${receipt}/document`, as.kasia, { format: 'docx', party: PARTY });
    expect(docxParts(docx.bytes).text).toContain(PARTY.name);
    // Every file of a SQLite database (main file, WAL, shared memory), byte for byte; every row of PostgreSQL's.
    if (TEST_DATABASE === 'sqlite') {
      const dataDir = join(t.dir, 'data');
      for (const file of readdirSync(dataDir)) {
        const bytes = readFileSync(join(dataDir, file));
        expect(bytes.includes(Buffer.from(PARTY.name, 'utf8')), file).toBe(false);
        expect(bytes.includes(Buffer.from('Tajemnicza', 'utf8')), file).toBe(false);
      }
    } else {
      const rows = await everyRowText(t.server.db);
      expect(rows).not.toContain(PARTY.name);
      expect(rows).not.toContain('Tajemnicza');
    }
    // And the server's log lines.
    expect(t.lines.join('\n')).not.toContain('Tajemnicza');
  });

  it('refuses a case reference other than the one the decision was asked with', async () => {
    const res = await t.api('POST', `/api/v1/decisions/${receipt}/document`, {
      auth: as.kasia,
      body: { format: 'pdf', party: PARTY, case_ref: 'CIS.0000.1.2022' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('case_ref');
  });

  it('answers 404 to another office’s caseworker, as for an unknown id, by GET and by POST', async () => {
    const unknown = await t.api('GET', '/api/v1/decisions/00000000-0000-0000-0000-000000000000/document', { auth: as.tomek });
    const get = await t.api('GET', `/api/v1/decisions/${receipt}/document?format=pdf`, { auth: as.tomek });
    expect(get.status).toBe(404);
    expect(get.body).toEqual(unknown.body);
    const post = await t.api('POST', `/api/v1/decisions/${receipt}/document`, {
      auth: as.tomek,
      body: { format: 'docx', party: PARTY },
    });
    expect(post.status).toBe(404);
    // The admin reads any office's receipt (audited).
    expect((await download('GET', `/api/v1/decisions/${receipt}/document`, as.ala)).status).toBe(200);
  });

  it('names the bad field of a document request', async () => {
    const res = await t.api('GET', `/api/v1/decisions/${receipt}/document?format=odt`, { auth: as.kasia });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('format');
  });
});

describe('the rendering, off the request’s thread', () => {
  it('happens on the document threads: each document is one more they rendered', async () => {
    const before = t.server.documents.completed;
    expect((await download('GET', `/api/v1/decisions/${receipt}/document?format=pdf`, as.kasia)).status).toBe(200);
    expect((await download('GET', `/api/v1/decisions/${receipt}/document?format=docx`, as.kasia)).status).toBe(200);
    expect(t.server.documents.completed).toBe(before + 2);
  });

  it('leaves the server answering /healthz while a document is being rendered', async () => {
    const hold = new Int32Array(new SharedArrayBuffer(8));
    t.server.documents.hold = hold;
    let answered = false;
    const pending = download('GET', `/api/v1/decisions/${receipt}/document?format=pdf`, as.kasia).finally(() => {
      answered = true;
    });
    try {
      // The document thread has taken the request's document and holds it there until this test lets it go.
      const arrived = (Atomics as unknown as AtomicsWaitAsync).waitAsync(hold, 1, 0);
      if (arrived.async) await arrived.value;
      const health = await fetch(`${t.server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true, node: expect.any(String) });
      expect(answered).toBe(false);
    } finally {
      t.server.documents.hold = undefined;
      Atomics.store(hold, 0, 1);
      Atomics.notify(hold, 0);
    }
    const res = await pending;
    expect(res.status).toBe(200);
    expect(Buffer.from(res.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});

/** Atomics.waitAsync (Node 16+), not yet in the ES2023 library the project compiles against. */
interface AtomicsWaitAsync {
  waitAsync(a: Int32Array, index: number, value: number): { async: false } | { async: true; value: Promise<string> };
}
