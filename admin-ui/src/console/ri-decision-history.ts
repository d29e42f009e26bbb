import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDate, formatDateTime, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';
import { type OutcomeLabels, outcomeLabel } from './answer-text.ts';

/** A stored decision, as GET /api/v1/decisions/{id} gives it. */
export type Receipt = Schemas['Receipt'];
/** A stored decision as the history lists it: with the office of who asked. */
type Listed = Schemas['ListedReceipt'];

/** How many decisions one page of the history brings. */
const LIMIT = 50;

/**
 * The signed-in user's decisions (GET /api/v1/decisions), newest first, a page at a time ("more" follows the
 * server's cursor): when, question, day, outcome, office and receipt, each with a button that fires
 * `ri-open-decision`. Incomplete attempts (undetermined) are hidden unless asked for; a case reference narrows the
 * list to one case (sent in a header, matched by the server by its keyed hash). Reloads whenever `refresh` changes.
 */
export class RiDecisionHistory extends LocalizedElement {
  static override properties = {
    refresh: { type: Number },
    outcomes: { attribute: false },
    titles: { attribute: false },
    current: { type: String },
    decisions: { state: true },
    next: { state: true },
    incomplete: { state: true },
    caseRef: { state: true },
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
  declare decisions: Listed[] | undefined;
  /** The cursor of the next page; null when the list is complete. */
  declare next: string | null;
  /** Whether incomplete attempts (undetermined) are listed. */
  declare incomplete: boolean;
  /** The case reference the list is narrowed to ('' for all). */
  declare caseRef: string;
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
    this.next = null;
    this.incomplete = false;
    this.caseRef = '';
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
      .filters {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 1.5rem;
        margin-bottom: 0.75rem;
      }
      .filters form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem;
      }
      .filters label {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
      }
      .filters label.toggle {
        flex-direction: row;
        align-items: center;
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
    if (changed.has('refresh') || changed.has('incomplete') || changed.has('caseRef')) void this.#load();
  }

  /** Loads the first page, or with `more` the page after the ones shown. */
  async #load(more = false): Promise<void> {
    const id = ++this.#request;
    const cursor = more ? this.next : null;
    this.loading = true;
    this.error = undefined;
    try {
      const page = await call(
        api.GET('/api/v1/decisions', {
          params: {
            query: { limit: LIMIT, undetermined: this.incomplete ? 'show' : 'hide', ...(cursor ? { cursor } : {}) },
            ...(this.caseRef ? { header: { 'x-case-ref': this.caseRef } } : {}),
          },
        }),
      );
      if (id === this.#request) {
        this.decisions = cursor ? [...(this.decisions ?? []), ...page.decisions] : page.decisions;
        this.next = page.next_cursor;
      }
    } catch (e) {
      if (id === this.#request) this.error = e;
    } finally {
      if (id === this.#request) this.loading = false;
    }
  }

  #open(receipt: Receipt): void {
    this.dispatchEvent(new CustomEvent<Receipt>('ri-open-decision', { detail: receipt, bubbles: true, composed: true }));
  }

  #filter(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.caseRef = String(data.get('case-ref') ?? '').trim();
  }

  #filters(): TemplateResult {
    return html`<div class="filters">
      <form @submit=${(e: SubmitEvent) => this.#filter(e)} role="search" aria-label=${t('console.history.filter.label')}>
        <label
          >${t('console.history.filter.caseRef')}
          <input name="case-ref" maxlength="200" autocomplete="off" .value=${this.caseRef} />
        </label>
        <button type="submit" class="secondary">${t('console.history.filter.apply')}</button>
        ${
          this.caseRef
            ? html`<button type="button" class="secondary" @click=${() => (this.caseRef = '')}>
                ${t('console.history.filter.clear')}
              </button>`
            : nothing
        }
      </form>
      <label class="toggle">
        <input
          type="checkbox"
          .checked=${this.incomplete}
          @change=${(e: Event) => (this.incomplete = (e.target as HTMLInputElement).checked)}
        />
        ${t('console.history.showIncomplete')}
      </label>
    </div>`;
  }

  #row(d: Listed): TemplateResult {
    const current = d.id === this.current;
    return html`<tr class=${current ? 'current' : ''} aria-current=${current ? 'true' : nothing}>
      <td class="when"><time datetime=${d.created_at}>${formatDateTime(d.created_at)}</time></td>
      <td>${this.titles(d.question)}</td>
      <td class="when">${formatDate(d.date)}</td>
      <td>${outcomeLabel(this.outcomes, d.answer.outcome)}</td>
      <td>${d.office ?? t('console.history.noOffice')}</td>
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
    if (!list.length) {
      const empty = this.caseRef ? 'console.history.emptyCase' : 'console.history.empty';
      return html`<p role="status">${t(empty)}</p>`;
    }
    return html`<div class="table-wrap" role="region" aria-labelledby="history-caption" tabindex="0">
        <table>
          <caption id="history-caption">${t('console.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('console.history.col.created')}</th>
              <th scope="col">${t('console.history.col.question')}</th>
              <th scope="col">${t('console.history.col.date')}</th>
              <th scope="col">${t('console.history.col.outcome')}</th>
              <th scope="col">${t('console.history.col.office')}</th>
              <th scope="col">${t('console.history.col.receipt')}</th>
              <th scope="col"><span class="visually-hidden">${t('console.history.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${list.map((d) => this.#row(d))}
          </tbody>
        </table>
      </div>
      <p class="muted" role="status">${t('console.history.shown', { count: formatNumber(list.length) })}</p>
      ${
        this.next
          ? html`<button type="button" class="secondary" ?disabled=${this.loading} @click=${() => void this.#load(true)}>
              ${t('console.history.more')}
            </button>`
          : nothing
      }`;
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="history-title">
      <h2 id="history-title">${t('console.history.title')}</h2>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.#filters()}
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
