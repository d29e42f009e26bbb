import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  draftChecks,
  expectNoSeriousAxeViolations,
  focusedElement,
  pageProblems,
  polishIn,
  press,
  screenshot,
  shownWords,
  signIn,
  USERS,
  until,
  useHarness,
} from './harness.ts';

const h = useHarness();

/** The line of the YAML editor that holds `text`. */
const line = (page: Page, text: string) => page.locator('ri-yaml-editor .cm-line', { hasText: text });
/** The editor's status of its checks ("Brak problemów.", "Błędy: 1, ostrzeżenia: 0."…), as it is now. */
const problemsStatus = (page: Page) => page.locator('ri-draft-problems .summary');

/**
 * Puts the cursor in the line holding `text`, at its end or its first character, the way the problem list does:
 * through the editor's goTo, which scrolls the line into view and focuses the editor; then waits until that line
 * is drawn with the cursor in it. (A click would land wherever the line is at that moment, and the page still
 * moves while CodeMirror measures the lines it has just drawn.)
 */
async function cursorTo(page: Page, text: string, where: 'start' | 'end' = 'end'): Promise<void> {
  await page.locator('ri-yaml-editor').evaluate(
    (el, [wanted, at]) => {
      const editor = el as unknown as { text: string; goTo(line: number, col: number): void };
      const lines = editor.text.split('\n');
      const found = lines.flatMap((l, i) => (l.includes(wanted) ? [i] : []));
      if (found.length !== 1) throw new Error(`${found.length} lines hold "${wanted}"`);
      const i = found[0] as number;
      editor.goTo(i + 1, at === 'end' ? (lines[i] ?? '').length + 1 : 1);
    },
    [text, where] as const,
  );
  await page.locator('ri-yaml-editor .cm-activeLine', { hasText: text }).waitFor();
}

/**
 * The vertical middles of line number `n` in the gutter and of the first match of each selector in the YAML
 * editor, read in one go: two separate reads could straddle a move of the page.
 */
/** The line of the fact the test misspells, as the bundled version has it (its header may grow). */
const FACT_LINE =
  readFileSync('rules/pai-referral/2019-06-15.yaml', 'utf8')
    .split('\n')
    .findIndex((l) => l.includes('when: receives_social_assistance')) + 1;

async function middles(page: Page, n: number, selectors: readonly string[]): Promise<{ number: number; parts: number[] }> {
  return page.locator('ri-yaml-editor').evaluate(
    (el, [line, wanted]) => {
      type Drawn = { textContent: string | null; getBoundingClientRect(): { top: number; height: number } };
      type Root = { querySelector(s: string): Drawn | null; querySelectorAll(s: string): ArrayLike<Drawn> };
      const root = (el as unknown as { shadowRoot: Root }).shadowRoot;
      const middle = (d: Drawn | null | undefined, what: string) => {
        if (!d) throw new Error(`${what} is not drawn`);
        const box = d.getBoundingClientRect();
        return box.top + box.height / 2;
      };
      const numbers = Array.from(root.querySelectorAll('.cm-lineNumbers .cm-gutterElement'));
      return {
        number: middle(
          numbers.find((g) => g.textContent === String(line)),
          `line number ${line}`,
        ),
        parts: wanted.map((s) => middle(root.querySelector(s), s)),
      };
    },
    [n, selectors] as const,
  );
}

/** Opens a new draft of a published version through the drafts page, as an editor does; returns its address. */
async function newDraft(page: Page, question: string, version: string): Promise<string> {
  await page.getByRole('navigation').getByRole('link', { name: 'Szkice' }).click();
  await page.getByRole('heading', { name: 'Szkice', level: 1 }).waitFor();
  await page.getByLabel('Pytanie').selectOption(question);
  await page.getByLabel('Wersja', { exact: true }).selectOption(version);
  await page.getByRole('button', { name: 'Utwórz szkic', exact: true }).click();
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
  await page.locator('ri-yaml-editor .cm-content').waitFor();
  return new URL(page.url()).pathname;
}

describe('drafting, reviewing and publishing a change of the law', () => {
  it('marks a misspelt fact on its line in Polish; fixed, saved and tested, it is published by a reviewer', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await page.getByRole('navigation').getByRole('link', { name: 'Szkice' }).click();
    await page.getByRole('heading', { name: 'Moje szkice' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    const path = await newDraft(page, 'pai-referral', '2019-06-15');
    await page.getByRole('heading', { name: 'Szkic: pai-referral', level: 1 }).waitFor();

    // A copy of a published version cannot keep its day: the server says so, on valid_from's line.
    expect(await draftChecks(page)).toBe('Błędy: 1, ostrzeżenia: 0.');
    expect(await page.locator('ri-draft-problems li').first().getAttribute('data-code')).toBe('DUPLICATE_VERSION');
    await cursorTo(page, 'valid_from: 2019-06-15');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('2024-01-01');
    expect(await draftChecks(page)).toBe('Brak problemów.');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'editor');

    // Misspell the fact of its line: "receives_social_assistance" → "receives_social_asistance".
    await cursorTo(page, 'when: receives_social_assistance', 'start');
    const line40 = line(page, 'when: receives_social_assistance');
    expect(await line40.textContent()).toBe('    when: receives_social_assistance');
    const shown = await middles(page, FACT_LINE, ['.cm-activeLine']);
    expect(Math.abs((shown.parts[0] ?? 0) - shown.number)).toBeLessThan(4);
    await page.keyboard.press('End');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    const problem = page.locator('ri-draft-problems li[data-code="UNKNOWN_FACT"]');
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.getAttribute('data-line')).toBe(String(FACT_LINE));
    const said = await problem.textContent();
    expect(said).toContain(`Wiersz ${FACT_LINE}, kolumna 11`);
    expect(said).toContain('Nie ma takiego faktu w katalogu faktów (rules/facts.yaml).');
    expect(said).toContain('Dotyczy: „receives_social_asistance”. Czy chodziło o „receives_social_assistance”?');
    // The marker underlines the word on its line, beside its line number and its gutter marker.
    const marked = page.locator('ri-yaml-editor .cm-lintRange-error');
    await marked.waitFor();
    await page.locator('ri-yaml-editor .cm-lint-marker-error').waitFor();
    expect(await marked.textContent()).toBe('receives_social_asistance');
    const marks = await middles(page, FACT_LINE, ['.cm-lintRange-error', '.cm-lint-marker-error']);
    for (const mark of marks.parts) expect(Math.abs(mark - marks.number)).toBeLessThan(4);
    // Hovering shows the same sentence, in Polish, and no English beneath it.
    await marked.hover();
    const tooltip = page.locator('ri-yaml-editor .cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('Nie ma takiego faktu');
    expect(await tooltip.textContent()).not.toContain('is not a fact');
    await screenshot(page, 'editor-marker');

    // Fix it from the list: the line and column take the cursor to the word.
    await press(problem.getByRole('button', { name: `Wiersz ${FACT_LINE}, kolumna 11` }));
    expect(await focusedElement(page)).toBe('div#[Tekst szkicu w YAML]');
    await page.keyboard.press('Control+ArrowRight');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('s');
    expect(await draftChecks(page)).toBe('Brak problemów.');
    expect(await line(page, 'when: receives_social_assistance').count()).toBe(1);

    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText('Zapisano (zapis nr 2).').waitFor();
    await page.getByRole('button', { name: 'Uruchom testy' }).click();
    const summary = page.locator('ri-test-results .summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/^Wszystkie przypadki testowe przechodzą \(\d+\)\.$/);
    const cases = page.getByRole('list', { name: 'Przypadki testowe' }).getByRole('listitem');
    expect(await cases.count()).toBeGreaterThan(10);
    expect(await cases.first().textContent()).toContain('✓ zaliczony');
    expect(await page.locator('ri-test-results li.failed').count()).toBe(0);
    // The change in plain words, from the server's semantic diff, against the version it started from.
    const diffRegion = page.getByRole('region', { name: 'Zmiany względem opublikowanej wersji' });
    await press(diffRegion.getByRole('radio', { name: 'wersją, od której zaczęto szkic' }));
    await diffRegion.getByText('Zmieniono metadane – początek obowiązywania (valid_from): "2019-06-15" → "2024-01-01"').waitFor();
    // And as text: the published line struck out, the draft's marked as changed, nothing else.
    const textDiff = diffRegion.locator('ri-diff-view');
    await textDiff.locator('.cm-deletedChunk', { hasText: 'valid_from: 2019-06-15' }).waitFor();
    await textDiff.locator('.cm-changedLine', { hasText: 'valid_from: 2024-01-01' }).waitFor();
    expect(await textDiff.locator('.cm-changedLine').count()).toBe(1);

    await press(page.getByRole('button', { name: 'Przekaż do recenzji' }));
    await page.getByText('Szkic czeka na recenzję; zatwierdzi go recenzent inny niż ty.').waitFor();
    expect(pageProblems(page)).toEqual([]);

    const reviewer = await h.newPage();
    await signIn(reviewer, USERS.reviewer);
    await reviewer.getByRole('navigation').getByRole('link', { name: 'Szkice' }).click();
    await reviewer.getByRole('heading', { name: 'Do recenzji' }).waitFor();
    await reviewer.locator(`a[href="${path}"]`).click();
    const day = reviewer.getByLabel('Obowiązuje od (valid_from)');
    await day.waitFor();
    expect(await day.inputValue()).toBe('2024-01-01');
    // A reviewer reads the text but may not change it.
    expect(await reviewer.locator('ri-yaml-editor .cm-content').getAttribute('contenteditable')).toBe('false');
    expect(await reviewer.locator('ri-condition-builder').count()).toBe(0);
    await expectNoSeriousAxeViolations(reviewer);
    await screenshot(reviewer, 'review');
    // The reviewer runs the tests too, before approving.
    expect(await reviewer.getByText('Testy tego szkicu nie były jeszcze uruchamiane w tym widoku.').count()).toBe(1);
    await reviewer.getByRole('button', { name: 'Uruchom testy' }).click();
    const reviewed = reviewer.locator('ri-test-results .summary');
    await reviewed.waitFor({ timeout: 30_000 });
    expect(await reviewed.textContent()).toMatch(/^Wszystkie przypadki testowe przechodzą \(\d+\)\.$/);
    expect(await reviewer.getByRole('button', { name: 'Zapisz', exact: true }).count()).toBe(0);
    await press(reviewer.getByRole('button', { name: 'Zatwierdź i opublikuj' }));
    await reviewer.getByText('Opublikowano jako rules/pai-referral/2024-01-01.yaml.').waitFor({ timeout: 30_000 });

    const versions = (await (await reviewer.request.get('/api/v1/questions/pai-referral/versions')).json()) as {
      versions: { version: string; validFrom: string; repealed: boolean }[];
    };
    expect(versions.versions.find((v) => v.version === '2024-01-01')).toMatchObject({ validFrom: '2024-01-01', repealed: false });
    expect(pageProblems(reviewer)).toEqual([]);
  }, 300_000);

  it('speaks English after the switch, and lets the keyboard leave the editor with Tab', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await newDraft(page, 'pai-referral', '2019-06-15');
    expect(await draftChecks(page)).toBe('Błędy: 1, ostrzeżenia: 0.');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Draft: pai-referral', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Run the tests' }).click();
    await page.getByText('The draft does not validate, so no test was run.', { exact: false }).waitFor();
    expect(await problemsStatus(page).textContent()).toBe('Errors: 1, warnings: 0.');
    const words = await shownWords(page);
    expect(words).toContain('@Text of the draft in YAML');
    expect(words).toContain('@Text of the draft with the differences from the chosen version');
    // No Polish left on the page (the law's names in the builder, like „UPZ art. 62a”, have none).
    expect(polishIn(words)).toEqual([]);

    // Tab is not indentation here: it leaves the editor, and Shift+Tab comes back.
    await cursorTo(page, 'default_outcome: eligible');
    expect(await focusedElement(page)).toBe('div#[Text of the draft in YAML]');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).not.toBe('div#[Text of the draft in YAML]');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedElement(page)).toBe('div#[Text of the draft in YAML]');
    // Escape first closes a completion list (the outcomes, after default_outcome:), then Tab still leaves.
    await page.keyboard.press('Control+Space');
    await page.locator('ri-yaml-editor .cm-tooltip-autocomplete').getByText('not_eligible').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).not.toBe('div#[Text of the draft in YAML]');
    expect(pageProblems(page)).toEqual([]);
  }, 400_000);

  it('shows the author the comment of a reviewer who rejects the draft', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    const path = await newDraft(page, 'pai-referral', '2019-06-15');
    await cursorTo(page, 'valid_from: 2019-06-15');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('2025-01-01');
    expect(await draftChecks(page)).toBe('Brak problemów.');

    // A stricter limit breaks the case of the last day of PAI: the run says which, with expected and actual.
    await cursorTo(page, 'when: months_after_edition <= pai.total_months');
    for (let i = 0; i < ' pai.total_months'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.getByRole('button', { name: 'Uruchom testy' }).click();
    const summary = page.locator('ri-test-results .summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/^Nie przechodzi 1 z \d+ przypadków testowych\.$/);
    const failed = page.locator('ri-test-results li.failed');
    expect(await failed.count()).toBe(1);
    expect(await failed.textContent()).toContain('✗ niezaliczony');
    expect(await failed.textContent()).toContain('Last day of PAI, a referral is still possible');
    const row = failed.getByRole('row', { name: /outcome/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['eligible', 'not_eligible']);
    await page.getByText('Zapisano (zapis nr 2).').waitFor();

    // Undone in the editor (Ctrl+Z), the text is as before; Ctrl+S saves from inside the editor.
    await cursorTo(page, 'when: months_after_edition < pai.total_months');
    await page.keyboard.press('Control+z');
    expect(await line(page, 'when: months_after_edition <= pai.total_months').count()).toBe(1);
    await page.getByText('Wyniki dotyczą tekstu sprzed ostatnich zmian; uruchom testy ponownie.').waitFor();
    await page.keyboard.press('Control+s');
    await page.getByText('Zapisano (zapis nr 3).').waitFor();
    await press(page.getByRole('button', { name: 'Przekaż do recenzji' }));
    await page.getByText('Szkic czeka na recenzję; zatwierdzi go recenzent inny niż ty.').waitFor();

    const reviewer = await h.newPage();
    await signIn(reviewer, USERS.reviewer);
    await reviewer.goto(path);
    await reviewer.getByLabel('Uwagi dla autora').fill('Brakuje uzasadnienia daty 1 stycznia 2025 r.');
    await press(reviewer.getByRole('button', { name: 'Odrzuć szkic' }));
    await reviewer.getByText('Recenzent odrzucił szkic z uwagami:').waitFor();

    await page.reload();
    await page.getByText('Recenzent odrzucił szkic z uwagami:').waitFor();
    await page.getByText('Brakuje uzasadnienia daty 1 stycznia 2025 r.').waitFor();
    expect(await page.getByText('odrzucony przez recenzenta').count()).toBe(1);
    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(reviewer)).toEqual([]);
  }, 400_000);

  it('shows the second of two editors saving the same draft both texts side by side, and loses nothing', async () => {
    const ewa = await h.newPage();
    await signIn(ewa, USERS.editor);
    const path = await newDraft(ewa, 'pai-referral', '2014-05-27');
    const edward = await h.newPage();
    await signIn(edward, USERS.editor2);
    await edward.goto(path);
    await edward.locator('ri-yaml-editor .cm-content').waitFor();

    await cursorTo(ewa, 'pl: Skierowanie do Programu');
    await ewa.keyboard.type(' (poprawka Ewy)');
    await cursorTo(edward, 'note: The day 27 is uncertain');
    await edward.keyboard.type(' Edward checked this.');
    await ewa.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await ewa.getByText('Zapisano (zapis nr 2).').waitFor();
    await edward.getByRole('button', { name: 'Zapisz', exact: true }).click();

    await edward.getByRole('heading', { name: 'Ktoś zapisał szkic przed tobą' }).waitFor();
    const [mine, theirs] = [
      edward.locator('.cm-mergeView .cm-editor').first(),
      edward.locator('.cm-mergeView .cm-editor').last(),
    ];
    expect(await mine.textContent()).toContain('Edward checked this.');
    expect(await mine.textContent()).not.toContain('(poprawka Ewy)');
    expect(await theirs.textContent()).toContain('(poprawka Ewy)');
    await edward.getByRole('heading', { name: 'Twój tekst (niezapisany)' }).waitFor();
    await edward.getByRole('heading', { name: 'Nowsza wersja (zapis nr 2)' }).waitFor();
    await expectNoSeriousAxeViolations(edward);
    await screenshot(edward, 'editor-conflict');

    // Bring Ewa's line over (the first changed part), from the keyboard, then save the merged text.
    const bring = edward.getByRole('button', { name: 'Przenieś ten fragment z nowszej wersji do swojego tekstu' });
    await bring.first().focus();
    await edward.keyboard.press('Enter');
    await until(() => mine.textContent()).toContain('(poprawka Ewy)');
    expect(await mine.textContent()).toContain('Edward checked this.');
    await edward.getByRole('button', { name: 'Zapisz mój tekst (z lewej)' }).click();
    await edward.getByText('Zapisano (zapis nr 3).').waitFor();
    await edward.locator('.cm-mergeView').first().waitFor({ state: 'detached' });

    const saved = (await (await edward.request.get(`/api/v1${path}`)).json()) as { yaml: string; revision: number };
    expect(saved.revision).toBe(3);
    expect(saved.yaml).toContain('(poprawka Ewy)');
    expect(saved.yaml).toContain('Edward checked this.');
    expect(pageProblems(edward).filter((p) => !/status of 409/.test(p))).toEqual([]);
  }, 400_000);

  it('compares a draft started from an old version with the version in force on its date, or with the one it started from', async () => {
    const page = await h.newPage();
    await signIn(page, USERS.editor);
    await newDraft(page, 'pai-referral', '2014-05-27');
    // Dated 2020-01-01, the draft would follow 2019-06-15, not the 2014 text it was copied from.
    await cursorTo(page, 'valid_from: 2014-05-27');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('2020-01-01');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText('Zapisano (zapis nr 2).').waitFor();

    const region = page.getByRole('region', { name: 'Zmiany względem opublikowanej wersji' });
    const inForce = region.getByRole('radio', { name: 'wersją obowiązującą w dniu 1 stycznia 2020' });
    const started = region.getByRole('radio', { name: 'wersją, od której zaczęto szkic' });
    const view = region.locator('ri-diff-view');
    await region.getByText('Porównano z wersją obowiązującą od 15 czerwca 2019 (rules/pai-referral/2019-06-15.yaml).').waitFor();
    expect(await inForce.isChecked()).toBe(true);
    // 2019-06-15 dropped the profile III rule: against it the old text brings the rule back, in words and in text.
    await region.getByText('Dodano regułę help-profile-iii', { exact: false }).waitFor();
    await view.locator('.cm-deletedChunk', { hasText: 'dz_u: Dz.U. 2019 poz. 986' }).waitFor();
    expect(await view.locator('.cm-changedLine').count()).toBeGreaterThan(1);
    await expectNoSeriousAxeViolations(page);

    // From the keyboard: the arrow moves within the group and chooses the version it started from.
    await inForce.focus();
    await page.keyboard.press('ArrowRight');
    expect(await started.isChecked()).toBe(true);
    // The focus ring shows (test files have no DOM types: the browser's getComputedStyle is reached through globalThis).
    const outline = await started.evaluate(
      (e) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(e).outlineStyle,
    );
    expect(outline).toBe('solid');
    await region.getByText('Porównano z wersją obowiązującą od 27 maja 2014 (rules/pai-referral/2014-05-27.yaml).').waitFor();
    await region.getByText('Zmieniono metadane – początek obowiązywania (valid_from): "2014-05-27" → "2020-01-01"').waitFor();
    expect(await region.getByText('help-profile-iii', { exact: false }).count()).toBe(0);
    await view.locator('.cm-deletedChunk', { hasText: 'valid_from: 2014-05-27' }).waitFor();
    expect(await view.locator('.cm-deletedChunk', { hasText: 'Dz.U. 2019 poz. 986' }).count()).toBe(0);
    expect(await view.locator('.cm-changedLine').count()).toBe(1);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'editor-diff-in-force');
    expect(pageProblems(page)).toEqual([]);
  }, 400_000);
});
