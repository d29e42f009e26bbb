import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { choiceLabel, recordFieldLabel } from './fact-display.ts';
import { factFieldStyles } from './fact-field-styles.ts';
import { type FactDefinition, newRow, type RecordRow } from './fact-form-state.ts';
import { local } from './local-text.ts';

/** Detail of `ri-records-change`: the fact and its rows after the change. */
export interface RecordsChange {
  fact: string;
  rows: RecordRow[];
}

/**
 * A records fact (the founders of a cooperative) as repeatable rows, each a group of its fields, with
 * add and remove; fires `ri-records-change`. It renders its own legend and help, as a description cannot
 * point across shadow roots.
 */
export class RiFactRecords extends LocalizedElement {
  static override properties = {
    fact: { type: String },
    definition: { attribute: false },
    rows: { attribute: false },
    required: { type: Boolean },
    problem: { type: String },
    announce: { state: true },
  };
  declare fact: string;
  declare definition: FactDefinition | undefined;
  declare rows: RecordRow[];
  declare required: boolean;
  /** A message to show beside the rows (missing, or a row left incomplete); empty for none. */
  declare problem: string;
  /** What the live region says after a row is added or removed. */
  declare announce: string;
  /** The row to focus after the next render: the one just added, or the neighbour of one removed. */
  #focusRow: number | 'add' | undefined;

  constructor() {
    super();
    this.fact = '';
    this.definition = undefined;
    this.rows = [];
    this.required = false;
    this.problem = '';
    this.announce = '';
  }

  static override styles = [
    sharedStyles,
    factFieldStyles,
    css`
      .row {
        border: 1px solid #b7cde0;
        border-radius: 4px;
        padding: 0.5rem 0.75rem 0.75rem;
        margin: 0 0 0.75rem;
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0.5rem 1.25rem;
      }
      .row legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        font-weight: 400;
        margin: 0;
      }
      .check input {
        width: 1.2rem;
        height: 1.2rem;
      }
    `,
  ];

  /** Focuses the first control (the missing-facts list sends the user here). */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('select, input, button')?.focus();
  }

  #change(rows: RecordRow[]): void {
    this.dispatchEvent(
      new CustomEvent<RecordsChange>('ri-records-change', { detail: { fact: this.fact, rows }, bubbles: true, composed: true }),
    );
  }

  #set(index: number, field: string, value: string | boolean | undefined): void {
    this.#change(this.rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  }

  #add(): void {
    if (!this.definition) return;
    this.#focusRow = this.rows.length;
    this.announce = t('console.records.count', { count: this.rows.length + 1 });
    this.#change([...this.rows, newRow(this.definition)]);
  }

  #remove(index: number): void {
    const left = this.rows.length - 1;
    this.#focusRow = left === 0 ? 'add' : Math.min(index, left - 1);
    this.announce = t('console.records.count', { count: left });
    this.#change(this.rows.filter((_, i) => i !== index));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The rows come back from the form after the change event; until then there is nothing to focus.
    if (this.#focusRow === undefined || !changed.has('rows')) return;
    const target =
      this.#focusRow === 'add'
        ? this.renderRoot.querySelector<HTMLElement>('button.add')
        : this.renderRoot.querySelector<HTMLElement>(`#row-${this.#focusRow} select, #row-${this.#focusRow} input`);
    this.#focusRow = undefined;
    target?.focus();
  }

  #field(index: number, row: RecordRow, name: string, field: NonNullable<FactDefinition['fields']>[string]): TemplateResult {
    const id = `row-${index}-${name}`;
    const label = recordFieldLabel(this.fact, name);
    if (field.type === 'boolean') {
      return html`<label class="check" for=${id}>
        <input id=${id} type="checkbox" .checked=${row[name] === true} @change=${(e: Event) => this.#set(index, name, (e.target as HTMLInputElement).checked)} />
        ${label}
      </label>`;
    }
    const value = typeof row[name] === 'string' ? row[name] : '';
    return html`<div>
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => this.#set(index, name, (e.target as HTMLSelectElement).value || undefined)}>
        <option value="" ?selected=${value === ''}>${t('console.form.chooseOption')}</option>
        ${(field.values ?? []).map((v) => html`<option value=${v} ?selected=${v === value}>${choiceLabel(`${this.fact}.${name}`, v, field.value_labels)}</option>`)}
      </select>
    </div>`;
  }

  #row(row: RecordRow, index: number): TemplateResult {
    const label = local(this.definition?.label) || this.fact;
    return html`<fieldset class="row" id="row-${index}">
      <legend>${t('console.records.row', { label, n: index + 1 })}</legend>
      ${Object.entries(this.definition?.fields ?? {}).map(([name, field]) => this.#field(index, row, name, field))}
      <button type="button" class="secondary" @click=${() => this.#remove(index)}>${t('console.records.remove', { n: index + 1 })}</button>
    </fieldset>`;
  }

  override render(): TemplateResult {
    const def = this.definition;
    const help = local(def?.help);
    const describedBy = [help ? 'help' : '', this.problem ? 'problem' : ''].filter(Boolean).join(' ');
    return html`<fieldset class="group" aria-describedby=${describedBy || nothing} aria-invalid=${this.problem ? 'true' : nothing}>
      <legend>
        ${local(def?.label) || this.fact}
        ${this.required ? html`<span class="tag required">${t('console.form.required')}</span>` : nothing}
        ${def?.optional ? html`<span class="tag">${t('console.form.optional')}</span>` : nothing}
      </legend>
      ${help ? html`<p class="help" id="help">${help}</p>` : nothing}
      ${this.problem ? html`<p class="problem" id="problem">${this.problem}</p>` : nothing}
      ${this.rows.length ? this.rows.map((row, i) => this.#row(row, i)) : html`<p class="muted">${t('console.records.empty')}</p>`}
      <button type="button" class="secondary add" @click=${this.#add}>${t('console.records.add')}</button>
      <p class="visually-hidden" role="status">${this.announce}</p>
    </fieldset>`;
  }
}

customElements.define('ri-fact-records', RiFactRecords);

declare global {
  interface HTMLElementTagNameMap {
    'ri-fact-records': RiFactRecords;
  }
}
