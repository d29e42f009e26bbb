import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';

type Office = Schemas['Office'];
const FIELDS = ['name', 'address', 'place', 'appeal_body', 'signatory_name', 'signatory_position'] as const;

/**
 * Office settings (/offices, admins): each office's authority name, address, place, appeal body and signatory, as
 * the decision documents print them; a table of the offices and one form that adds an office or changes one.
 */
export class RiOfficesPage extends LocalizedElement {
  static override properties = {
    offices: { state: true },
    editing: { state: true },
    busy: { state: true },
    error: { state: true },
    saved: { state: true },
  };
  declare offices: Office[] | undefined;
  /** The office being changed; empty when the form adds one. */
  declare editing: string;
  declare busy: boolean;
  declare error: unknown;
  declare saved: string;

  constructor() {
    super();
    this.offices = undefined;
    this.editing = '';
    this.busy = false;
    this.error = undefined;
    this.saved = '';
  }

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      form {
        display: grid;
        gap: 0.9rem;
        max-width: 40rem;
        margin-top: 1rem;
      }
      label {
        display: grid;
        gap: 0.3rem;
      }
      input,
      textarea {
        width: 100%;
        box-sizing: border-box;
        font: inherit;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.offices = (await call(api.GET('/api/v1/offices'))).offices;
    } catch (e) {
      this.error = e;
      this.offices = [];
    }
  }

  async #edit(office: Office): Promise<void> {
    this.editing = office.office;
    this.saved = '';
    await this.updateComplete;
    const form = this.renderRoot.querySelector('form');
    for (const f of FIELDS) {
      const input = form?.elements.namedItem(f) as HTMLInputElement | HTMLTextAreaElement | null;
      if (input) input.value = office[f];
    }
    (form?.elements.namedItem('name') as HTMLInputElement | null)?.focus();
  }

  #cancel(): void {
    this.editing = '';
    this.renderRoot.querySelector('form')?.reset();
  }

  async #save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (f: string) => String(data.get(f) ?? '').trim();
    const settings = Object.fromEntries(FIELDS.map((f) => [f, value(f)])) as Record<(typeof FIELDS)[number], string>;
    const office = this.editing || value('office');
    this.busy = true;
    this.error = undefined;
    try {
      if (this.editing) await call(api.PUT('/api/v1/offices/{office}', { params: { path: { office } }, body: settings }));
      else await call(api.POST('/api/v1/offices', { body: { office, ...settings } }));
      this.saved = office;
      this.editing = '';
      form.reset();
      await this.#load();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  #table(): TemplateResult {
    const offices = this.offices ?? [];
    if (!offices.length) return html`<p>${t('offices.empty')}</p>`;
    return html`<div class="table-wrap">
      <table>
        <caption>${t('offices.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('offices.col.office')}</th>
            <th scope="col">${t('offices.col.name')}</th>
            <th scope="col">${t('offices.col.place')}</th>
            <th scope="col">${t('offices.col.signatory')}</th>
            <th scope="col">${t('offices.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${offices.map(
            (o) => html`<tr>
              <th scope="row">${o.office}</th>
              <td>${o.name}</td>
              <td>${o.place}</td>
              <td>${o.signatory_name}, ${o.signatory_position}</td>
              <td>
                <button type="button" class="secondary" @click=${() => this.#edit(o)}>
                  ${t('offices.edit')}<span class="visually-hidden"> ${t('offices.editFor', { office: o.office })}</span>
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #field(f: (typeof FIELDS)[number]): TemplateResult {
    const label = t(`offices.field.${f}`);
    return f === 'address'
      ? html`<label>${label}<textarea name=${f} rows="3" required maxlength="500"></textarea></label>`
      : html`<label>${label}<input name=${f} required maxlength="300" /></label>`;
  }

  override render(): TemplateResult {
    return html`<h1 class="page-title">${t('offices.title')}</h1>
      <p class="intro">${t('offices.intro')}</p>
      ${this.offices ? this.#table() : html`<p role="status">${t('app.loading')}</p>`}
      <h2>${this.editing ? t('offices.editing', { office: this.editing }) : t('offices.new')}</h2>
      <form novalidate @submit=${this.#save}>
        ${this.editing ? nothing : html`<label>${t('offices.field.office')}<input name="office" required maxlength="200" /></label>`}
        ${FIELDS.map((f) => this.#field(f))}
        ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
        ${this.saved ? html`<p role="status">${t('offices.saved', { office: this.saved })}</p>` : nothing}
        <div class="buttons">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('offices.saving') : t('offices.save')}</button>
          ${this.editing ? html`<button type="button" class="secondary" @click=${this.#cancel}>${t('offices.cancel')}</button>` : nothing}
        </div>
      </form>`;
  }
}

customElements.define('ri-offices-page', RiOfficesPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-offices-page': RiOfficesPage;
  }
}
