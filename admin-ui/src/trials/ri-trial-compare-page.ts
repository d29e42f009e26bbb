import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDate, formatDateTime, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';
import { type ComparedFigure, compareHeadlines, compareTransitions } from './compare.ts';
import { formatSignedMoney } from './format.ts';
import { amountLabel, outcomeLabel } from './labels.ts';
import type { Catalogue, Simulation, TrialResult } from './types.ts';
import './ri-transition-matrix.ts';

/** Two kept runs side by side (/trials/{a}/compare/{b}): headline figures, both change matrices, and B − A. */
export class RiTrialComparePage extends LocalizedElement {
  static override properties = {
    a: { type: String },
    b: { type: String },
    runs: { state: true },
    catalogue: { state: true },
    error: { state: true },
  };
  declare a: string;
  declare b: string;
  declare runs: [Simulation, Simulation] | undefined;
  declare catalogue: Catalogue | undefined;
  declare error: unknown;

  constructor() {
    super();
    this.a = '';
    this.b = '';
    this.runs = undefined;
    this.catalogue = undefined;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      .pair {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1.5rem;
      }
      .table-wrap {
        overflow-x: auto;
      }
      td.number {
        text-align: right;
        white-space: nowrap;
      }
      section {
        margin-top: 1.5rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const get = (id: string) => call(api.GET('/api/v1/simulations/{id}', { params: { path: { id } } }));
      const [a, b, catalogue] = await Promise.all([get(this.a), get(this.b), call(api.GET('/api/v1/catalogue'))]);
      this.catalogue = catalogue;
      this.runs = [a, b];
    } catch (e) {
      this.error = e;
    }
  }

  #name(run: Simulation): string {
    const when = run.created_at ? formatDateTime(run.created_at) : '';
    return `${run.proposal_title?.[language()] ?? run.proposal.version}, ${formatDate(run.date)} (${when})`;
  }

  #figure(f: ComparedFigure, value: number | null, signed: boolean): string {
    if (value === null) return '—';
    if (f.measure === 'monthly' || f.measure === 'yearly') return formatSignedMoney(value);
    return signed && value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
  }

  #measure(f: ComparedFigure): string {
    if (f.measure === 'persons') return t('trialRuns.comparePersons');
    if (f.measure === 'changed') return t('trialRuns.compareChanged');
    const amount = amountLabel(f.amount ?? '');
    return f.measure === 'monthly' ? t('trialRuns.compareMonthly', { amount }) : t('trialRuns.compareYearly', { amount });
  }

  #headline(a: TrialResult, b: TrialResult): TemplateResult {
    return html`<div class="table-wrap">
      <table>
        <caption>${t('trialRuns.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('trialRuns.compareMeasure')}</th>
            <th scope="col">${t('trialRuns.compareA')}</th>
            <th scope="col">${t('trialRuns.compareB')}</th>
            <th scope="col">${t('trialRuns.compareDiff')}</th>
          </tr>
        </thead>
        <tbody>
          ${compareHeadlines(a, b).map(
            (f) => html`<tr>
              <th scope="row">${this.#measure(f)}</th>
              <td class="number">${this.#figure(f, f.a, false)}</td>
              <td class="number">${this.#figure(f, f.b, false)}</td>
              <td class="number">${this.#figure(f, f.diff, true)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #transitions(a: TrialResult, b: TrialResult): TemplateResult {
    const words = (key: string) =>
      key
        .split(' → ')
        .map((o) => outcomeLabel(o, this.catalogue))
        .join(' → ');
    return html`<div class="table-wrap">
      <table>
        <caption>${t('trialRuns.compareMatrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('trialRuns.compareChange')}</th>
            <th scope="col">${t('trialRuns.compareA')}</th>
            <th scope="col">${t('trialRuns.compareB')}</th>
            <th scope="col">${t('trialRuns.compareDiff')}</th>
          </tr>
        </thead>
        <tbody>
          ${compareTransitions(a, b).map(
            (r) => html`<tr>
              <th scope="row">${words(r.key)}</th>
              <td class="number">${formatNumber(r.a)}</td>
              <td class="number">${formatNumber(r.b)}</td>
              <td class="number">${r.diff > 0 ? `+${formatNumber(r.diff)}` : formatNumber(r.diff)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const [a, b] = this.runs ?? [];
    return html`<h1>${t('trialRuns.compareTitle')}</h1>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${!this.runs && !this.error ? html`<p role="status">${t('trialRuns.loading')}</p>` : nothing}
      ${
        a?.result && b?.result
          ? html`<p>${t('trialRuns.compareIntro', { a: this.#name(a), b: this.#name(b) })}</p>
            <p><a href="/trials/${a.id}">${t('trialRuns.compareBack')}</a></p>
            <section aria-labelledby="headline">
              <h2 id="headline">${t('trialRuns.compareHeadline')}</h2>
              ${this.#headline(a.result, b.result)}
            </section>
            <section aria-labelledby="matrices">
              <h2 id="matrices">${t('trialRuns.compareMatrices')}</h2>
              <div class="pair">
                <div>
                  <h3>${t('trialRuns.compareA')}</h3>
                  <ri-transition-matrix
                    .transitions=${a.result.transitions}
                    .catalogue=${this.catalogue}
                    .persons=${a.result.persons}
                  ></ri-transition-matrix>
                </div>
                <div>
                  <h3>${t('trialRuns.compareB')}</h3>
                  <ri-transition-matrix
                    .transitions=${b.result.transitions}
                    .catalogue=${this.catalogue}
                    .persons=${b.result.persons}
                  ></ri-transition-matrix>
                </div>
              </div>
              <h3>${t('trialRuns.compareMatrixDiff')}</h3>
              ${this.#transitions(a.result, b.result)}
            </section>`
          : nothing
      }`;
  }
}

customElements.define('ri-trial-compare-page', RiTrialComparePage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-compare-page': RiTrialComparePage;
  }
}
