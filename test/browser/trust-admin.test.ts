import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, pageProblems, plain, screenshot, signIn, USERS, until, useHarness } from './harness.ts';

const h = useHarness();

/** The row of one token or user, by the name in its row header. */
const row = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

async function adminAt(path: string, heading: string): Promise<Page> {
  const page = await h.newPage();
  await signIn(page, USERS.admin);
  await page.goto(path);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  return page;
}

describe('the admin pages of issue 13', () => {
  it('issues a token with an expiry, shows it once, and revokes it after a confirmation', async () => {
    const page = await adminAt('/tokens', 'Tokeny API');
    await page.getByText('Nie wydano jeszcze żadnego tokenu.').waitFor();
    await page.getByLabel('Właściciel tokenu').fill('system kadrowy');
    await page.getByLabel('Rola').selectOption('analyst');
    await page.getByLabel('Ważny przez (dni)').fill('30');
    await page.getByRole('button', { name: 'Wydaj token' }).click();
    const secret = page.locator('ri-tokens-page section.secret code');
    await secret.waitFor();
    const token = (await secret.textContent()) ?? '';
    expect(token).toMatch(/^ri_/);
    const r = row(page, 'system kadrowy');
    const cells = (await r.locator('td').allTextContents()).map(plain);
    expect(cells[0]).toBe('analityk');
    expect(cells[3]).toBe('nigdy');
    expect(cells[4]).toBe('ważny');
    // The token works, and the page, opened again, lists it without its secret, now with its last use.
    const used = await page.evaluate(
      async (bearer) => (await fetch('/api/v1/questions', { headers: { authorization: `Bearer ${bearer}` } })).status,
      token,
    );
    expect(used).toBe(200);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'tokens-issued');
    await page.reload();
    await row(page, 'system kadrowy').waitFor();
    expect(await page.locator('ri-tokens-page').textContent()).not.toContain(token);
    await until(async () => plain(await row(page, 'system kadrowy').locator('td').nth(3).textContent())).not.toBe('nigdy');

    await row(page, 'system kadrowy').getByRole('button', { name: 'Unieważnij token system kadrowy' }).click();
    await page.getByText('Unieważnić token system kadrowy? System, który go używa, od razu straci dostęp.').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'tokens-revoke-confirm');
    await page.getByRole('button', { name: 'Tak, unieważnij' }).click();
    await page.getByText('Unieważniono token system kadrowy.').waitFor();
    expect(plain(await row(page, 'system kadrowy').locator('td').nth(4).textContent())).toBe('unieważniony');
    const refused = await page.evaluate(
      async (bearer) => (await fetch('/api/v1/questions', { headers: { authorization: `Bearer ${bearer}` } })).status,
      token,
    );
    expect(refused).toBe(401);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    expect(plain(await row(page, 'system kadrowy').locator('td').nth(4).textContent())).toBe('revoked');
    expect(pageProblems(page)).toEqual([]);
  });

  it('gives a user an office and the supervisor role, labelled from the catalogue', async () => {
    const page = await adminAt('/users', 'Użytkownicy');
    await page.locator('ri-user-new-form').getByLabel('Nazwa użytkownika').fill('teresa');
    await page.locator('ri-user-new-form').getByLabel('Rola').selectOption('supervisor');
    await page.locator('ri-user-new-form').getByLabel('Urząd (nieobowiązkowe)').fill('PUP Kraków');
    await page.locator('ri-user-new-form').getByLabel('Hasło').fill('teresa-leads-the-team');
    await page.getByRole('button', { name: 'Dodaj użytkownika' }).click();
    await page.getByText('Dodano użytkownika teresa z rolą kierownik zespołu.').waitFor();
    const cells = (await row(page, 'teresa').locator('td').allTextContents()).map(plain);
    expect(cells.slice(0, 2)).toEqual(['kierownik zespołu', 'PUP Kraków']);
    await row(page, 'karol').getByLabel('Urząd (użytkownik karol)').fill('PUP Kraków');
    await row(page, 'karol').getByRole('button', { name: 'Zmień urząd (użytkownik karol)' }).click();
    await page.getByText('Przypisano użytkownika karol do urzędu PUP Kraków.').waitFor();
    expect(plain(await row(page, 'karol').locator('td').nth(1).textContent())).toBe('PUP Kraków');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'users-office');
  });

  it('counts failed sign-ins per day and per name, and checks the chain against a pasted head', async () => {
    // Three wrong passwords for a name that does not exist, one for karol.
    const guesser = await h.newPage();
    await guesser.goto('/');
    for (const [name, times] of [
      ['zenon', 3],
      ['karol', 1],
    ] as const) {
      for (let i = 0; i < times; i++) {
        const status = await guesser.evaluate(
          async (n) =>
            (
              await fetch('/api/v1/session', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ name: n, password: 'a-wrong-password-guess' }),
              })
            ).status,
          name,
        );
        expect(status).toBe(401);
      }
    }
    const page = await adminAt('/audit', 'Dziennik zmian');
    const failures = page.locator('ri-sign-in-failures');
    await failures.getByRole('table', { name: /według nazwy/ }).waitFor();
    const byName = failures.getByRole('table', { name: /według nazwy/ });
    expect(plain(await byName.getByRole('row', { name: /zenon/ }).textContent())).toBe('zenon3');
    expect(plain(await byName.getByRole('row', { name: /karol/ }).textContent())).toBe('karol1');
    const byDay = failures.getByRole('table', { name: /według dnia/ });
    expect(await byDay.locator('tbody tr').count()).toBe(1);
    expect(plain(await failures.locator('p').first().textContent())).toContain('W ostatnich 24 godzinach nieudanych logowań: 4.');

    // The head of the chain now, as it would be published; then one no log ever had.
    const head = await page.evaluate(async () => {
      const r = (await (await fetch('/api/v1/audit?order=desc&limit=1')).json()) as { entries: { hash: string }[] };
      return r.entries[0]?.hash ?? '';
    });
    const check = page.locator('ri-head-check');
    await check.getByLabel('Sprawdź względem skrótu ogłoszonego gdzie indziej').fill('not a head');
    await check.getByRole('button', { name: 'Sprawdź łańcuch' }).click();
    await check.getByText(/To nie jest skrót wpisu/).waitFor();
    await check.getByLabel('Sprawdź względem skrótu ogłoszonego gdzie indziej').fill(head);
    await check.getByRole('button', { name: 'Sprawdź łańcuch' }).click();
    await page.locator('ri-chain-status').getByText('Dziennik zawiera podany skrót:').waitFor();
    // The same form, a head no log of this server ever had.
    const unknown = head.replace(/.{8}$/, head.endsWith('00000000') ? 'ffffffff' : '00000000');
    await check.getByLabel('Sprawdź względem skrótu ogłoszonego gdzie indziej').fill(unknown);
    await check.getByRole('button', { name: 'Sprawdź łańcuch' }).click();
    const broken = page.locator('ri-chain-status [data-chain="broken"]');
    await broken.waitFor();
    expect(plain(await broken.textContent())).toContain('Podanego skrótu nie ma w dzienniku');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'audit-head-not-found');
    await page.getByRole('button', { name: 'English' }).click();
    await broken.getByText(/The given head is not in the log/).waitFor();
    await page.getByRole('table', { name: /by user name/ }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
