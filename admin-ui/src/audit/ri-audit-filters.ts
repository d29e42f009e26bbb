import { css, html, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { actionLabel } from './action-label.ts';
import { type AuditFilters, actionKinds, NO_FILTERS } from './audit-filters.ts';

/** Fired with the new {@link AuditFilters} as detail when the user applies or clears the filters. */
export const FILTERS_EVENT = 'ri-filters-change';

/** The audit log's filter form: action or kind of action, who, and a range of days. */
export class RiAuditFilters extends LocalizedElement {
  static override properties = { filters: { attribute: false }, actions: { attribute: false } };
  declare filters: AuditFilters;
  /** Every action the log holds (from the server), offered as choices. */
  declare actions: string[];

  constructor() {
    super();
    this.filters = NO_FILTERS;
    this.actions = [];
  }

  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem 1rem;
        margin: 0 0 1rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .fields {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 1.5rem;
        align-items: flex-end;
      }
      .buttons {
        display: flex;
        gap: 0.75rem;
      }
    `,
  ];

  #emit(filters: AuditFilters): void {
    this.dispatchEvent(new CustomEvent<AuditFilters>(FILTERS_EVENT, { detail: filters, bubbles: true, composed: true }));
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const read = (k: keyof AuditFilters) => String(data.get(k) ?? '').trim();
    this.#emit({ action: read('action'), actor: read('actor'), from: read('from'), to: read('to') });
  }

  #clear(): void {
    this.renderRoot.querySelector('form')?.reset();
    this.#emit(NO_FILTERS);
  }

  override render(): TemplateResult {
    const f = this.filters;
    const kinds = actionKinds(this.actions);
    // The chosen action stays a choice even before the server's list arrives.
    const actions =
      f.action && !this.actions.includes(f.action) && !kinds.includes(f.action) ? [f.action, ...this.actions] : this.actions;
    return html`<form @submit=${this.#submit}>
      <fieldset>
        <legend>${t('audit.filters')}</legend>
        <div class="fields">
          <div>
            <label for="action">${t('audit.filter.action')}</label>
            <select id="action" name="action">
              <option value="" ?selected=${!f.action}>${t('audit.filter.anyAction')}</option>
              ${kinds.map((k) => html`<option value=${k} ?selected=${f.action === k}>${t('audit.filter.kind', { kind: k })}</option>`)}
              ${actions.map((a) => html`<option value=${a} ?selected=${f.action === a}>${actionLabel(a)} (${a})</option>`)}
            </select>
          </div>
          <div>
            <label for="actor">${t('audit.filter.actor')}</label>
            <input id="actor" name="actor" .value=${f.actor} autocomplete="off" />
          </div>
          <div>
            <label for="from">${t('audit.filter.from')}</label>
            <input id="from" name="from" type="date" .value=${f.from} />
          </div>
          <div>
            <label for="to">${t('audit.filter.to')}</label>
            <input id="to" name="to" type="date" .value=${f.to} />
          </div>
          <div class="buttons">
            <button type="submit">${t('audit.filter.apply')}</button>
            <button type="button" class="secondary" @click=${this.#clear}>${t('audit.filter.clear')}</button>
          </div>
        </div>
      </fieldset>
    </form>`;
  }
}

customElements.define('ri-audit-filters', RiAuditFilters);

declare global {
  interface HTMLElementTagNameMap {
    'ri-audit-filters': RiAuditFilters;
  }
}
