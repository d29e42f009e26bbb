import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { session } from '../shared/api/session.ts';
import { formatDate } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { CONFIDENCES, confidenceLabel } from '../shared/law/confidence.ts';
import { rulesStyles } from '../shared/law/law-styles.ts';
import type { Catalogue } from '../shared/law/lexicon.ts';
import { localText } from '../shared/law/local-text.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { checkRow, type RowField, type RowInput, toInput } from './parameter-rows.ts';
import { formatValue, isUnit, unitLabel } from './parameter-values.ts';
import { addRow, type ParameterEntry, type ReadResult, readParameters, removeRow, updateRow } from './parameters-yaml.ts';
import { type RowStatus, rowStatuses } from './row-status.ts';

/** The one row being written: a new dated value at the end of a parameter, or a correction of row `index`. */
interface RowForm {
  id: string;
  index: number | 'new';
  input: RowInput;
  errors: Partial<Record<RowField, string>>;
}

const EMPTY: RowInput = { from: '', value: '', basis: '', confidence: '', note: '' };

/**
 * A parameters file (`rules/parameters/*.yaml`) as tables of dated values, one per parameter: add a value from a
 * new day (the normal change of law), correct a row recorded wrongly, remove a row that is not law yet. Every
 * change is written into the YAML with its comments kept and announced as `yaml-change` with `{ yaml }`.
 */
export class RiParametersTable extends LocalizedElement {
  static override properties = {
    yaml: { type: String },
    catalogue: { attribute: false },
    readonly: { type: Boolean },
    form: { state: true },
    notice: { state: true },
  };
  /** The file's text; the table re-reads it whenever it changes. */
  declare yaml: string;
  /** The law in force: rows whose day it has for their parameter are law, and are corrected rather than removed. */
  declare catalogue: Catalogue | undefined;
  /** Shows the values without the means to change them. */
  declare readonly: boolean;
  declare form: RowForm | undefined;
  declare notice: string;
  /** Rows added here, as `id@from`, for telling new rows when there is no catalogue. */
  #added = new Set<string>();
  #read: ReadResult = { ok: false, reason: '' };
  /** Where focus goes after the next render: an element id in this shadow root. */
  #focus = '';

  constructor() {
    super();
    this.yaml = '';
    this.catalogue = undefined;
    this.readonly = false;
    this.form = undefined;
    this.notice = '';
  }

  static override styles = [
    sharedStyles,
    rulesStyles,
    css`
      section {
        margin: 0 0 1.5rem;
      }
      h3 {
        font-size: 1.1rem;
        margin: 1rem 0 0.25rem;
      }
      h3 code {
        font-weight: 400;
        font-size: 0.85rem;
        margin-left: 0.4rem;
      }
      td input,
      td select {
        width: 100%;
        min-width: 6rem;
        box-sizing: border-box;
      }
      td.basis input {
        min-width: 12rem;
      }
      tr.form {
        background: #eef5fb;
      }
      .cell-error {
        color: #b3261e;
        font-size: 0.85rem;
        margin: 0.2rem 0 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      .actions button {
        padding: 0.25rem 0.6rem;
        font-size: 0.9rem;
      }
      .badge.new {
        color: #5a2a82;
        background: #f5eefb;
      }
      .badge.corrected {
        color: #5c3c00;
        background: #fbf3e4;
      }
    `,
  ];

  get #editable(): boolean {
    return !this.readonly && session.can('draft');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('yaml')) this.#read = readParameters(this.yaml ?? '');
  }

  override updated(): void {
    if (!this.#focus) return;
    (this.renderRoot.querySelector(`#${CSS.escape(this.#focus)}`) as HTMLElement | null)?.focus();
    this.#focus = '';
  }

  #emit(yaml: string): void {
    this.dispatchEvent(new CustomEvent('yaml-change', { detail: { yaml }, bubbles: true, composed: true }));
  }

  #open(id: string, index: number | 'new', entry: ParameterEntry): void {
    const row = index === 'new' ? undefined : entry.rows[index];
    this.form = { id, index, input: row ? toInput(row) : { ...EMPTY }, errors: {} };
    this.notice = '';
    this.#focus = 'field-from';
  }

  #close(focus: string): void {
    this.form = undefined;
    this.#focus = focus;
  }

  #set(field: keyof RowInput, value: string): void {
    if (this.form) this.form = { ...this.form, input: { ...this.form.input, [field]: value } };
  }

  #apply(entry: ParameterEntry): void {
    const form = this.form;
    if (!form) return;
    const at = form.index === 'new' ? entry.rows.length : form.index;
    const check = checkRow(form.input, {
      previous: entry.rows[at - 1]?.from,
      next: form.index === 'new' ? undefined : entry.rows[at + 1]?.from,
    });
    if (!check.ok) {
      this.form = { ...form, errors: check.errors };
      this.notice = t('ptable.rowInvalid');
      const first = (['from', 'value', 'basis', 'confidence'] as const).find((f) => check.errors[f]);
      this.#focus = `field-${first ?? 'from'}`;
      return;
    }
    let yaml: string;
    if (form.index === 'new') {
      yaml = addRow(this.yaml, form.id, check.row);
      this.#added.add(`${form.id}@${check.row.from}`);
    } else {
      yaml = updateRow(this.yaml, form.id, form.index, check.row);
    }
    this.notice = t('ptable.applied');
    this.#close(form.index === 'new' ? `add-${form.id}` : `edit-${form.id}-${form.index}`);
    this.#emit(yaml);
  }

  #remove(entry: ParameterEntry, index: number): void {
    const row = entry.rows[index];
    if (row) this.#added.delete(`${entry.id}@${row.from}`);
    this.form = undefined;
    this.#focus = `add-${entry.id}`;
    this.#emit(removeRow(this.yaml, entry.id, index));
  }

  #keys(e: KeyboardEvent, entry: ParameterEntry, focus: string): void {
    if (e.key === 'Escape') this.#close(focus);
    else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      this.#apply(entry);
    }
  }

  /** One field of the open row: labelled, marked invalid with its message when wrong. */
  #field(field: keyof RowInput, label: string): TemplateResult {
    const form = this.form as RowForm;
    const error = field === 'note' ? undefined : form.errors[field];
    const id = `field-${field}`;
    const described = error ? `${id}-error` : nothing;
    const control =
      field === 'confidence'
        ? html`<select id=${id} aria-label=${label} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}
            @change=${(e: Event) => this.#set('confidence', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!form.input.confidence}>${t('ptable.chooseConfidence')}</option>
            ${CONFIDENCES.map((c) => html`<option value=${c} ?selected=${form.input.confidence === c}>${confidenceLabel(c)}</option>`)}
          </select>`
        : html`<input id=${id} type="text" aria-label=${label} aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${described} .value=${form.input[field]} inputmode=${field === 'value' ? 'decimal' : nothing}
            @input=${(e: InputEvent) => this.#set(field, (e.target as HTMLInputElement).value)} />`;
    return html`<td class=${field}>${control}${error ? html`<p class="cell-error" id="${id}-error">${error}</p>` : nothing}</td>`;
  }

  #formRow(entry: ParameterEntry, cancelFocus: string, law: boolean): TemplateResult {
    const unit = unitLabel(entry.unit);
    return html`<tr class="form" @keydown=${(e: KeyboardEvent) => this.#keys(e, entry, cancelFocus)}>
      ${this.#field('from', t('ptable.field.from'))} ${this.#field('value', t('ptable.field.value', { unit }))}
      ${this.#field('basis', t('ptable.field.basis'))} ${this.#field('confidence', t('ptable.field.confidence'))}
      ${this.#field('note', t('ptable.noteOptional'))}
      <td>
        ${law ? html`<p class="warning" role="note">${t('ptable.historyWarning')}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.#apply(entry)}>${t('ptable.apply')}</button>
          <button type="button" class="secondary" @click=${() => this.#close(cancelFocus)}>${t('ptable.cancel')}</button>
        </div>
      </td>
    </tr>`;
  }

  #row(entry: ParameterEntry, index: number, status: RowStatus): TemplateResult {
    const fresh = status === 'new';
    const row = entry.rows[index];
    if (!row) return html``;
    const editId = `edit-${entry.id}-${index}`;
    if (this.form?.id === entry.id && this.form.index === index) return this.#formRow(entry, editId, !fresh);
    const value = Number.isFinite(row.value) ? (isUnit(entry.unit) ? formatValue(row.value, entry.unit) : String(row.value)) : '';
    return html`<tr>
      <td class="day">
        <time datetime=${row.from}>${formatDate(row.from)}</time>
        ${fresh ? html` <span class="badge new">${t('ptable.new')}</span>` : nothing}
        ${status === 'corrected' ? html` <span class="badge corrected">${t('ptable.edited')}</span>` : nothing}
      </td>
      <td class="num">${value}</td>
      <td lang="pl">${row.basis}</td>
      <td>${confidenceLabel(row.confidence)}</td>
      <td>${row.note ?? ''}</td>
      <td>
        ${
          this.#editable
            ? html`<div class="actions">
              <button type="button" class="secondary" id=${editId} aria-label=${t('ptable.editRow', { date: formatDate(row.from) })}
                @click=${() => this.#open(entry.id, index, entry)}>${t('ptable.edit')}</button>
              ${
                fresh
                  ? html`<button type="button" class="secondary" aria-label="${t('ptable.remove')} (${formatDate(row.from)})"
                    @click=${() => this.#remove(entry, index)}>${t('ptable.remove')}</button>`
                  : nothing
              }
            </div>`
            : nothing
        }
      </td>
    </tr>`;
  }

  #parameter(entry: ParameterEntry): TemplateResult {
    const label = localText(entry.label, entry.id);
    const published = this.catalogue ? (this.catalogue.parameters[entry.id] ?? { values: [] }) : undefined;
    const statuses = rowStatuses(entry, published, this.#added);
    const captionId = `caption-${entry.id}`;
    const adding = this.form?.id === entry.id && this.form.index === 'new';
    return html`<section aria-labelledby="title-${entry.id}">
      <h3 id="title-${entry.id}">${label}<code>${entry.id}</code></h3>
      <div class="table-wrap" role="region" aria-labelledby=${captionId} tabindex="0">
        <table>
          <caption id=${captionId}>${t('param.caption', { label })}</caption>
          <thead>
            <tr>
              <th scope="col">${t('param.col.from')}</th>
              <th scope="col">${t('param.col.value')} (${unitLabel(entry.unit)})</th>
              <th scope="col">${t('param.col.basis')}</th>
              <th scope="col">${t('param.col.confidence')}</th>
              <th scope="col">${t('param.col.note')}</th>
              <th scope="col">${t('param.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${entry.rows.map((_, i) => this.#row(entry, i, statuses[i] ?? 'law'))}
            ${adding ? this.#formRow(entry, `add-${entry.id}`, false) : nothing}
          </tbody>
        </table>
      </div>
      ${
        this.#editable && !adding
          ? html`<button type="button" id="add-${entry.id}" aria-label=${t('ptable.addFor', { label })}
              @click=${() => this.#open(entry.id, 'new', entry)}>${t('ptable.add')}</button>`
          : nothing
      }
    </section>`;
  }

  override render(): TemplateResult {
    const read = this.#read;
    if (!read.ok) return html`<p class="alert" role="alert">${t('ptable.badFile', { reason: read.reason })}</p>`;
    return html`<p>${t('ptable.intro')}</p>
      <p role="status" class="muted">${this.notice}</p>
      ${read.file.parameters.map((p) => this.#parameter(p))}`;
  }
}

customElements.define('ri-parameters-table', RiParametersTable);

declare global {
  interface HTMLElementTagNameMap {
    'ri-parameters-table': RiParametersTable;
  }
}
