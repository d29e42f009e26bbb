import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { formatDate, formatDateTime, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';
import { formatSignedMoney } from './format.ts';

type Summary = Schemas['SimulationSummary'];
type Queue = Schemas['QueueState'];

/**
 * The kept runs, newest first (the caller's own; every run for an admin), a page at a time, each linking to its
 * permanent address, a running one with a button to cancel it; above them the job queue's state and the caller's limit.
 */
export class RiTrialRuns extends LocalizedElement {
  static override properties = {
    runs: { state: true },
    next: { state: true },
    queue: { state: true },
    error: { state: true },
    loaded: { state: true },
  };
  declare runs: Summary[];
  declare next: string | null;
  declare queue: Queue | undefined;
  declare error: unknown;
  declare loaded: boolean;

  constructor() {
    super();
    this.runs = [];
    this.next = null;
    this.queue = undefined;
    this.error = undefined;
    this.loaded = false;
  }

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      .table-wrap {
        overflow-x: auto;
      }
      td.number {
        text-align: right;
        white-space: nowrap;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Reads the first page and the queue again (after a run starts or ends). */
  async refresh(): Promise<void> {
    try {
      const [page, queue] = await Promise.all([
        call(api.GET('/api/v1/simulations', { params: { query: { limit: 10 } } })),
        call(api.GET('/api/v1/simulations/queue')),
      ]);
      this.runs = page.runs;
      this.next = page.next;
      this.queue = queue;
      this.error = undefined;
    } catch (e) {
      this.error = e;
    } finally {
      this.loaded = true;
    }
  }

  async #more(): Promise<void> {
    if (!this.next) return;
    try {
      const page = await call(api.GET('/api/v1/simulations', { params: { query: { limit: 10, before: this.next } } }));
      this.runs = [...this.runs, ...page.runs];
      this.next = page.next;
    } catch (e) {
      this.error = e;
    }
  }

  async #cancel(id: string): Promise<void> {
    try {
      await call(api.DELETE('/api/v1/simulations/{id}', { params: { path: { id } } }));
      await this.refresh();
    } catch (e) {
      this.error = e;
    }
  }

  #cost(run: Summary): string {
    const first = run.yearly_cost_difference ? Object.values(run.yearly_cost_difference)[0] : undefined;
    return first === undefined ? '—' : formatSignedMoney(first);
  }

  override render(): TemplateResult {
    const q = this.queue;
    return html`<h2>${t('trialRuns.listTitle')}</h2>
      <p>${session.current?.role === 'admin' ? t('trialRuns.listIntroAdmin') : t('trialRuns.listIntro')}</p>
      ${
        q
          ? html`<p role="status" class="queue">
            ${t('trialRuns.queue', {
              queued: formatNumber(q.queued),
              running: formatNumber(q.running),
              yours: formatNumber(q.yours),
              limit: formatNumber(q.limit_per_user),
            })}
          </p>`
          : nothing
      }
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.loaded && !this.runs.length ? html`<p>${t('trialRuns.none')}</p>` : nothing}
      ${
        this.runs.length
          ? html`<div class="table-wrap">
            <table>
              <caption>${t('trialRuns.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('trialRuns.col.started')}</th>
                  <th scope="col">${t('trialRuns.col.question')}</th>
                  <th scope="col">${t('trialRuns.col.proposal')}</th>
                  <th scope="col">${t('trialRuns.col.date')}</th>
                  <th scope="col">${t('trialRuns.col.status')}</th>
                  <th scope="col">${t('trialRuns.col.cost')}</th>
                  <th scope="col">${t('trialRuns.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.runs.map(
                  (r) => html`<tr>
                    <td><a href="/trials/${r.id}">${formatDateTime(r.created_at)}</a></td>
                    <td>${r.question_title?.[language()] ?? r.question}</td>
                    <td>${r.proposal_title?.[language()] ?? r.proposal.version}</td>
                    <td>${formatDate(r.date)}</td>
                    <td>${t(`trialRuns.status.${r.status}`)}</td>
                    <td class="number">${this.#cost(r)}</td>
                    <td>
                      ${
                        r.status === 'running'
                          ? html`<button type="button" class="secondary" @click=${() => this.#cancel(r.id)}>
                            ${t('trialRuns.cancel')}
                          </button>`
                          : html`<a href="/trials/${r.id}">${t('trialRuns.open')}</a>`
                      }
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : nothing
      }
      ${
        this.next ? html`<button type="button" class="secondary" @click=${this.#more}>${t('trialRuns.more')}</button>` : nothing
      }`;
  }
}

customElements.define('ri-trial-runs', RiTrialRuns);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-runs': RiTrialRuns;
  }
}
