import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  focusedElement,
  pageProblems,
  polishIn,
  screenshot,
  shownWords,
  signIn,
  USERS,
  until,
  useHarness,
} from './harness.ts';

const h = useHarness();

/** Text as the page shows it, with Intl's non-breaking spaces read as plain ones. */
const spaced = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

/**
 * The text an element shows, read through the shadow roots of the elements inside it (a shadow host's
 * `textContent` leaves them out), with spaces as {@link spaced} reads them.
 */
async function shownText(locator: Locator): Promise<string> {
  return spaced(
    await locator.evaluate((root) => {
      type Node = { nodeType: number; textContent: string | null; childNodes: ArrayLike<Node>; shadowRoot?: Node | null };
      const walk = (n: Node): string =>
        n.nodeType === 3
          ? (n.textContent ?? '')
          : Array.from((n.shadowRoot ?? n).childNodes)
              .map(walk)
              .join('');
      return walk(root as unknown as Node);
    }),
  );
}

/** The rows of the versions table of one question, each as its cells' text. */
async function versionRows(page: Page, caption: RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('th, td');
    out.push((await cells.allTextContents()).map(spaced).map((s) => s.trim()));
  }
  return out;
}

describe('questions and their versions', () => {
  it('lists every question with its versions, dates, acts and status, in a table beneath each timeline', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.caseworker);
    await page.getByRole('navigation').getByRole('link', { name: 'Pytania i wersje' }).click();
    await page.getByRole('heading', { name: 'Pytania i wersje przepisów', level: 1 }).waitFor();
    const rows = await versionRows(page, /Wersje pytania „Świadczenie integracyjne/);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const [first, second] = rows;
    expect(first?.[0]).toContain('1 stycznia 2004');
    expect(first?.[2]).toBe('15 lutego 2022');
    expect(second?.[1]).toBe('15 lutego 2022');
    expect(second?.[2]).toBe('nadal');
    expect(second?.[3]).toContain('Dz.U. 2022 poz. 218');
    expect(second?.[4]).toContain('opublikowana');
    expect(second?.[4]).toContain('obowiązuje');
    // The bundled proposals are on the timeline too, as proposals.
    expect(rows.some((r) => r[0]?.includes('flexible-absence') && r[4]?.includes('projekt zmiany'))).toBe(true);
    // Caseworkers may not read drafts, and are told so.
    await page.getByText('Szkice widzą tylko redaktorzy i recenzenci.').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'questions');

    await page.getByRole('searchbox', { name: 'Szukaj pytania' }).fill('pai-referral');
    await page.getByText('Pokazano pytań: 1 z').waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows a repealed question with its successor, on the question’s own page', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await page.goto('/questions/pai-referral');
    const rows = await versionRows(page, /Wersje pytania/);
    const repealed = rows.find((r) => r[4]?.includes('uchylona'));
    expect(repealed?.[1]).toBe('1 czerwca 2025');
    expect(repealed?.[3]).toContain('Dz.U. 2025 poz. 620');
    expect(repealed?.[4]).toContain('Następca:');
    await page.getByText(/Uchylone od 1 czerwca 2025/).waitFor();
    await page
      .getByRole('link', { name: /Skierowanie do reintegracji społecznej/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/questions/reintegration-referral');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoSeriousAxeViolations(page);
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('a version as a lawyer reads it', () => {
  it('shows each rule’s article, its condition as a sentence, both texts, and the parameters in złoty', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await page.goto('/questions/cis-benefit');
    await page.getByRole('link', { name: '15 lutego 2022' }).first().click();
    await page.waitForURL((url) => url.pathname === '/questions/cis-benefit/2022-02-15');
    await page.getByRole('heading', { level: 1, name: /Świadczenie integracyjne za miesiąc/ }).waitFor();
    await page.getByText('Dz.U. 2022 poz. 218').first().waitFor();

    const article = page.getByRole('article', { name: /UZS art\. 15 ust\. 7\s*unexcused-absence-over-limit/ });
    await article.waitFor();
    expect(await shownText(article)).toContain('Dni nieusprawiedliwionej nieobecności: więcej niż 3');
    expect(await article.getByText('Nieusprawiedliwiona nieobecność trwała').getAttribute('lang')).toBe('pl');
    expect(await article.getByText('Unexcused absence lasted').getAttribute('lang')).toBe('en');
    // A placeholder the engine fills in reads as the label of its fact, in the text's own language.
    expect(await shownText(article)).toContain('trwała [Dni nieusprawiedliwionej nieobecności] dni');
    expect(await shownText(article)).toContain('lasted [Unexcused absence days] days');
    expect(await shownText(article)).not.toContain('{unexcused_absence_days}');
    expect(await shownText(article)).toContain('Rozstrzygnięcie: nie przysługuje');

    // The groups of a compound condition read as words.
    const absence = page.getByRole('article', { name: /UZS art\. 15 ust\. 7\s*unexcused-absence$/ });
    expect(await shownText(absence)).toMatch(/wszystkie z:.*więcej niż 0.*co najwyżej 3/);

    // The zasiłek in force on the version's first day, in złoty, with its history.
    const zasilek = page.locator('ri-parameter-values#param-zasilek\\.first_90_days');
    expect(await shownText(zasilek)).toContain('W dniu 15 lutego 2022: 1 240,80 zł');
    await zasilek.getByText(/Wartości w czasie/).click();
    const history = zasilek.getByRole('table');
    expect(spaced(await history.textContent())).toContain('1 783,90 zł');
    // A link from a rule to the parameter it uses moves focus to it.
    await page
      .getByRole('article', { name: /UZS art\. 15 ust\. 4/ })
      .getByRole('link', { name: /Zasiłek podstawowy/ })
      .click();
    await until(() =>
      zasilek.evaluate((el) => (el.getRootNode() as unknown as { activeElement: unknown }).activeElement === el),
    ).toBe(true);

    await page.getByText('CIS_RATE_RETROACTIVE_2022').first().waitFor();
    await page.getByText(/Zapis YAML tej wersji/).click();
    await page.getByText('question: cis-benefit').waitFor();
    await page.getByRole('button', { name: 'Utwórz szkic z tej wersji' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'version');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Integration benefit for one month/ }).waitFor();
    const english = page.getByRole('article', { name: /UZS art\. 15 ust\. 7\s*unexcused-absence-over-limit/ });
    expect(await shownText(english)).toContain('Unexcused absence days: more than 3');
    expect(await shownText(english)).toContain('Outcome: not payable');
    expect(await shownText(zasilek)).toContain('On 15 February 2022: PLN 1,240.80');
    expect(polishIn(await shownWords(page))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('creates a draft from the version for an editor, and offers no button to a caseworker', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await page.goto('/questions/pai-referral/2019-06-15');
    await page.getByRole('button', { name: 'Utwórz szkic z tej wersji' }).click();
    await page.waitForURL((url) => /^\/drafts\/[^/]+$/.test(url.pathname));

    const caseworker = await h.newPage();
    await signIn(caseworker, USERS.caseworker);
    await caseworker.goto('/questions/pai-referral/2025-06-01');
    await caseworker.getByRole('heading', { name: 'Uchylenie' }).waitFor();
    await caseworker.getByRole('link', { name: /Skierowanie do reintegracji społecznej/ }).waitFor();
    expect(await caseworker.getByRole('button', { name: 'Utwórz szkic z tej wersji' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(caseworker);
  });
});

describe('parameters over time', () => {
  it('lists every parameter with its dated values from the menu, and lets an editor open a draft of a file', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await page.getByRole('navigation').getByRole('link', { name: 'Parametry w czasie' }).click();
    await page.getByRole('heading', { name: 'Parametry w czasie', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Plik rules/parameters/zasilek.yaml' }).waitFor();
    const zasilek = page.locator('ri-parameter-values#param-zasilek\\.first_90_days');
    await zasilek.getByText(/Wartości w czasie/).click();
    expect(spaced(await zasilek.getByRole('table').textContent())).toContain('1 240,80 zł');
    expect(spaced(await zasilek.getByRole('table').textContent())).toContain('URP art. 224 (amount printed in the act)');
    await page.getByRole('searchbox', { name: 'Szukaj parametru' }).fill('limit dni');
    await until(() => page.locator('ri-parameter-values').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Szukaj parametru' }).fill('');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'parameters');

    await page.getByRole('button', { name: 'Utwórz szkic pliku zasilek' }).click();
    await page.waitForURL((url) => /^\/drafts\/[^/]+$/.test(url.pathname));
    expect(pageProblems(page)).toEqual([]);
  });

  it('adds a dated value with its basis and confidence in the table of a draft, into the YAML, and keeps it saved', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await page.goto('/parameters');
    await page.getByRole('button', { name: 'Utwórz szkic pliku zasilek' }).click();
    await page.waitForURL((url) => /^\/drafts\/[^/]+$/.test(url.pathname));
    const editor = page.locator('ri-draft-editor');
    const text = () => editor.evaluate((el) => (el as unknown as { text: string }).text);
    const table = page.locator('ri-parameters-table');
    const first = table.getByRole('table', { name: /Wartości parametru „Zasiłek podstawowy, pierwsze 90 dni”/ });
    expect(await shownText(first)).toContain('1 783,90 zł');

    await table.getByRole('button', { name: 'Dodaj wartość od nowej daty: Zasiłek podstawowy, pierwsze 90 dni' }).click();
    // The new row's first field has focus; a day before the last one is refused, with the reason beside it.
    await until(() => focusedElement(page)).toMatch(/^input#field-from/);
    await page.keyboard.type('2026-01-01');
    await table.getByLabel('Wartość (zł)').fill('1 850,50');
    await table.getByLabel('Podstawa prawna').fill('URP art. 224, obwieszczenie MRPiPS z 2027 r.');
    await table.getByLabel('Pewność').selectOption({ label: 'ze źródła wtórnego' });
    await table.getByRole('button', { name: 'Zatwierdź wiersz' }).click();
    await table.getByText('Daty muszą rosnąć: ta musi być po 1 czerwca 2026.').waitFor();
    expect(await table.getByLabel('Od dnia (RRRR-MM-DD)').getAttribute('aria-invalid')).toBe('true');
    expect(await text()).not.toContain('2026-01-01');

    await table.getByLabel('Od dnia (RRRR-MM-DD)').fill('2027-06-01');
    await table.getByLabel('Od dnia (RRRR-MM-DD)').press('Enter');
    await table.getByText('Wiersz zapisano w pliku.').waitFor();
    const added = first.getByRole('row', { name: /1 czerwca 2027/ });
    expect(await shownText(added)).toContain('1 850,50 zł');
    expect(await shownText(added)).toContain('ze źródła wtórnego');
    expect(await shownText(added)).toContain('nowy');
    // In the text as the authors write it: one line, two decimals, quoted basis; the rest of the file unchanged.
    expect(await text()).toContain(
      '- { from: 2026-06-01, value: 1783.90, basis: "URP art. 224, obwieszczenie MRPiPS", confidence: secondary, published_on: 2026-06-01, published_confidence: recalled }\n      - { from: 2027-06-01, value: 1850.50, basis: "URP art. 224, obwieszczenie MRPiPS z 2027 r.", confidence: secondary }\n',
    );
    expect(await text()).toContain('# yaml-language-server: $schema=../../schema/parameters.schema.json');
    // A row of the law in force can be corrected, not removed; the new one can be removed.
    expect(await first.getByRole('button', { name: 'Usuń nowy wiersz (1 czerwca 2026)' }).count()).toBe(0);
    await first.getByRole('button', { name: 'Usuń nowy wiersz (1 czerwca 2027)' }).waitFor();

    // Correcting a row of the law warns that a change of law is a new row; Escape gives up, back on the button.
    await first.getByRole('button', { name: 'Popraw wiersz od 1 czerwca 2026' }).click();
    await table.getByText('Zmieniasz wartość, która już obowiązywała.').waitFor();
    await page.keyboard.press('Escape');
    await until(() => focusedElement(page)).toMatch(
      /^button#edit-zasilek\.first_90_days-\d+\[Popraw wiersz od 1 czerwca 2026\]$/,
    );
    expect(await table.getByText('Zmieniasz wartość').count()).toBe(0);

    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText(/Zapisano \(zapis nr \d+\)/).waitFor();
    await page.reload();
    await until(() => shownText(added)).toContain('1 850,50 zł');
    expect(await text()).toContain('{ from: 2027-06-01, value: 1850.50,');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'parameters-editor');

    // Removing the new row gives back the file as it was.
    await first.getByRole('button', { name: 'Usuń nowy wiersz (1 czerwca 2027)' }).click();
    expect(await text()).not.toContain('2027-06-01');
    expect(await first.getByRole('row', { name: /1 czerwca 2027/ }).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });
});
