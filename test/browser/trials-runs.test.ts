// Issue 17 items 4 and 5 in the browser: a quick reform run at its own address, compared with another, exported.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addUser } from '../../server/store/people.ts';
import {
  expectNoSeriousAxeViolations,
  loaded,
  pageProblems,
  plain,
  screenshot,
  signIn,
  USERS,
  until,
  useHarness,
} from './harness.ts';

const h = useHarness();
const RUN_URL = /\/trials\/[0-9a-f-]{36}$/;
/** The first run the analyst made, for the other analyst to look for. */
let firstRun = '';

/** Writes “CIS participation rate → `value` % from 01.01.2027” in the quick-reform form and waits for the run’s page with its result. */
async function quickReform(page: Page, value: string): Promise<string> {
  await page.goto('/trials');
  const form = page.locator('ri-quick-reform');
  await form.getByLabel('Pytanie, którego dotyczy reforma').selectOption('cis-benefit');
  await form.getByLabel('Obowiązuje od').fill('2027-01-01');
  const parameter = form.getByLabel('Parametr');
  await parameter.locator('option[value="cis.benefit_rate_participation"]').waitFor({ state: 'attached' });
  await parameter.selectOption('cis.benefit_rate_participation');
  expect(plain(await parameter.locator('option:checked').textContent())).toBe(
    'Świadczenie integracyjne w okresie uczestnictwa (% zasiłku): obecnie 120 %',
  );
  await form.getByLabel('Nowa wartość').fill(value);
  await form.getByLabel('Liczebność populacji syntetycznej').fill('2000');
  await form.getByRole('button', { name: 'Zapisz projekt i wypróbuj go' }).click();
  await page.waitForURL(RUN_URL);
  await page.getByRole('heading', { name: 'Wynik próby' }).waitFor({ timeout: 60_000 });
  return new URL(page.url()).pathname.split('/').pop() as string;
}

describe('kept trials, quick reforms, comparison and exports', () => {
  it('runs a quick reform, keeps it at /trials/{id} across a reload, compares it with another and exports it', {
    timeout: 240_000,
  }, async () => {
    const page = await h.newPage();
    await signIn(page, USERS.analyst);
    await page.goto('/trials');
    await loaded(page);
    await page.getByRole('heading', { name: 'Szybka reforma bez YAML' }).waitFor();
    await page.getByText(/Kolejka zadań: oczekuje \d+, w toku \d+\. Twoje zadania: \d+ z \d+ dozwolonych\./).waitFor();

    const first = await quickReform(page, '130');
    firstRun = first;
    // The proposal's title says the change in words; the headline shows what it costs a year.
    await page
      .getByText(/PROJEKT: Świadczenie integracyjne w okresie uczestnictwa \(% zasiłku\): 120\s%\s→\s130\s%\sod 01\.01\.2027/)
      .first()
      .waitFor();
    const headline = plain(await page.locator('ri-trial-headline').evaluate((el) => el.shadowRoot?.textContent ?? ''));
    expect(headline).toMatch(/Roczna zmiana kosztu: świadczenie integracyjne\s*\+[\d ]+,\d\d zł/);
    expect(await page.getByRole('link', { name: 'Skoroszyt XLSX' }).getAttribute('href')).toBe(
      `/api/v1/simulations/${first}/export?format=xlsx&lang=pl`,
    );
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'trials-run');

    // The address works on its own: a reload (the server serves the app at any path) shows the same run.
    await page.reload();
    await page.getByRole('heading', { name: 'Wynik próby' }).waitFor({ timeout: 30_000 });

    // The printed report: the result with its charts, without the app's chrome, the buttons or the compare form.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('link', { name: 'Skoroszyt XLSX' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.locator('ri-histogram-chart svg').first().isVisible()).toBe(true);
    await screenshot(page, 'trials-print');
    await page.emulateMedia({ media: 'screen' });

    // The exports, as downloads: a CSV for Polish Excel and an XLSX workbook, both opened here.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^CSV dla Excela/ }).click()]);
    const csvText = readFileSync((await csv.path()) as string, 'utf8');
    expect(csvText.startsWith('\uFEFFTabela;')).toBe(true);
    expect(csvText).toMatch(/\nKwoty: zmiana miesięczna i roczna;[^\r]*;\d+,\d\d;/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Skoroszyt XLSX' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path()) as string);
    expect(book.worksheets[0]?.name).toBe('Założenia i źródła');

    // A second reform, then the two side by side.
    const second = await quickReform(page, '140');
    await page.getByLabel('Druga próba').selectOption(first);
    await page.getByRole('button', { name: 'Porównaj' }).click();
    await page.waitForURL(`**/trials/${second}/compare/${first}`);
    const table = page.getByRole('table', { name: 'Najważniejsze liczby obu prób i ich różnica' });
    await table.waitFor();
    const yearly = table.getByRole('row', { name: /^Roczna zmiana kosztu/ });
    const cells = (await yearly.getByRole('cell').allTextContents()).map(plain);
    // A is the 140 % reform, B the 130 % one: B costs less, so B − A is negative.
    expect(cells[2]).toMatch(/^-[\d ]+,\d\d zł$/);
    await page.getByRole('table', { name: 'Liczba osób w każdej zmianie rozstrzygnięcia w obu próbach' }).waitFor();
    expect(await page.locator('ri-transition-matrix').count()).toBe(2);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'trials-compare');

    // Both runs are listed on the trials page, newest first, each linking to its address.
    await page.goto('/trials');
    const list = page.getByRole('table', { name: 'Zapisane próby, od najnowszej' });
    await list.waitFor();
    await until(() => list.getByRole('link', { name: 'Otwórz' }).count()).toBe(2);
    expect(await list.getByRole('link', { name: 'Otwórz' }).first().getAttribute('href')).toBe(`/trials/${second}`);
    expect(pageProblems(page)).toEqual([]);
  });

  it('answers another analyst that the run does not exist', async () => {
    expect(firstRun).not.toBe('');
    await addUser(h.server.db, { name: 'adam', role: 'analyst', password: 'adam-runs-other-trials' });
    const page = await h.newPage();
    await signIn(page, { name: 'adam', password: 'adam-runs-other-trials' });
    await page.goto(`/trials/${firstRun}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('heading', { name: 'Wynik próby' }).count()).toBe(0);
    await page.goto('/trials');
    await page.getByText('Nie ma jeszcze zapisanych prób.').waitFor();
  });
});
