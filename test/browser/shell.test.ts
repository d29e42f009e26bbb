import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
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

/** The main menu's entries, in order. */
const menu = (page: Page) => page.getByRole('navigation').getByRole('link').allTextContents();

describe('the shell', () => {
  it('signs in, shows the menu of the role, and passes axe on the sign-in and home pages', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await until(() => page.evaluate('document.documentElement.lang')).toBe('pl');
    await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'sign-in');

    await signIn(page, USERS.admin);
    await page.getByRole('heading', { name: 'Witaj, admin' }).waitFor();
    expect(await menu(page)).toEqual([
      'Start',
      'Pytania i wersje',
      'Parametry w czasie',
      'Szkice',
      'Konsola decyzji',
      'Próby zmian w prawie',
      'Dziennik zmian',
      'Użytkownicy',
      'Urzędy',
      'Tokeny API',
    ]);
    await until(() => page.title()).toBe('Start · Reintegra');
    expect(await page.getByText('Zalogowano: admin (administrator)').isVisible()).toBe(true);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'home');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows each role only what it may do, and refuses the rest', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.caseworker);
    expect(await menu(page)).toEqual(['Start', 'Pytania i wersje', 'Parametry w czasie', 'Konsola decyzji']);
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Brak uprawnień' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    const analyst = await h.newPage();
    await signIn(analyst, USERS.analyst);
    expect(await menu(analyst)).toEqual([
      'Start',
      'Pytania i wersje',
      'Parametry w czasie',
      'Konsola decyzji',
      'Próby zmian w prawie',
      'Dziennik zmian',
    ]);
    const editor = await h.newPage();
    await signIn(editor, USERS.editor);
    expect(await menu(editor)).toEqual([
      'Start',
      'Pytania i wersje',
      'Parametry w czasie',
      'Szkice',
      'Konsola decyzji',
      'Próby zmian w prawie',
    ]);
    await editor.goto('/audit');
    await editor.getByRole('heading', { name: 'Brak uprawnień' }).waitFor();
  });

  it('switches to English and back in one click, remembered across a reload', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.reviewer);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Welcome, renata' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await menu(page)).toEqual([
      'Home',
      'Questions and versions',
      'Parameters over time',
      'Drafts',
      'Decision console',
      'Amendment trials',
      'Change log',
    ]);
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome, renata' }).waitFor();
    await screenshot(page, 'home-en');
    expect(polishIn(await shownWords(page))).toEqual([]);
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('heading', { name: 'Witaj, renata' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('pl');
  });

  it('navigates in-app with links and the back button, with a not-found page for unknown addresses', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await page.getByRole('navigation').getByRole('link', { name: 'Konsola decyzji' }).click();
    await page.getByRole('heading', { name: 'Konsola decyzji' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Konsola decyzji' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.goBack();
    await page.getByRole('heading', { name: 'Witaj, ewa' }).waitFor();
    await page.goto('/drafts/abc-123');
    // A page that loads on demand still says when what it shows does not exist.
    await until(() => page.getByRole('alert').textContent()).toContain('Nie znaleziono');
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Nie ma takiej strony' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    // The one logged problem is the API's 404 for the draft that does not exist.
    expect(pageProblems(page)).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
  });

  it('shows the server’s refusal of a wrong password in the catalogue’s language', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByLabel('Nazwa użytkownika').fill('admin');
    await page.getByLabel('Hasło').fill('not-the-password');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    const alert = page.getByRole('alert');
    await until(() => alert.textContent()).toBe('Nieprawidłowa nazwa użytkownika lub hasło.');
    expect(await page.getByLabel('Hasło').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'English' }).click();
    await until(() => alert.textContent()).toBe('Wrong user name or password.');
    await screenshot(page, 'sign-in-error');
  });

  it('signs out back to the sign-in form', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.analyst);
    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
  });

  it('is usable from the keyboard: the skip link comes first and moves focus to the content', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.admin);
    // Signing in moves focus to the new content.
    expect(
      await page.getByRole('main').evaluate((el) => (el.getRootNode() as { activeElement: unknown }).activeElement === el),
    ).toBe(true);
    await page.reload();
    await page.getByRole('navigation').waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Przejdź do treści' });
    expect(await skip.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(
      await page.getByRole('main').evaluate((el) => (el.getRootNode() as { activeElement: unknown }).activeElement === el),
    ).toBe(true);
    // From the content, the keyboard reaches the page's links.
    await page.keyboard.press('Tab');
    expect(
      await page
        .getByRole('link', { name: 'Pytania i wersje' })
        .last()
        .evaluate((el) => el.matches(':focus-visible')),
    ).toBe(true);
  });
});

describe('the audit page', () => {
  it('shows the entries, newest first, and the chain’s verification, and passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.admin);
    await page.getByRole('navigation').getByRole('link', { name: 'Dziennik zmian' }).click();
    await page.getByRole('heading', { name: 'Łańcuch wpisów jest nienaruszony' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    // The newest entry is the admin's own sign-in, named, not an id.
    const newest = await rows.nth(1).getByRole('cell').allTextContents();
    expect(newest[2]).toBe('admin');
    expect(newest[3]).toContain('logowanie');
    const seqs = (await page.getByRole('table').locator('tbody tr td:first-child').allTextContents()).map(Number);
    expect(seqs.length).toBe(50);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'audit');

    await page.getByRole('button', { name: 'Pokaż starsze wpisy' }).click();
    await until(() => page.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(50);
    expect(pageProblems(page)).toEqual([]);
  });

  it('filters by action and by actor, keeping the filters in the address', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.admin);
    await page.goto('/audit');
    // The log's own table (the page also counts failed sign-ins in tables of their own).
    const log = () => page.getByRole('table', { name: 'Wpisy dziennika, od najnowszego' });
    await page.getByLabel('Działanie').selectOption('user.add');
    await page.getByRole('button', { name: 'Filtruj' }).click();
    await until(() => log().locator('tbody tr').count()).toBe(Object.keys(USERS).length);
    expect(new URL(page.url()).search).toBe('?action=user.add');

    await page.getByLabel('Działanie').selectOption('');
    await page.getByLabel('Kto (nazwa użytkownika)').fill('admin');
    await page.getByRole('button', { name: 'Filtruj' }).click();
    const actors = () => log().locator('tbody tr td:nth-child(3)').allTextContents();
    await until(async () => new Set(await actors())).toEqual(new Set(['admin']));
    // Edward never signed in: nothing was done by him.
    await page.getByLabel('Kto (nazwa użytkownika)').fill('edward');
    await page.getByRole('button', { name: 'Filtruj' }).click();
    await page.getByText('Żaden wpis nie pasuje do filtrów.').waitFor();

    await page.getByLabel('Kto (nazwa użytkownika)').fill('admin');
    await page.getByLabel('Od dnia').fill('2000-01-01');
    await page.getByLabel('Do dnia (włącznie)').fill('2000-12-31');
    await page.getByRole('button', { name: 'Filtruj' }).click();
    await page.getByText('Żaden wpis nie pasuje do filtrów.').waitFor();
    await page.reload();
    expect(await page.getByLabel('Od dnia').inputValue()).toBe('2000-01-01');
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await log().waitFor();
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('the harness and the page’s defences', () => {
  it('enforces the CSP: a script injected inline does not run, and the violation is caught', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
    await page.evaluate(
      `(() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.append(s); })()`,
    );
    expect(await page.evaluate('typeof window.injected')).toBe('undefined');
    await until(() => pageProblems(page).join('\n')).toContain('Content Security Policy');
  });

  it('fails the axe check on a serious violation', async () => {
    const page = await h.newPage();
    await page.setContent('<html lang="pl"><title>x</title><main><img src="data:,"><input></main></html>');
    await expect(expectNoSeriousAxeViolations(page)).rejects.toThrow(/critical image-alt: [\s\S]*critical label: /);
  });
});
