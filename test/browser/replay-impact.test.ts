import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queryOne } from '../../server/db/raw.ts';
import { storeDecision } from '../../server/store/decisions.ts';
import { openChangeSet } from '../../server/store/drafts.ts';
import { LawCache } from '../../server/store/rule-files.ts';
import { pageProblems, plain, screenshot, signIn, USERS, until, useHarness } from './harness.ts';

const h = useHarness();

describe('the impact of a change on decisions already given, on the draft’s page', { timeout: 150_000 }, () => {
  it('replays the period’s decisions and shows counts, outcomes then and now, money and examples, in Polish and English', async () => {
    const db = h.server.db;
    const idOf = async (name: string) =>
      ((await queryOne<{ id: string }>(db, 'SELECT id FROM users WHERE name = ?', [name])) as { id: string }).id;
    const ewa = await idOf(USERS.editor.name);
    const karol = await idOf(USERS.caseworker.name);
    // 70 decisions of March 2025: absences of 0 to 6 days; more than 3 lose the month under the law in force.
    const law = await new LawCache(db).get();
    const rows: Parameters<typeof storeDecision>[1][] = [];
    for (let i = 0; i < 70; i++) {
      const facts = { cis_period: 'participation', unexcused_absence_days: i % 7 };
      rows.push({
        facts,
        answer: await law.decide({ question: 'cis-benefit', date: '2025-03-15', facts }),
        askedBy: i % 2 ? karol : ewa,
      });
    }
    await db.transaction(async (tx) => {
      for (const r of rows) await storeDecision(tx, r);
    });
    const id = 'impact-absence';
    const yaml = readFileSync(new URL('../../rules/cis-benefit/proposals/flexible-absence.yaml', import.meta.url), 'utf8');
    await openChangeSet(db, {
      id,
      title: 'Potrącenie za każdy dzień nieobecności',
      proposal: true,
      authorId: ewa,
      files: [{ path: `rules/cis-benefit/proposals/${id}.yaml`, yaml }],
    });

    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await page.goto(`/drafts/${id}`);
    const panel = page.locator('ri-replay-impact');
    await panel.getByRole('heading', { name: 'Wpływ na wydane decyzje' }).waitFor();
    await panel.getByLabel('Decyzje z dni od').fill('2025-01-01');
    await panel.getByLabel('do', { exact: true }).fill('2025-12-31');
    await panel.getByRole('button', { name: 'Sprawdź wpływ' }).click();
    const summary = panel.locator('table.summary');
    // The replay runs on the worker pool: a thread starts and compiles the law first, longer than a page's usual wait.
    await summary.waitFor({ timeout: 90_000 });
    await until(async () => (await summary.locator('th, td').allTextContents()).map(plain).join(' | ')).toBe(
      'Odtworzone decyzje | 70 | Decyzje, które by się zmieniły | 30',
    );
    // The 30 decisions of 4 to 6 days go from "not payable" to "payable"; up to 3 days the proposal takes 1/20 a day as
    // the law does, so those 40 keep their outcome and amount.
    const matrix = panel.locator('table.matrix tbody tr');
    await until(() => matrix.count()).toBeGreaterThan(0);
    const cells = await Promise.all(
      (await matrix.all()).map(async (r) => (await r.locator('td').allTextContents()).map(plain).slice(1).join(' | ')),
    );
    expect(cells.sort()).toEqual(['nie przysługuje | przysługuje | 30', 'przysługuje | przysługuje | 40']);
    await screenshot(page, 'replay-impact');
    // The change summary reads as the law: the repealed provision by its sentence, no expression.
    const summaryOfChange = page.locator('ri-change-summary ul.sentences');
    await until(async () => plain(await summaryOfChange.textContent())).toContain(
      'Uchylony przepis (UZS art. 15 ust. 7): „Nieusprawiedliwiona nieobecność trwała [Dni nieusprawiedliwionej nieobecności] dni',
    );
    expect(await summaryOfChange.textContent()).not.toMatch(/unexcused_absence_days|<=/);
    // Facts appear only for Ewa's own receipts.
    const examples = panel.locator('.example');
    await until(() => examples.count()).toBeGreaterThan(0);
    const shown = (await examples.allTextContents()).map(plain);
    for (const e of shown) expect(e.includes('Fakty:') || e.includes('Fakty tej decyzji widzi tylko')).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await panel.getByRole('heading', { name: 'Impact on decisions already given' }).waitFor();
    await until(async () => (await summary.locator('th, td').allTextContents()).map(plain).join(' | ')).toBe(
      'Decisions replayed | 70 | Decisions that would change | 30',
    );
    expect(pageProblems(page)).toEqual([]);
  });
});
