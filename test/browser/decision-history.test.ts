import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { write } from '../../server/testing/raw-sql.ts';
import { expectNoSeriousAxeViolations, pageProblems, plain, screenshot, signIn, USERS, until, useHarness } from './harness.ts';

const h = useHarness();
const REF = 'ZS.5521.3.2025';

/** Decisions made as the signed-in user through the API, as the console makes them (cookie session, CSRF token). */
async function decide(page: Page, requests: object[]): Promise<void> {
  const statuses = await page.evaluate(async (list) => {
    const session = (await (await fetch('/api/v1/session')).json()) as { csrf_token: string };
    const out: number[] = [];
    for (const body of list) {
      const r = await fetch('/api/v1/decisions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
        body: JSON.stringify(body),
      });
      out.push(r.status);
    }
    return out;
  }, requests);
  expect(new Set(statuses)).toEqual(new Set([200]));
}

describe("the console's decision history", () => {
  it('pages with "more", hides incomplete attempts unless asked, shows the office and finds the decisions of a case', async () => {
    await write(h.server.db, "UPDATE users SET office = 'PUP Kraków' WHERE name = ?", [USERS.analyst.name]);
    const page = await h.newPage();
    await signIn(page, USERS.analyst);
    // 60 complete decisions (3 of them in one case) and 5 incomplete ones (a required fact left out).
    const complete = Array.from({ length: 60 }, (_, i) => ({
      question: 'unemployment-benefit',
      date: '2024-08-01',
      facts: { qualifying_years: i % 40 },
      ...(i % 20 === 0 ? { case_ref: REF } : {}),
    }));
    const incomplete = Array.from({ length: 5 }, () => ({ question: 'unemployment-benefit', date: '2024-08-01', facts: {} }));
    await decide(page, [...complete, ...incomplete]);

    await page.goto('/console');
    const history = page.locator('ri-decision-history');
    const rows = history.locator('tbody tr');
    const shown = history.getByText(/^Pokazano decyzji/);
    await until(async () => plain(await shown.textContent())).toBe('Pokazano decyzji: 50.');
    expect(await rows.filter({ hasText: 'brak danych do rozstrzygnięcia' }).count()).toBe(0);
    expect(plain(await history.getByRole('columnheader').nth(4).textContent())).toBe('Urząd');
    expect(plain(await rows.first().locator('td').nth(4).textContent())).toBe('PUP Kraków');
    await history.getByRole('button', { name: 'Pokaż więcej' }).click();
    await until(async () => plain(await shown.textContent())).toBe('Pokazano decyzji: 60.');
    await history.getByRole('button', { name: 'Pokaż więcej' }).waitFor({ state: 'detached' });
    expect(new Set(await rows.locator('code').allTextContents()).size).toBe(60);

    await history.getByLabel('pokaż niepełne').check();
    await until(async () => plain(await shown.textContent())).toBe('Pokazano decyzji: 50.');
    await history.getByRole('button', { name: 'Pokaż więcej' }).click();
    await until(async () => plain(await shown.textContent())).toBe('Pokazano decyzji: 65.');
    expect(await rows.filter({ hasText: 'brak danych do rozstrzygnięcia' }).count()).toBe(5);

    await history.getByLabel('Znak sprawy').fill(REF);
    await history.getByRole('button', { name: 'Szukaj', exact: true }).click();
    await until(async () => plain(await shown.textContent())).toBe('Pokazano decyzji: 3.');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'console-history-case');
    await history.getByLabel('Znak sprawy').fill('ZS.0.2025');
    await history.getByRole('button', { name: 'Szukaj', exact: true }).click();
    await history.getByText('Brak decyzji w tej sprawie.').waitFor();
    await history.getByRole('button', { name: 'Pokaż wszystkie sprawy' }).click();
    await until(async () => plain(await shown.textContent())).toBe('Pokazano decyzji: 50.');

    await page.getByRole('button', { name: 'English' }).click();
    await history.getByLabel('show incomplete').waitFor();
    expect(plain(await history.getByRole('columnheader').nth(4).textContent())).toBe('Office');
    await history.getByRole('button', { name: 'Show more' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
