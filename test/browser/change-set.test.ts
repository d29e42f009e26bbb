import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  pageProblems,
  plain,
  press,
  screenshot,
  signIn,
  USERS,
  until,
  useHarness,
} from './harness.ts';

const h = useHarness();

describe('the law corrected together with its tests, in the admin UI', () => {
  it('corrects the zasiłek, accepts the new answers of the cases it breaks, and the console answers by it once published', async () => {
    // The editor corrects the row of 1 June 2026 in the table of a draft of the zasiłek.
    const ewa = await h.newPage();
    await signIn(ewa, USERS.editor);
    await ewa.goto('/parameters');
    await ewa.getByRole('button', { name: 'Utwórz szkic pliku zasilek' }).click();
    await ewa.waitForURL((url) => /^\/drafts\/[^/]+$/.test(url.pathname));
    const path = new URL(ewa.url()).pathname;
    const table = ewa.locator('ri-parameters-table');
    const first = table.getByRole('table', { name: /Wartości parametru „Zasiłek podstawowy, pierwsze 90 dni”/ });
    await first.getByRole('button', { name: 'Popraw wiersz od 1 czerwca 2026' }).click();
    await table.getByText('Zmieniasz wartość, która już obowiązywała.').waitFor();
    await table.getByLabel('Wartość (zł)').fill('1 780,00');
    await table.getByRole('button', { name: 'Zatwierdź wiersz' }).click();
    await until(() => ewa.locator('ri-draft-editor').evaluate((el) => (el as unknown as { text: string }).text)).toContain(
      '{ from: 2026-06-01, value: 1780.00,',
    );

    // Leaving by the menu with the change unsaved asks first; staying keeps the page and the change.
    let asked = '';
    ewa.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await ewa.getByRole('navigation').getByRole('link', { name: 'Szkice' }).click();
    await until(() => asked).toBe('Na tej stronie są niezapisane zmiany. Opuścić ją i utracić je?');
    expect(new URL(ewa.url()).pathname).toBe(path);
    await ewa.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await ewa.getByText('Zapisano (zapis nr 2).').waitFor();

    // The tests show each case the correction breaks, the published answer beside the new one.
    await ewa.getByRole('button', { name: 'Uruchom testy' }).click();
    const summary = ewa.locator('ri-test-results .summary');
    await until(() => summary.textContent()).toMatch(/^Nie przechodzi \d+ z \d+ przypadków testowych\.$/);
    const stipend = ewa.locator('ri-test-results li.failed', { hasText: 'From 2026-06-01 the stipend is 60 % of 1783.90' });
    const compare = stipend.locator('table.compare');
    expect(plain(await compare.getByRole('row', { name: /Kwota/ }).textContent())).toBe(
      'Kwota: monthly_stipend1 070,34 zł1 068,00 zł',
    );
    await expectNoSeriousAxeViolations(ewa);
    await screenshot(ewa, 'change-set-accept');

    // She accepts each new answer with a one-line reason; the tests run again after each.
    const failed = ewa.locator('ri-test-results li.failed');
    while ((await failed.count()) > 0) {
      const before = await failed.count();
      const one = failed.first();
      await one
        .getByLabel('Dlaczego nowy wynik jest właściwy (jedno zdanie dla recenzenta)')
        .fill('Kwota według obwieszczenia z maja 2026 r.');
      await one.getByRole('button', { name: 'Przyjmij nowy wynik' }).click();
      await until(() => failed.count()).toBeLessThan(before);
    }
    await until(() => summary.textContent()).toMatch(/^Wszystkie przypadki testowe przechodzą \(\d+\)\.$/);
    const files = ewa.locator('ri-draft-files');
    expect(await files.getByRole('button', { name: /reintegration-referral\/tests\/reintegration-referral\.yaml/ }).count()).toBe(
      1,
    );
    await press(ewa.getByRole('button', { name: 'Przekaż do recenzji' }));
    await ewa.getByText('Szkic czeka na recenzję; zatwierdzi go recenzent inny niż ty.').waitFor();
    expect(pageProblems(ewa)).toEqual([]);

    // The reviewer reads each accepted expectation as its own line, with its reason, and publishes the whole.
    const renata = await h.newPage();
    await signIn(renata, USERS.reviewer);
    await renata.goto(path);
    const line = renata
      .locator('ri-change-summary ul.expectations li')
      .filter({ hasText: 'Test „From 2026-06-01 the stipend is 60 % of 1783.90”' });
    await line.waitFor();
    expect(plain(await line.textContent())).toBe(
      'Test „From 2026-06-01 the stipend is 60 % of 1783.90”: 1 070,34 zł → 1 068,00 zł, ponieważ: Kwota według obwieszczenia z maja 2026 r.',
    );
    await expectNoSeriousAxeViolations(renata);
    await screenshot(renata, 'change-set-review');
    await press(renata.getByRole('button', { name: 'Zatwierdź i opublikuj' }));
    await renata.getByText('Opublikowano jako rules/parameters/zasilek.yaml.').waitFor({ timeout: 30_000 });
    expect(pageProblems(renata)).toEqual([]);

    // The caseworker's console answers from 1 780,00 zł: 120 % of it for a month in CIS.
    const karol = await h.newPage();
    await signIn(karol, USERS.caseworker);
    await karol.goto('/console');
    await karol.getByLabel('Pytanie', { exact: true }).selectOption('cis-benefit');
    await karol.getByLabel('Dzień', { exact: true }).fill('2026-06-15');
    await karol
      .getByRole('group', { name: /Okres w CIS/ })
      .getByRole('radio', { name: 'uczestnictwo' })
      .check();
    await karol.getByRole('button', { name: 'Rozstrzygnij' }).click();
    await until(async () => plain(await karol.locator('ri-answer-card .money').textContent())).toBe('2 136,00 zł');
    expect(pageProblems(karol)).toEqual([]);
  }, 400_000);
});
