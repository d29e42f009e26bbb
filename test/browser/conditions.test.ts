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

/** Ewa, the editor, signed in, on a new draft of a published version (opened through the API, as the page would). */
async function draftPage(question: string, version: string): Promise<{ page: Page; original: string }> {
  const page = await h.newPage();
  await signIn(page, USERS.editor);
  const session = (await (await page.request.get('/api/v1/session')).json()) as { csrf_token: string };
  const response = await page.request.post('/api/v1/drafts', {
    headers: { 'X-CSRF-Token': session.csrf_token },
    data: { from: { question, version } },
  });
  expect(response.status()).toBe(201);
  const draft = (await response.json()) as { id: string; yaml: string };
  await page.goto(`/drafts/${draft.id}`);
  await builder(page).waitFor();
  return { page, original: draft.yaml };
}

const builder = (page: Page) => page.locator('ri-condition-builder');
/** The text in the draft editor now (the YAML editor renders only the lines in view). */
const editorText = (page: Page) => page.locator('ri-draft-editor').evaluate((el) => (el as unknown as { text: string }).text);
const focused = focusedElement;

describe('the condition builder', () => {
  it('edits a rule’s when in the draft’s YAML: a value, a relation, a row, a negation, a nested group', async () => {
    const { page, original } = await draftPage('pai-referral', '2019-06-15');
    const b = builder(page);
    await page.getByLabel('Przepis', { exact: true }).selectOption('priority-social-contract');
    await b.getByText('Podstawa prawna: UPZ art. 62a ust. 2').waitFor();
    await b.getByText('Reguła priority-social-contract').waitFor();

    // The fact is picked by its label from the catalogue, and its value from the enumeration's values.
    const left = b.getByLabel('Co sprawdzamy');
    expect(await left.locator('option:checked').textContent()).toBe('Kontrakt socjalny (social_contract)');
    expect(await b.getByLabel('Relacja').locator('option:checked').textContent()).toBe('jest równe (==)');
    const value = b.getByLabel('Wartość', { exact: true });
    expect(await value.locator('option').allTextContents()).toEqual([
      '— wybierz —',
      'none',
      'active',
      'completed',
      'refused',
      'breached',
    ]);
    await value.selectOption('completed');
    await until(() => editorText(page)).toContain('    when: social_contract == "completed"\n');
    // Nothing but that rule's when changed.
    expect((await editorText(page)).replace('when: social_contract == "completed"', 'when: social_contract == "active"')).toBe(
      original,
    );
    await b.getByText('Warunek zapisany w YAML.').waitFor();

    // `in` turns the select into checkboxes, keeping the value.
    await b.getByLabel('Relacja').selectOption('in');
    const values = b.getByRole('group', { name: 'Wartości' });
    expect(await values.getByLabel('completed').isChecked()).toBe(true);
    await values.getByLabel('active').check();
    await until(() => editorText(page)).toContain('when: social_contract in ["completed", "active"]\n');

    // A new row takes the keyboard; a boolean fact stands alone; "Nie" negates it.
    await b.getByRole('button', { name: 'Dodaj warunek' }).last().click();
    expect(await focused(page)).toBe('select#left[]');
    await b.getByLabel('Co sprawdzamy').nth(1).selectOption('zasilek_entitled');
    await until(() => editorText(page)).toContain('when: social_contract in ["completed", "active"] and zasilek_entitled\n');
    await b.getByRole('button', { name: 'Nie: zaprzecz warunkowi 2' }).click();
    expect(await b.getByRole('button', { name: 'Nie: zaprzecz warunkowi 2' }).getAttribute('aria-pressed')).toBe('true');
    await until(() => editorText(page)).toContain('and not zasilek_entitled\n');

    // Reordering by keyboard keeps the focus on the moved row's button.
    await b.getByRole('button', { name: 'Przesuń warunek 2 w górę' }).focus();
    await page.keyboard.press('Enter');
    await until(() => editorText(page)).toContain('when: not zasilek_entitled and social_contract in ["completed", "active"]\n');
    expect(await focused(page)).toBe('button#[Przesuń warunek 1 w dół]');

    // A nested group: a free expression is checked as it is typed and written only once it parses.
    await b.getByRole('button', { name: 'Dodaj grupę' }).last().click();
    const group = b.locator('ri-condition-group:not([root])');
    await group.getByLabel('Co sprawdzamy').selectOption('__expression__');
    const expression = group.getByLabel('Wyrażenie po lewej');
    await expression.fill('pai_months_completed +');
    await group.getByText('Tego wyrażenia nie da się odczytać (kolumna 23).').waitFor();
    expect(await expression.getAttribute('aria-invalid')).toBe('true');
    await b.getByText('Uzupełnij zaznaczone pola').waitFor();
    const before = await editorText(page);
    await group.getByLabel('Relacja').selectOption('test');
    await group.getByLabel('Warunek jako wyrażenie').fill('pai_months_completed < pai.edition_mnths');
    await group.getByText('Nieznana nazwa pai.edition_mnths').waitFor();
    await group.getByLabel('Warunek jako wyrażenie').fill('pai_months_completed < pai.edition_months');
    await group.getByRole('button', { name: 'Dodaj warunek' }).click();
    await group.getByLabel('Co sprawdzamy').nth(1).selectOption('receives_social_assistance');
    expect(before).not.toContain('receives_social_assistance\n    then');
    await until(() => editorText(page)).toContain(
      [
        '    when:',
        '      all:',
        '        - not zasilek_entitled',
        '        - social_contract in ["completed", "active"]',
        '        - pai_months_completed < pai.edition_months or receives_social_assistance',
        '    then:',
      ].join('\n'),
    );
    await b.getByText('Warunek zapisany w YAML.').waitFor();
    await b.scrollIntoViewIfNeeded();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'condition-builder');
    expect(pageProblems(page)).toEqual([]);
  });

  it('reads the YAML again when it changes in the editor, and speaks English', async () => {
    const { page } = await draftPage('pai-referral', '2019-06-15');
    const b = builder(page);
    await page.getByLabel('Przepis', { exact: true }).selectOption('six-month-limit');
    const value = b.getByLabel('Wartość', { exact: true });
    // A definition on the left has no typed value field: the right is an expression.
    expect(await value.inputValue()).toBe('pai.total_months');
    await b.getByLabel('Relacja').selectOption('<');
    await until(() => editorText(page)).toContain('when: months_after_edition < pai.total_months\n');

    await page.locator('ri-draft-editor').evaluate((el) => {
      const editor = el as unknown as { text: string };
      editor.text = editor.text.replace('when: months_after_edition < pai.total_months', 'when: months_after_edition >= 3');
    });
    await until(() => b.getByLabel('Relacja').locator('option:checked').textContent()).toBe('jest nie mniejsze niż (>=)');
    expect(await value.inputValue()).toBe('3');

    await page.getByRole('button', { name: 'English' }).click();
    await b.getByText('Rule six-month-limit').waitFor();
    expect(await b.getByLabel('What is checked').locator('option:checked').textContent()).toBe('months_after_edition');
    expect(await b.getByLabel('Relation').locator('option:checked').textContent()).toBe('is at least (>=)');
    expect(polishIn(await shownWords(page))).toEqual([]);
    await expectNoSeriousAxeViolations(page);
    expect(pageProblems(page)).toEqual([]);
  });
});
