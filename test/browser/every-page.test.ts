import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, pageProblems, polishIn, shownWords, signIn, USERS, useHarness } from './harness.ts';

const h = useHarness();

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
  ['/no/such/page', 'Page not found'],
] as const;

describe('every page', () => {
  it('passes axe in Polish, the language it opens in', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.admin);
    for (const [path] of PAGES) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoSeriousAxeViolations(page);
    }
  }, 120_000);

  it('speaks English with no Polish left but the law’s own words, and passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.admin);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Welcome, admin' }).waitFor();
    for (const [path, heading] of PAGES) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      // Pages fill in after their first paint (versions, drafts, history): wait until the network is quiet.
      await page.waitForLoadState('networkidle');
      expect({ path, polish: polishIn(await shownWords(page)) }).toEqual({ path, polish: [] });
      await expectNoSeriousAxeViolations(page);
    }
    expect(pageProblems(page).filter((p) => !/status of 404/.test(p))).toEqual([]);
  }, 120_000);
});
