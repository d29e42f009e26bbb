import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDate, formatDateTime, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';
import { type OutcomeLabels, outcomeLabel } from './answer-text.ts';

/** A stored decision, as GET /api/v1/decisions lists it. */
export type Receipt = Schemas['Receipt'];

/** How many of the user's decisions the history shows. */
const LIMIT = 50;

/**
 * The signed-in user's decisions (GET /api/v1/decisions), newest first: when, question, day, outcome and
 * receipt, each with a button that fires `ri-open-decision`. Reloads whenever `refresh` changes.
 */
export class RiDecisionHistory extends LocalizedElement {
  static override properties = {
    refresh: { type: Number },
    outcomes: { attribute: false },
    titles: { attribute: false },
    current: { type: String },
    decisions: { state: true },
    loading: { state: true },
    error: { state: true },
  };
  /** Bump to reload (after a decision or a replay). */
  declare refresh: number;
  declare outcomes: OutcomeLabels;
  /** Question titles in the UI's language, by question id. */
  declare titles: (question: string) => string;
  /** The receipt open in the console, marked in the table. */
  declare current: string;
  declare decisions: Receipt[] | undefined;
  declare loading: boolean;
  declare error: unknown;
  #request = 0;

  constructor() {
    super();
    this.refresh = 0;
    this.outcomes = {};
    this.titles = (q) => q;
    this.current = '';
    this.decisions = undefined;
    this.loading = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      .table-wrap {
        overflow-x: auto;
        border: 1px solid #b7cde0;
        background: #ffffff;
      }
      tr.current {
        background: #fff7bf;
      }
      td.when {
        white-space: nowrap;
      }
      code {
        overflow-wrap: anywhere;
      }
      button {
        font-size: 0.9rem;
        padding: 0.2rem 0.75rem;
      }
      .replay-of {
        display: block;
        font-size: 0.85rem;
        color: #4a5257;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('refresh')) void this.#load();
  }

  async #load(): Promise<void> {
    const id = ++this.#request;
    this.loading = true;
    this.error = undefined;
    try {
      const { decisions } = await call(api.GET('/api/v1/decisions', { params: { query: { limit: LIMIT } } }));
      if (id === this.#request) this.decisions = decisions;
    } catch (e) {
      if (id === this.#request) this.error = e;
    } finally {
      if (id === this.#request) this.loading = false;
    }
  }

  #open(receipt: Receipt): void {
    this.dispatchEvent(new CustomEvent<Receipt>('ri-open-decision', { detail: receipt, bubbles: true, composed: true }));
  }

  #row(d: Receipt): TemplateResult {
    const current = d.id === this.current;
    return html`<tr class=${current ? 'current' : ''} aria-current=${current ? 'true' : nothing}>
      <td class="when"><time datetime=${d.created_at}>${formatDateTime(d.created_at)}</time></td>
      <td>${this.titles(d.question)}</td>
      <td class="when">${formatDate(d.date)}</td>
      <td>${outcomeLabel(this.outcomes, d.answer.outcome)}</td>
      <td>
        <code>${d.id}</code>
        ${d.replay_of ? html`<span class="replay-of">${t('console.history.replayOf', { id: d.replay_of })}</span>` : nothing}
      </td>
      <td>
        <button type="button" class="secondary" @click=${() => this.#open(d)}>
          ${t('console.history.open')}<span class="visually-hidden"> ${t('console.history.openWhich', { id: d.id })}</span>
        </button>
      </td>
    </tr>`;
  }

  #table(): TemplateResult | typeof nothing {
    const list = this.decisions;
    if (!list) return nothing;
    if (!list.length) return html`<p>${t('console.history.empty')}</p>`;
    return html`<div class="table-wrap" role="region" aria-labelledby="history-caption" tabindex="0">
        <table>
          <caption id="history-caption">${t('console.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('console.history.col.created')}</th>
              <th scope="col">${t('console.history.col.question')}</th>
              <th scope="col">${t('console.history.col.date')}</th>
              <th scope="col">${t('console.history.col.outcome')}</th>
              <th scope="col">${t('console.history.col.receipt')}</th>
              <th scope="col"><span class="visually-hidden">${t('console.history.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${list.map((d) => this.#row(d))}
          </tbody>
        </table>
      </div>
      <p class="muted">${t('console.history.shown', { count: formatNumber(list.length), limit: formatNumber(LIMIT) })}</p>`;
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="history-title">
      <h2 id="history-title">${t('console.history.title')}</h2>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.loading && !this.decisions ? html`<p role="status">${t('app.loading')}</p>` : nothing}
      ${this.#table()}
    </section>`;
  }
}

customElements.define('ri-decision-history', RiDecisionHistory);

declare global {
  interface HTMLElementTagNameMap {
    'ri-decision-history': RiDecisionHistory;
  }
}
