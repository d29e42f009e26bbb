import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  loaded,
  pageProblems,
  polishIn,
  shownWords,
  signIn,
  USERS,
  useHarness,
} from './harness.ts';

const h = useHarness();

/**
 * What a page fetches on opening without saying it is loading, by its path: the drafts page's form of a new draft
 * fills in its questions on its own.
 */
const FILLED: Record<string, string> = { '/drafts': 'ri-draft-new-form option[value="cis-benefit"]' };

/** Waits until the page at `path` shows everything it fetched on opening. */
async function filledIn(page: Page, path: string): Promise<void> {
  await loaded(page);
  const part = FILLED[path];
  if (part) await page.locator(part).waitFor({ state: 'attached' });
}

/** Every page of the menu and below it, with the heading it shows in English. */
const PAGES = [
  ['/', 'Welcome, admin'],
  ['/questions', 'Questions and versions of the law'],
  ['/questions/pai-referral', 'Referral to the Activation and Integration Programme'],
  ['/questions/cis-benefit/2022-02-15', 'Integration benefit for one month (120 % in the trial month too)'],
  ['/parameters', 'Parameters over time'],
  ['/drafts', 'Drafts'],
  ['/console?question=cis-benefit&date=2025-10-15', 'Decision console'],
  ['/trials', 'Amendment trials'],
  ['/audit', 'Change log'],
  ['/users', 'Users'],
  ['/offices', 'Offices'],
  ['/tokens', 'API tokens'],
  ['/no/such/page', 'Page not found'],
] as const;

describe('every page', () => {
  it('passes axe in Polish, the language it opens in', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.admin);
    for (const [path] of PAGES) {
      await page.goto(path);
      await filledIn(page, path);
      await expectNoSeriousAxeViolations(page);
    }
  }, 300_000);

  it('speaks English with no Polish left but the law’s own words, and passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.admin);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Welcome, admin' }).waitFor();
    for (const [path, heading] of PAGES) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      // Pages fill in after their first paint (versions, drafts, history): wait until they have.
      await filledIn(page, path);
      expect({ path, polish: polishIn(await shownWords(page)) }).toEqual({ path, polish: [] });
      await expectNoSeriousAxeViolations(page);
    }
    expect(pageProblems(page).filter((p) => !/status of 404/.test(p))).toEqual([]);
  }, 300_000);
});
