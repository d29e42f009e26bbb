import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  draftChecks,
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

/** Replaces `from` by `to` in `text`, once, failing when `from` is not there (so an edit cannot silently miss). */
function amend(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

/** The amendment: up to 5 days of unexcused absence a month are cut by 1/20 each; only more loses the month. */
function raiseAbsenceLimit(yaml: string): string {
  let y = amend(yaml, 'valid_from: 2022-02-15', 'valid_from: 2026-12-01');
  y = amend(y, 'min(unexcused_absence_days, 3)', 'min(unexcused_absence_days, 5)');
  y = amend(
    y,
    'when: unexcused_absence_days > 0 and unexcused_absence_days <= 3',
    'when: unexcused_absence_days > 0 and unexcused_absence_days <= 5',
  );
  y = amend(y, 'when: unexcused_absence_days > 3', 'when: unexcused_absence_days > 5');
  y = amend(y, 'ponad 3 dni w miesiącu', 'ponad 5 dni w miesiącu');
  return amend(y, 'more than 3 in the month', 'more than 5 in the month');
}

/** Pastes `text` where the focus is in `target`, as Ctrl+V does: a paste event carrying the clipboard's text. */
async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.evaluate((el, t) => {
    const w = globalThis as unknown as {
      DataTransfer: new () => { setData(k: string, v: string): void };
      ClipboardEvent: new (type: string, init: object) => unknown;
    };
    const data = new w.DataTransfer();
    data.setData('text/plain', t);
    (el as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(
      new w.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Decides cis-benefit in the console for a participant with five days of unexcused absence on `day`. */
async function decideFiveDaysAbsent(page: Page, day: string, inForce: string): Promise<void> {
  await page.getByLabel('Pytanie', { exact: true }).selectOption('cis-benefit');
  await page.getByLabel('Dzień', { exact: true }).fill(day);
  await page.getByText(inForce).waitFor();
  await page
    .getByRole('group', { name: /Okres w CIS/ })
    .getByRole('radio', { name: 'uczestnictwo' })
    .check();
  await page.getByLabel('Dni nieusprawiedliwionej nieobecności').fill('5');
  await page.getByRole('button', { name: 'Rozstrzygnij' }).click();
}

describe('a change of the law, from the editor to the caseworker', () => {
  it('is drafted, tested, reviewed and published; the console applies it from its valid_from and the old rule before', async () => {
    // An editor drafts the amendment from the version in force.
    const ewa = await h.newPage();
    await signIn(ewa, USERS.editor);
    await ewa.getByRole('navigation').getByRole('link', { name: 'Szkice' }).click();
    await ewa.getByRole('heading', { name: 'Szkice', level: 1 }).waitFor();
    await ewa.getByLabel('Pytanie').selectOption('cis-benefit');
    await ewa.getByLabel('Wersja', { exact: true }).selectOption('2022-02-15');
    await ewa.getByRole('button', { name: 'Utwórz szkic', exact: true }).click();
    await ewa.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    const path = new URL(ewa.url()).pathname;
    const content = ewa.locator('ri-yaml-editor .cm-content');
    await content.waitFor();
    const original = await ewa.locator('ri-draft-editor').evaluate((el) => (el as unknown as { text: string }).text);

    // She pastes the amended text over the whole draft, as from a word processor.
    await content.click();
    await ewa.keyboard.press('Control+a');
    await pasteInto(content, raiseAbsenceLimit(original));
    expect(await draftChecks(ewa)).toBe('Brak problemów.');
    await ewa.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await ewa.getByText('Zapisano (zapis nr 2).').waitFor();
    const saved = (await (await ewa.request.get(`/api/v1${path}`)).json()) as { yaml: string };
    expect(saved.yaml).toBe(raiseAbsenceLimit(original));

    await ewa.getByRole('button', { name: 'Uruchom testy' }).click();
    const summary = ewa.locator('ri-test-results .summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/^Wszystkie przypadki testowe przechodzą \(\d+\)\.$/);
    await press(ewa.getByRole('button', { name: 'Przekaż do recenzji' }));
    await ewa.getByText('Szkic czeka na recenzję; zatwierdzi go recenzent inny niż ty.').waitFor();
    expect(pageProblems(ewa)).toEqual([]);

    // A reviewer tries to publish it: refused at the top of the page, for no case shows the changed rules.
    const renata = await h.newPage();
    await signIn(renata, USERS.reviewer);
    await renata.goto(path);
    const day = renata.getByLabel('Obowiązuje od (valid_from)');
    await day.waitFor();
    expect(await day.inputValue()).toBe('2026-12-01');
    await press(renata.getByRole('button', { name: 'Zatwierdź i opublikuj' }));
    const refusal = renata.locator('ri-draft-editor .refusal');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.textContent()).toContain('Zmieniona reguła z UZS art. 15 ust. 7');
    const top = async (l: Locator) => (await l.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    expect(await top(refusal)).toBeLessThan(await top(renata.getByRole('heading', { level: 1 })));
    await expectNoSeriousAxeViolations(renata);

    // The author adds the case that shows the change: five days in December 2026.
    await ewa.getByRole('button', { name: 'Dodaj przypadek testowy' }).click();
    const form = ewa.locator('ri-case-form');
    await form.getByLabel('Nazwa przypadku').fill('Od grudnia 2026 r. pięć dni nieobecności zmniejsza świadczenie o 5/20');
    await form.getByLabel('Dzień', { exact: true }).fill('2026-12-15');
    await form
      .getByRole('group', { name: /Okres w CIS/ })
      .getByRole('radio', { name: 'uczestnictwo' })
      .check();
    await form.getByLabel('Dni nieusprawiedliwionej nieobecności').fill('5');
    await form.getByRole('button', { name: 'Dodaj przypadek' }).click();
    await ewa.getByText(/Dodano przypadek „Od grudnia 2026 r\. pięć dni/).waitFor();
    await until(() => summary.textContent()).toMatch(/^Wszystkie przypadki testowe przechodzą \(\d+\)\.$/);
    expect(await ewa.locator('.untested').count()).toBe(0);
    await press(ewa.getByRole('button', { name: 'Przekaż do recenzji' }));
    await ewa.getByText('Szkic czeka na recenzję; zatwierdzi go recenzent inny niż ty.').waitFor();

    // Now the reviewer reads the new case among the changes and publishes.
    await renata.reload();
    await renata
      .getByText('Nowy test „Od grudnia 2026 r. pięć dni nieobecności zmniejsza świadczenie o 5/20” na dzień 15.12.2026.')
      .waitFor();
    await press(renata.getByRole('button', { name: 'Zatwierdź i opublikuj' }));
    await renata.getByText('Opublikowano jako rules/cis-benefit/2026-12-01.yaml.').waitFor({ timeout: 30_000 });

    // The caseworker: before 1 December 2026 five days lose the month (art. 15 ust. 7 as it was)…
    const karol = await h.newPage();
    await signIn(karol, USERS.caseworker);
    await karol.getByRole('navigation').getByRole('link', { name: 'Konsola decyzji' }).click();
    await karol.getByRole('heading', { name: 'Konsola decyzji' }).waitFor();
    await decideFiveDaysAbsent(karol, '2026-11-30', 'Na dzień 30 listopada 2026 obowiązuje wersja przepisów z 15 lutego 2022.');
    const outcome = karol.locator('ri-answer-card .outcome-text');
    await until(() => outcome.textContent()).toBe('nie przysługuje');
    expect(plain(await karol.locator('ri-answer-card .money').textContent())).toBe('0,00 zł');
    const cited = karol.locator('ri-answer-card ol.reasons li').filter({ hasText: 'UZS art. 15 ust. 7' });
    expect(await cited.textContent()).toContain('ponad 3 dni w miesiącu');
    expect(await karol.locator('ri-answer-card section').textContent()).toContain('obowiązująca od 15 lutego 2022');

    // …and from that day the same month is paid, less 5 × 1/20 of 120% of 1 783,90 zł (2 140,68 − 535,17).
    await decideFiveDaysAbsent(karol, '2026-12-01', 'Na dzień 1 grudnia 2026 obowiązuje wersja przepisów z 1 grudnia 2026.');
    await until(() => outcome.textContent()).toBe('przysługuje');
    expect(plain(await karol.locator('ri-answer-card .money').textContent())).toBe('1 605,51 zł');
    // The number agrees with its noun (Intl.PluralRules), so the text counts the days before it deducts.
    expect(await cited.textContent()).toMatch(
      /Nieusprawiedliwiona nieobecność: 5\s+dni; za każdy dzień świadczenie obniża się o 1\/20/,
    );
    expect(await karol.locator('ri-answer-card section').textContent()).toContain('obowiązująca od 1 grudnia 2026');
    await expectNoSeriousAxeViolations(karol);
    await screenshot(karol, 'journey-console');
    expect(pageProblems(karol)).toEqual([]);

    // The version page shows the rule as amended.
    await karol.goto('/questions/cis-benefit/2026-12-01');
    await karol.getByRole('heading', { level: 1 }).waitFor();
    await karol
      .getByText(/ponad 5 dni w miesiącu/)
      .first()
      .waitFor();
    expect(await karol.getByText(/ponad 3 dni w miesiącu/).count()).toBe(0);
  }, 400_000);
});
