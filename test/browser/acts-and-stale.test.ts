import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, loaded, pageProblems, screenshot, signIn, USERS, until, useHarness } from './harness.ts';

const h = useHarness();
const spaced = (s: string | null) =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('acts linked and stale values listed', () => {
  it('lists on the parameters page what is due on a chosen day, and links each cited act to ELI and ISAP', async () => {
    const page = await h.newPage();
    const problems = pageProblems(page);
    await signIn(page, USERS.caseworker);
    await page.goto('/parameters');
    await loaded(page);
    const stale = page.locator('ri-stale-list');
    await stale
      .getByRole('status')
      .getByText(/wszystkie kwoty z rocznym terminem aktualizacji są aktualne/)
      .waitFor();
    await stale.getByLabel('Na dzień').fill('2030-08-01');
    await stale.getByLabel('Na dzień').dispatchEvent('change');
    const zasilek = stale.locator('li[data-parameter="zasilek.first_90_days"]');
    await zasilek.waitFor();
    expect(spaced(await zasilek.textContent())).toContain(
      'Zasiłek podstawowy, pierwsze 90 dni: 1 783,90 zł od 1 czerwca 2026; nowa wartość należała się od 1 czerwca 2027',
    );
    await until(() => stale.locator('li').count()).toBe(4);

    // The 2022 act that made the trial month 120 %: cited in the CIS table, linked by its Dz.U. position.
    const eli = page.getByRole('link', { name: /^ELI: Ustawa z dnia 13 stycznia 2022 r\./ }).first();
    await eli.waitFor();
    expect(await eli.getAttribute('href')).toBe('https://eli.gov.pl/eli/DU/2022/218/ogl');
    const isap = page.getByRole('link', { name: /^ISAP: Ustawa z dnia 13 stycznia 2022 r\./ }).first();
    expect(await isap.getAttribute('href')).toBe('https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20220000218');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'parameters-stale-and-acts');
    expect(problems).toEqual([]);
  });

  it('links the act of every rule on the version page, and of the version itself', async () => {
    const page = await h.newPage();
    const problems = pageProblems(page);
    await signIn(page, USERS.caseworker);
    await page.goto('/questions/cis-benefit/2004-01-01');
    await loaded(page);
    const uzs = page.getByRole('link', { name: /^ELI: Ustawa z dnia 13 czerwca 2003 r\. o zatrudnieniu socjalnym/ });
    await until(() => uzs.count()).toBeGreaterThan(1);
    expect(await uzs.first().getAttribute('href')).toBe('https://eli.gov.pl/eli/DU/2003/1143/ogl');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'version-acts-linked');
    expect(problems).toEqual([]);
  });
});
