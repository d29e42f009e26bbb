import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  pageProblems,
  plain,
  polishIn,
  screenshot,
  shownWords,
  signIn,
  USERS,
  useHarness,
} from './harness.ts';

const h = useHarness();

const CIS_SMALL = fileURLToPath(new URL('../fixtures/populations/cis-small.csv', import.meta.url));
/** The text an element shows: a custom element's is in its shadow root, which `textContent` of the host leaves out. */
const shownText = (l: Locator) => l.evaluate((el) => (el.shadowRoot ?? el).textContent);

/** Anita, the analyst, signed in and on the trials page, reached through the menu. */
async function trialsPage(): Promise<Page> {
  const page = await h.newPage();
  await signIn(page, USERS.analyst);
  await page.getByRole('navigation').getByRole('link', { name: 'Próby zmian w prawie' }).click();
  await page.getByRole('heading', { name: 'Próby zmian w prawie', level: 1 }).waitFor();
  return page;
}

/** cis-benefit on 15 October 2025 against the flexible-absence proposal. */
async function chooseCisBenefit(page: Page): Promise<void> {
  await page.getByLabel('Pytanie', { exact: true }).selectOption('cis-benefit');
  await page.getByLabel('Dzień', { exact: true }).fill('2025-10-15');
  await page.getByLabel('Projekt zmiany', { exact: true }).selectOption('flexible-absence');
}

const progress = (page: Page) => page.getByRole('progressbar', { name: /^(Postęp próby|Trial progress)$/ });
const progressText = (page: Page) => page.locator('ri-trial-progress [role="status"]');

describe('amendment trials', () => {
  it('runs flexible-absence over 5,000 generated persons: progress, matrix, chart, yearly cost, examples, export', {
    timeout: 60_000,
  }, async () => {
    const page = await trialsPage();
    await chooseCisBenefit(page);
    // The baseline defaults to the law in force on the day, and the proposal shows its own title.
    expect(await page.getByLabel('Wersja bazowa', { exact: true }).locator('option:checked').textContent()).toContain(
      'Prawo obowiązujące w wybranym dniu (wersja od 15 lutego 2022)',
    );
    await page.getByRole('option', { name: /PROJEKT: potrącenie 1\/20.*\(flexible-absence\)/ }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Miesięcy wypłaty w roku').inputValue()).toBe('12');
    await page.getByLabel('Podział wyników według').selectOption('unexcused_absence_days');
    expect(await page.getByLabel('Wygeneruj populację syntetyczną').isChecked()).toBe(true);
    await page.getByLabel('Liczba osób').fill('5000');
    await page.getByLabel('Ziarno losowania').fill('42');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'trials');

    // The server's answers to the page's polls wait until the bar has been read saying the job runs: a quick run
    // could otherwise be over between two looks of the test, and the state it waits for never come.
    let release = () => {};
    const running = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/api\/v1\/simulations\/[0-9a-f-]{36}$/, async (route) => {
      await running;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Uruchom próbę' }).click();
    await progress(page).waitFor();
    // The bar first says the job runs (rows read out of 5,000), then that it is done.
    await progressText(page)
      .getByText(/^Przetworzono [\d\s]+ z 5\s000 wierszy\.$/)
      .waitFor();
    release();
    await page.getByRole('heading', { name: 'Wynik próby' }).waitFor({ timeout: 30_000 });
    expect(plain(await progressText(page).textContent())).toBe('Gotowe: przetworzono 5 000 z 5 000 wierszy.');
    expect(await progress(page).evaluate((el) => (el as unknown as { value: number }).value)).toBe(5000);
    expect(await progress(page).getAttribute('max')).toBe('5000');
    // Focus moves to the result, so keyboard users land on it.
    expect(await page.locator('ri-trial-result h2:focus').count()).toBe(1);

    // At a glance: answers that change, gainers, losers, the yearly cost with its assumption.
    const headline = page.locator('ri-trial-headline');
    expect(plain(await shownText(headline))).toMatch(/Zmienione odpowiedzi\s*[1-9][\d ]*\s*[\d,]+% z 5 000 os\./);
    expect(plain(await shownText(headline))).toMatch(/Roczna zmiana kosztu: świadczenie integracyjne\s*\+[\d ]+,\d\d zł/);
    expect(plain(await shownText(headline))).toContain('Założenie: każda osoba otrzymuje tę kwotę przez 12 mies. w roku');

    // The matrix: the baseline's outcomes against the proposal's, with the change in words and codes.
    const matrix = page.getByRole('table', { name: /Rozstrzygnięcia według wersji bazowej/ });
    await matrix.waitFor();
    const row = matrix.getByRole('row', { name: /przed: nie przysługuje/ });
    const moved = Number(plain(await row.getByRole('cell').nth(0).textContent()).replace(/ /g, ''));
    expect(moved).toBeGreaterThan(0);
    await page.locator('ri-transition-matrix').getByText('not_payable → payable').waitFor();

    // The chart: an SVG with a bar per bin chosen from the data (Freedman–Diaconis), each named by its range and count.
    const bars = page.locator('ri-histogram-chart svg rect[role="img"]');
    expect(await bars.count()).toBeGreaterThan(1);
    const gainBars = await page.getByRole('img', { name: /^od \d[\d ]* zł do \d[\d ]* zł: [\d ]+ os\.$/ }).count();
    expect(gainBars).toBeGreaterThan(0);
    expect(await page.locator('ri-histogram-chart svg rect.gain').count()).toBeGreaterThan(0);
    await page.getByText(/^Przedziały dobrane z danych \(reguła Freedmana–Diaconisa\): szerokość [\d\s]+,00\szł\.$/).waitFor();
    await page.getByText('Pokaż dane wykresu w tabeli').click();
    await page
      .getByRole('rowheader', { name: /^od \d[\d ]* zł do \d[\d ]* zł$/ })
      .first()
      .waitFor();

    // The breakdown chosen before the run, and example persons with their reasons under both versions.
    await page.getByRole('table', { name: /Wyniki według faktu: Dni nieusprawiedliwionej nieobecności/ }).waitFor();
    const example = page.locator('ri-trial-examples details.person summary').first();
    expect(await example.textContent()).toMatch(/Osoba z wiersza [\d\s]+: not_payable → payable/);
    await example.click();
    const answers = page.locator('ri-trial-examples details.person').first().locator('ri-trial-answer');
    await answers.nth(0).getByText('Według wersji bazowej').waitFor();
    expect(plain(await answers.nth(0).locator('.outcome').textContent())).toBe('nie przysługuje not_payable');
    expect(plain(await answers.nth(1).locator('.outcome').textContent())).toBe('przysługuje payable');
    expect(await answers.nth(0).locator('li').count()).toBeGreaterThan(0);

    // The generated population can be made again: its hash and the command are kept with the result.
    expect(await page.getByText(/syntetyczna: 5\s000 os\., ziarno 42/).count()).toBe(1);
    expect(
      await page
        .locator('ri-trial-result dd code')
        .filter({ hasText: /^sha256:/ })
        .count(),
    ).toBe(3);

    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'trials-result');

    // Exports: the tables as the server writes them (CSV for Polish Excel here), and the whole result as JSON.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV dla Excela (średnik, przecinek dziesiętny)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('trial-cis-benefit-flexible-absence-2025-10-15.csv');
    const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(csvText).toMatch(/^\uFEFFTabela;/);
    expect(csvText).toContain(`\r\nMacierz zmian rozstrzygnięć;not_payable;nie przysługuje;payable;przysługuje;${moved}\r\n`);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Pobierz cały wynik (JSON)' }).click(),
    ]);
    const result = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8'));
    expect(result).toMatchObject({ persons: 5000, population: { source: 'generated', size: 5000, seed: 42 } });
    expect(result.transitions['not_payable → payable']).toBe(moved);
    expect(pageProblems(page)).toEqual([]);
  });

  it('uploads a CSV population, reports its bad row, and speaks English after the switch', async () => {
    const page = await trialsPage();
    await chooseCisBenefit(page);
    await page.getByLabel('Wczytaj plik CSV lub JSON Lines').check();
    await page.getByLabel('Plik populacji').setInputFiles(CIS_SMALL);
    await page.getByText(/Wczytano cis-small\.csv: \d+ B, wierszy z osobami: 5\./).waitFor();
    // The file goes as itself (a streamed body of its own type), not as text inside the run's JSON.
    const upload = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/simulations/uploads'));
    const start = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/simulations'));
    await page.getByRole('button', { name: 'Uruchom próbę' }).click();
    expect((await upload).headers()['content-type']).toBe('text/csv');
    expect(JSON.parse((await start).postData() ?? '{}').population).toEqual({ upload: expect.any(String) });
    await page.getByRole('heading', { name: 'Wynik próby' }).waitFor({ timeout: 30_000 });
    expect(plain(await progressText(page).textContent())).toBe('Gotowe: przetworzono 5 z 5 wierszy.');
    await page.getByText('Pominięto wiersze z błędami: 1. Nie są liczone w wyniku.').waitFor();
    expect(plain(await shownText(page.locator('ri-trial-headline')))).toContain('50% z 4 os.');
    expect(await page.getByText(/z pliku CSV, \d+ B/).count()).toBe(1);

    // The check below finds Polish where there is some.
    expect(polishIn(await shownWords(page))).toEqual(
      expect.arrayContaining(['Pokaż dane wykresu w tabeli', 'Według wersji bazowej']),
    );

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Amendment trials', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Trial result' }).waitFor();
    await page.getByRole('table', { name: /Outcomes under the baseline/ }).waitFor();
    expect(plain(await progressText(page).textContent())).toBe('Done: 5 of 5 rows processed.');
    expect(await page.getByLabel('Question', { exact: true }).locator('option:checked').textContent()).toBe(
      'Integration benefit for a month',
    );
    await page.getByText('Rows with errors left out: 1. They are not counted in the result.').waitFor();
    // No Polish is left: not in the form, the result, the example persons' reasons, nor the shell.
    expect(polishIn(await shownWords(page))).toEqual([]);
    await expectNoSeriousAxeViolations(page);
    expect(pageProblems(page)).toEqual([]);
  });

  it('refuses a file over the server’s upload limit before sending it', async () => {
    const page = await trialsPage();
    await page.getByLabel('Wczytaj plik CSV lub JSON Lines').check();
    // The harness keeps the server's default upload limit of 1 GiB (1073,7 MB). The file of 1,1 GB is given by its
    // path, so the browser learns its size without it crossing the DevTools protocol; sparse, it takes no disk either.
    const dir = mkdtempSync(join(tmpdir(), 'ri-huge-'));
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 1_100_000_000);
    await page.getByLabel('Plik populacji').setInputFiles(huge);
    const alert = page.locator('ri-trial-population [role="alert"]');
    await alert.waitFor();
    expect(plain(await alert.textContent())).toBe(
      'Plik ma 1100 MB, a serwer przyjmuje najwyżej 1073,7 MB. Podziel populację na mniejsze pliki albo wygeneruj ją na serwerze.',
    );
    expect(await page.getByLabel('Plik populacji').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Uruchom próbę' }).click();
    expect(await progress(page).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
