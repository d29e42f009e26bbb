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

/** The text an element shows, through its shadow root. */
const shownText = (l: Locator) => l.evaluate((el) => (el.shadowRoot ?? el).textContent);
/** Text with its runs of white space made one space, as a reader sees it. */
const flat = (s: string | null) => plain(s).replace(/\s+/g, ' ');

/** Elements inside a custom element's shadow root whose content is wider than their box (an overflow), by class. */
const overflowing = (host: Locator, selector: string) =>
  host.evaluate(
    (el, sel) =>
      [...(el.shadowRoot?.querySelectorAll(sel) ?? [])]
        .filter(
          (c) =>
            c.scrollWidth > c.clientWidth + 1 ||
            c.getBoundingClientRect().right > (c.ownerDocument.defaultView?.innerWidth ?? 0) + 1,
        )
        .map((c) => c.textContent?.trim() ?? ''),
    selector,
  );

async function trialsPage(): Promise<Page> {
  const page = await h.newPage();
  await signIn(page, USERS.analyst);
  await page.getByRole('navigation').getByRole('link', { name: 'Próby zmian w prawie' }).click();
  await page.getByRole('heading', { name: 'Próby zmian w prawie', level: 1 }).waitFor();
  return page;
}

describe('national trials: weights, a budget window and regions', { timeout: 180_000 }, () => {
  it('runs a weighted cis-benefit trial over 2026–2030 and shows its calibration, yearly table and regional chart', async () => {
    const page = await trialsPage();
    await page.getByLabel('Pytanie', { exact: true }).selectOption('cis-benefit');
    await page.getByLabel('Dzień', { exact: true }).fill('2026-07-15');
    await page.getByLabel('Projekt zmiany', { exact: true }).selectOption('flexible-absence');
    await page.getByLabel('Policz koszty rok po roku').check();
    await page.getByLabel('Od roku').fill('2026');
    await page.getByLabel('Do roku').fill('2030');
    await page.getByLabel('Indeksacja lat nieogłoszonych (% rocznie)').fill('3');
    expect(await page.getByLabel('Waż do krajowej liczby osób, których dotyczy pytanie').isChecked()).toBe(true);
    await page.getByLabel('Liczba osób').fill('3000');
    await page.getByLabel('Ziarno losowania').fill('7');
    await page.getByRole('button', { name: 'Uruchom próbę' }).click();
    await page.getByRole('heading', { name: 'Wynik próby' }).waitFor({ timeout: 60_000 });

    // What the sample stands for, and the national size beside the source it comes from.
    const weighted = page.locator('ri-trial-weighted');
    expect(flat(await shownText(weighted))).toMatch(
      /Populacja oznacza: uczestnicy zajęć w CIS w ciągu roku\. Próba 3 000 os\. odpowiada 13 92\d/,
    );
    const calibration = page.getByRole('table', { name: 'Kalibracja: liczba osób wobec źródeł' });
    const national = calibration.getByRole('row', { name: /cały kraj/ });
    expect(flat(await national.textContent())).toMatch(/13 925.*GUS.*2021, wyliczona z odczytanych liczb/);
    const diff = plain(await national.getByRole('cell').nth(2).textContent());
    expect(
      Math.abs(
        Number(
          diff
            .replace(/[^\d,−+-]/g, '')
            .replace(',', '.')
            .replace('−', '-'),
        ),
      ),
    ).toBeLessThan(1);
    await page.getByRole('table', { name: 'Zmiana kwot: na próbie i krajowo' }).waitFor();

    // The budget window: five years, 2026 announced, later years indexed by 3 % a year.
    const window = page.getByRole('table', { name: /Koszt roczny kwoty „świadczenie integracyjne” w latach 2026–2030/ });
    expect(await window.getByRole('row').count()).toBe(6);
    expect(flat(await window.getByRole('row', { name: /^2026/ }).textContent())).toContain('ogłoszone (na 15 lipca 2026)');
    expect(flat(await window.getByRole('row', { name: /^2027/ }).textContent())).toContain('indeksowane × 1,0300');
    expect(flat(await window.getByRole('row', { name: /^2030/ }).textContent())).toContain('indeksowane × 1,1255');
    await page.getByText('To wydatek Funduszu Pracy.').waitFor();

    // Regions: a bar per voivodeship and a table of all 16, no map.
    const regions = page.locator('ri-trial-regions');
    expect(await regions.locator('ol.bars li').count()).toBe(16);
    const table = page.getByRole('table', { name: 'Wyniki według województw' });
    expect(await table.getByRole('row').count()).toBe(17);
    await table.getByRole('rowheader', { name: 'mazowieckie' }).waitFor();

    // Changed answers and changed outcomes are told apart in words.
    const headline = page.locator('ri-trial-headline');
    expect(flat(await shownText(headline))).toContain('Zmienione rozstrzygnięcia');
    expect(flat(await shownText(headline))).toContain('zmiana samej kwoty się do nich nie wlicza');
    expect(flat(await shownText(headline))).toMatch(/Krajowo \(ważona\): \+[\d ]+,\d\d zł rocznie/);

    // Cards never overflow, on a phone or a laptop.
    for (const [width, height, name] of [
      [390, 844, 'trials-national-390'],
      [1366, 900, 'trials-national-1366'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await headline.locator('div.card').first().waitFor();
      expect(await overflowing(headline, 'div.card, .figure, .detail')).toEqual([]);
      await screenshot(page, name);
    }
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('table', { name: 'Calibration: persons against the sources' }).waitFor();
    await page.getByRole('table', { name: /Yearly cost of “integration benefit” in 2026–2030/ }).waitFor();
    await page.getByText('Yearly cost change by voivodeship (national, weighted)').waitFor();
    expect(polishIn(await shownWords(page))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });
});
