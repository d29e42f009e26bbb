import { describe, expect, it } from 'vitest';
import { sqliteConnection } from '../../server/testing/raw-sql.ts';
import { expectNoSeriousAxeViolations, pageProblems, plain, signIn, USERS, until, useHarness } from './harness.ts';

// Its own file: altering the log breaks the chain for every later test on the same server.
const h = useHarness();

describe('a broken audit chain', () => {
  it('says in Polish, then in English, which entry breaks it and why', async () => {
    // A determined tamperer drops the guard first; the chain still tells.
    await h.server.db.transaction(async (tx) =>
      sqliteConnection(tx).exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3"),
    );
    const page = await h.newPage();
    await signIn(page, USERS.reviewer);
    await page.goto('/audit');
    const banner = page.locator('ri-chain-status section[data-chain="broken"]');
    await banner.waitFor();
    // The banner's sentences sit in their own elements: compared as read, whitespace collapsed.
    expect(plain(await banner.textContent()).replace(/\s+/g, ' ')).toContain(
      'Pierwszy niezgodny wpis ma numer 3. Jego treść nie zgadza się z jego skrótem: zmieniono go po zapisaniu.',
    );
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await until(async () => plain(await banner.textContent()).replace(/\s+/g, ' ')).toContain(
      'The first entry that does not match is number 3. Its content does not match its hash: it was altered after it was written.',
    );
    expect(pageProblems(page)).toEqual([]);
  });
});
