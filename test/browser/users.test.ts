import type { Page } from 'playwright-core';
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

const JAN = { name: 'jan', password: 'jan-has-a-long-password' };
/** The main menu's entries, in order. */
const menu = (page: Page) => page.getByRole('navigation').getByRole('link').allTextContents();
/** The status line saying what the last action did. */
const done = (page: Page) => page.locator('ri-users-page p.done');
/** The row of one user in the users table. */
const row = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** Waits until jan's page, on its next request, has been signed out and shows the sign-in form. */
async function signedOutOnNextRequest(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Pytania i wersje' }).click();
  await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
}

describe('users', () => {
  it('an admin adds jan, disables, enables and promotes him, and jan’s pages follow', async () => {
    const admin = await h.newPage();
    await signIn(admin, USERS.admin);
    await admin.getByRole('navigation').getByRole('link', { name: 'Użytkownicy' }).click();
    await admin.getByRole('heading', { name: 'Użytkownicy', level: 1 }).waitFor();
    await row(admin, 'ewa').waitFor();
    // One's own row offers no way to lock oneself out.
    await row(admin, 'admin (to Ty)').getByText('Swojej roli ani dostępu nie zmienisz sam').waitFor();
    expect(await admin.getByRole('button', { name: 'Wyłącz konto (użytkownik admin)' }).count()).toBe(0);

    // A weak password is refused beside its field, and the keyboard is taken there.
    await admin.getByLabel('Nazwa użytkownika').fill('jan');
    await admin.getByLabel('Rola', { exact: true }).selectOption({ label: 'pracownik prowadzący sprawy' });
    await admin.getByLabel('Hasło', { exact: true }).fill('short');
    await admin.getByRole('button', { name: 'Dodaj użytkownika' }).click();
    await admin.getByText('Hasło musi mieć co najmniej 12 znaków').waitFor();
    expect(await focusedElement(admin)).toBe('input#password[]');
    expect(await admin.getByLabel('Hasło', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await admin.getByLabel('Hasło', { exact: true }).fill(JAN.password);
    await admin.getByLabel('Hasło', { exact: true }).press('Enter');
    await until(() => done(admin).textContent()).toBe('Dodano użytkownika jan z rolą pracownik prowadzący sprawy.');
    await row(admin, 'jan').getByRole('cell', { name: 'aktywne' }).waitFor();

    const jan = await h.newPage();
    await signIn(jan, JAN);
    expect(await menu(jan)).toEqual(['Start', 'Pytania i wersje', 'Parametry w czasie', 'Konsola decyzji']);

    // Disabling asks first; the confirmation takes the keyboard, and Enter confirms.
    await admin.getByRole('button', { name: 'Wyłącz konto (użytkownik jan)' }).click();
    await admin.getByText('Wyłączyć konto jan?').waitFor();
    expect(await focusedElement(admin)).toBe('button#confirm-yes[]');
    await admin.keyboard.press('Enter');
    await until(() => done(admin).textContent()).toBe('Wyłączono konto jan i zakończono jego sesje.');
    await row(admin, 'jan')
      .getByText(/^wyłączone od /)
      .waitFor();
    expect(await focusedElement(admin)).toBe('button#toggle[]');

    await signedOutOnNextRequest(jan);
    await jan.getByLabel('Nazwa użytkownika').fill(JAN.name);
    await jan.getByLabel('Hasło').fill(JAN.password);
    await jan.getByRole('button', { name: 'Zaloguj się' }).click();
    await jan.getByText('Nieprawidłowa nazwa użytkownika lub hasło.').waitFor();

    await admin.getByRole('button', { name: 'Włącz konto (użytkownik jan)' }).click();
    await until(() => done(admin).textContent()).toBe('Włączono konto jan; może się znowu zalogować.');
    await signIn(jan, JAN);

    await admin.getByLabel('Nowa rola (użytkownik jan)').selectOption('analyst');
    await admin.getByRole('button', { name: 'Zmień rolę (użytkownik jan)' }).click();
    await until(() => done(admin).textContent()).toBe('Zmieniono rolę użytkownika jan na analityk; jego sesje zakończono.');
    await row(admin, 'jan').getByRole('cell', { name: 'analityk', exact: true }).waitFor();
    await signedOutOnNextRequest(jan);
    await signIn(jan, JAN);
    expect(await menu(jan)).toEqual([
      'Start',
      'Pytania i wersje',
      'Parametry w czasie',
      'Konsola decyzji',
      'Próby zmian w prawie',
      'Dziennik zmian',
    ]);

    await admin.getByLabel('Nowe hasło (użytkownik jan)').fill('jan-got-a-new-password');
    await admin.getByRole('button', { name: 'Ustaw hasło (użytkownik jan)' }).click();
    await until(() => done(admin).textContent()).toBe('Ustawiono nowe hasło użytkownika jan.');
    await signedOutOnNextRequest(jan);
    await signIn(jan, { ...JAN, password: 'jan-got-a-new-password' });

    await expectNoSeriousAxeViolations(admin);
    await screenshot(admin, 'users');
    // The one 400 is the weak password, refused on purpose.
    expect(pageProblems(admin).filter((p) => !/status of 400/.test(p))).toEqual([]);
  }, 400_000);

  it('speaks English with no Polish left, and passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.admin);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await row(page, 'ewa').waitFor();
    await page.getByRole('button', { name: 'Disable account (user ewa)' }).click();
    await page.getByText('Disable the account of ewa?').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await focusedElement(page)).toBe('button#toggle[]');
    await page.getByLabel('User name').fill('x');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('The name must have 2 to 64 characters').waitFor();
    expect(polishIn(await shownWords(page))).toEqual([]);
    await expectNoSeriousAxeViolations(page);
    expect(pageProblems(page).filter((p) => !/status of 400/.test(p))).toEqual([]);
  });
});
