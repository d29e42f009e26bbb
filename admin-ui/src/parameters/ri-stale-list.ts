import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDate } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { localText } from '../shared/law/local-text.ts';
import { todayIso } from '../shared/law/timeline.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatValue, isUnit } from './parameter-values.ts';

type Stale = Schemas['StaleParameters'];

/** The dated values past their next expected update on a day (today unless the reader picks another), each linked to its table. */
export class RiStaleList extends LocalizedElement {
  static override properties = { day: { state: true }, list: { state: true }, error: { state: true } };
  declare day: string;
  declare list: Stale | undefined;
  declare error: unknown;

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        border: 1px solid #d5e0ea;
        border-left: 4px solid #b35c00;
        padding: 0.25rem 1rem 0.75rem;
        margin: 1rem 0;
      }
      ul {
        margin: 0.25rem 0;
      }
    `,
  ];

  constructor() {
    super();
    this.day = todayIso();
    this.list = undefined;
    this.error = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    this.error = undefined;
    try {
      this.list = await call(api.GET('/api/v1/parameters/stale', { params: { query: { on: this.day } } }));
    } catch (e) {
      this.error = e;
    }
  }

  #item(s: Stale['stale'][number]): TemplateResult {
    const value = isUnit(s.unit) ? formatValue(s.value, s.unit) : String(s.value);
    return html`<li data-parameter=${s.id}>
      <a href="#param-${s.id}">${localText(s.label)}</a>:
      ${t('stale.item', { value, from: formatDate(s.from), due: formatDate(s.due) })}${
        s.last_verified_on ? html` (${t('stale.verified', { date: formatDate(s.last_verified_on) })})` : nothing
      }
    </li>`;
  }

  override render(): TemplateResult {
    const list = this.list;
    return html`<h2 id="stale-title">${t('stale.title')}</h2>
      <p>${t('stale.intro')}</p>
      <label for="stale-on">${t('stale.on')}</label>
      <input id="stale-on" type="date" .value=${this.day}
        @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (!v) return;
          this.day = v;
          void this.#load();
        }} />
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      <div role="status" aria-live="polite">
        ${
          list && list.on === this.day
            ? list.stale.length
              ? html`<ul aria-labelledby="stale-title">${list.stale.map((s) => this.#item(s))}</ul>`
              : html`<p>${t('stale.none', { date: formatDate(list.on) })}</p>`
            : nothing
        }
      </div>`;
  }
}

customElements.define('ri-stale-list', RiStaleList);

declare global {
  interface HTMLElementTagNameMap {
    'ri-stale-list': RiStaleList;
  }
}
