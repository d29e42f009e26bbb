// Issue 15 items 3 and 5: the console's interview, on a desktop and on a phone, in Polish.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, pageProblems, plain, screenshot, signIn, USERS, until, useHarness } from './harness.ts';

const h = useHarness();

/** Karol, the caseworker, at the console for a question and day, the page `width` pixels wide. */
async function consoleAt(query: string, width: number): Promise<Page> {
  const page = await h.newPage();
  await page.setViewportSize({ width, height: 800 });
  await signIn(page, USERS.caseworker);
  await page.goto(`/console?${query}`);
  await page.getByRole('heading', { name: 'Konsola decyzji' }).waitFor();
  return page;
}

/** How much wider than the screen the page is, in pixels (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate<number>('document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth');

describe('the interview', () => {
  for (const width of [1366, 390]) {
    it(`asks one question at a time and answers as soon as it is certain (${width} px)`, async () => {
      const page = await consoleAt('question=pai-referral&date=2021-03-01', width);
      await page.getByRole('button', { name: 'Wywiad' }).click();
      const question = page.locator('ri-console-interview legend');
      // The server ranks the questions; the first is one that can settle the case alone.
      await until(async () => plain(await question.textContent())).toMatch(
        /Zarejestrowany jako bezrobotny|Korzysta ze świadczeń/,
      );
      expect(await page.locator('ri-console-interview #interview-help').textContent()).toContain(
        'To pytanie może samo rozstrzygnąć sprawę.',
      );
      if (width === 390) expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390);
      await expectNoSeriousAxeViolations(page);

      // Answering "no" to the registration settles it: not eligible, whatever else is true.
      const asked = plain(await question.textContent());
      if (asked !== 'Zarejestrowany jako bezrobotny') {
        await page.getByRole('radio', { name: 'tak' }).check();
        await page.getByRole('button', { name: 'Dalej' }).click();
        await until(async () => plain(await question.textContent())).toBe('Zarejestrowany jako bezrobotny');
      }
      await page.getByRole('radio', { name: 'nie' }).check();
      await page.getByRole('button', { name: 'Dalej' }).click();
      const result = page.locator('ri-console-interview #interview-result');
      await until(async () => plain(await result.textContent())).toContain('Rozstrzygnięcie: nie spełnia warunków');
      expect(await page.locator('ri-console-interview legend').count()).toBe(0);
      expect(await result.textContent()).not.toMatch(/not_eligible|registered_unemployed/);
      expect(await overflow(page)).toBe(0);
      if (width === 390) expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390);
      await screenshot(page, `interview-${width}`);
      await expectNoSeriousAxeViolations(page);

      // The decision is recorded as from the form: the answer card with its receipt.
      await page.getByRole('button', { name: 'Rozstrzygnij i zapisz w historii' }).click();
      await until(async () => plain(await page.locator('ri-answer-card .outcome-text').textContent())).toBe(
        'nie spełnia warunków',
      );
      if (width === 390) expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(pageProblems(page)).toEqual([]);
    });
  }

  it('takes days as dd.mm.rrrr whatever the browser, and on a phone keeps amounts whole and the page within the screen', async () => {
    const page = await consoleAt('question=cis-benefit&date=2024-07-15', 390);
    const day = page.getByLabel('Dzień', { exact: true });
    expect(await day.getAttribute('type')).toBe('text');
    expect(await day.inputValue()).toBe('15.07.2024');
    await day.fill('31.02.2025');
    await day.blur();
    await until(async () => plain(await page.locator('ri-console-picker #date-problem').textContent())).toContain('dd.mm.rrrr');
    expect(await day.getAttribute('aria-invalid')).toBe('true');
    await day.fill('15.10.2025');
    await until(() => new URL(page.url()).search).toBe('?question=cis-benefit&date=2025-10-15');
    expect(await page.locator('ri-console-picker #date-problem').count()).toBe(0);

    await page
      .getByRole('group', { name: /Okres w CIS/ })
      .getByRole('radio', { name: 'uczestnictwo' })
      .check();
    await page.getByRole('button', { name: 'Rozstrzygnij' }).click();
    const money = page.locator('ri-answer-card dd.money').first();
    await until(async () => plain(await money.textContent())).toMatch(/^\d[\d ]*,\d\d zł$/);
    // One line: the amount's box (1.2rem, about 29 px a line) is less than two lines tall.
    const box = await money.boundingBox();
    expect(box?.height).toBeLessThan(40);
    await page.locator('ri-answer-what-if h2').waitFor();
    await until(() => page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'console-answer-390');
    await expectNoSeriousAxeViolations(page);
    expect(pageProblems(page)).toEqual([]);
  });
});
