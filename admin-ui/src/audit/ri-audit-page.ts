import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDateTime, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { navigate } from '../shared/router/navigation.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';
import { actionLabel } from './action-label.ts';
import { type AuditFilters, filtersFromSearch, filtersToQuery, filtersToSearch } from './audit-filters.ts';
import type { ChainStatus } from './ri-chain-status.ts';
import './ri-audit-filters.ts';
import './ri-chain-status.ts';
import { HEAD_CHECK } from './ri-head-check.ts';
import './ri-head-check.ts';
import type { SignInFailures } from './ri-sign-in-failures.ts';
import './ri-sign-in-failures.ts';

type Entry = Schemas['AuditEntry'];
const PAGE_SIZE = 50;

/** `sha256:3e93…` → `3e93a1c0b2d4`, enough to tell entries apart by eye. */
const shortHash = (hash: string) => hash.replace(/^(hmac-)?sha256:/, '').slice(0, 12);

/** The change log (GET /api/v1/audit), newest first, filterable, with the chain's verification on top. */
export class RiAuditPage extends LocalizedElement {
  static override properties = {
    filters: { state: true },
    entries: { state: true },
    actions: { state: true },
    chain: { state: true },
    head: { state: true },
    signIn: { state: true },
    nextBefore: { state: true },
    loading: { state: true },
    error: { state: true },
  };
  declare filters: AuditFilters;
  declare entries: Entry[];
  declare actions: string[];
  declare chain: ChainStatus | undefined;
  /** A head published elsewhere that the chain is checked against ('' for the server's anchor). */
  declare head: string;
  declare signIn: SignInFailures | undefined;
  declare nextBefore: number | null;
  declare loading: boolean;
  declare error: unknown;
  /** Counts requests, so an answer to an older filter never overwrites a newer one. */
  #request = 0;

  constructor() {
    super();
    this.filters = filtersFromSearch(location.search);
    this.entries = [];
    this.actions = [];
    this.chain = undefined;
    this.head = '';
    this.signIn = undefined;
    this.addEventListener(HEAD_CHECK, (e) => {
      this.head = (e as CustomEvent<string>).detail;
      void this.#load(false);
    });
    this.nextBefore = null;
    this.loading = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      td.when {
        white-space: nowrap;
      }
      .subject {
        overflow-wrap: anywhere;
      }
      .more {
        margin-top: 1rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load(false);
  }

  /** Loads the first page for the current filters, or (more) the next older page. */
  async #load(more: boolean): Promise<void> {
    const id = ++this.#request;
    this.loading = true;
    this.error = undefined;
    try {
      const page = await call(
        api.GET('/api/v1/audit', {
          params: {
            query: {
              order: 'desc',
              limit: PAGE_SIZE,
              ...filtersToQuery(this.filters),
              ...(more && this.nextBefore !== null ? { before: this.nextBefore } : {}),
              ...(this.head ? { head: this.head } : {}),
            },
          },
        }),
      );
      if (id !== this.#request) return;
      this.entries = more ? [...this.entries, ...page.entries] : page.entries;
      this.nextBefore = page.next_before;
      this.actions = page.actions;
      this.chain = page.chain;
      this.signIn = page.sign_in;
    } catch (e) {
      if (id === this.#request) this.error = e;
    } finally {
      if (id === this.#request) this.loading = false;
    }
  }

  #onFilters(event: CustomEvent<AuditFilters>): void {
    this.filters = event.detail;
    // The filters live in the address, so the view can be bookmarked; replace, as filtering is not a new page.
    navigate(`${location.pathname}${filtersToSearch(this.filters)}`, { replace: true });
    void this.#load(false);
  }

  #actor(e: Entry): string {
    if (e.actorName) return e.actorName;
    return e.actor === 'system' ? t('audit.system') : e.actor;
  }

  #subject(subject: string): TemplateResult {
    const draft = /^draft:(.+)$/.exec(subject);
    return draft ? html`<a href="/drafts/${encodeURIComponent(draft[1] ?? '')}">${subject}</a>` : html`${subject}`;
  }

  #row(e: Entry): TemplateResult {
    return html`<tr>
      <td class="num">${e.seq}</td>
      <td class="when"><time datetime=${e.at}>${formatDateTime(e.at)}</time></td>
      <td>${this.#actor(e)}</td>
      <td>${actionLabel(e.action)} <code>${e.action}</code></td>
      <td class="subject">${this.#subject(e.subject)}</td>
      <td><code title=${e.hash}>${shortHash(e.hash)}</code></td>
    </tr>`;
  }

  #table(): TemplateResult {
    if (!this.entries.length) return this.loading ? html`` : html`<p role="status">${t('audit.empty')}</p>`;
    return html`<div class="table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table>
          <caption id="audit-caption">${t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('audit.col.seq')}</th>
              <th scope="col">${t('audit.col.at')}</th>
              <th scope="col">${t('audit.col.actor')}</th>
              <th scope="col">${t('audit.col.action')}</th>
              <th scope="col">${t('audit.col.subject')}</th>
              <th scope="col">${t('audit.col.hash')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map((e) => this.#row(e))}
          </tbody>
        </table>
      </div>
      <p class="muted" role="status">${t('audit.shown', { count: formatNumber(this.entries.length) })}</p>`;
  }

  override render(): TemplateResult {
    return html`<h1>${t('audit.title')}</h1>
      <p>${t('audit.intro')}</p>
      <ri-chain-status .chain=${this.chain}></ri-chain-status>
      <ri-head-check .head=${this.head}></ri-head-check>
      <ri-sign-in-failures .failures=${this.signIn}></ri-sign-in-failures>
      <h2>${t('audit.entries')}</h2>
      <ri-audit-filters .filters=${this.filters} .actions=${this.actions} @ri-filters-change=${this.#onFilters}></ri-audit-filters>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.loading ? html`<p role="status">${t('app.loading')}</p>` : nothing}
      ${this.#table()}
      ${
        this.nextBefore !== null
          ? html`<button type="button" class="secondary more" ?disabled=${this.loading} @click=${() => this.#load(true)}>
            ${t('audit.more')}
          </button>`
          : nothing
      }`;
  }
}

customElements.define('ri-audit-page', RiAuditPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-audit-page': RiAuditPage;
  }
}
