import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { chartBins, dataBins } from './bins.ts';
import { formatBytes, formatSignedMoney } from './format.ts';
import { amountLabel } from './labels.ts';
import type { Catalogue, TrialResult } from './types.ts';
import './ri-histogram-chart.ts';
import './ri-transition-matrix.ts';
import './ri-trial-breakdown.ts';
import './ri-trial-examples.ts';
import './ri-trial-export.ts';
import './ri-trial-headline.ts';
import './ri-trial-regions.ts';
import './ri-trial-weighted.ts';
import './ri-trial-window.ts';

/** A finished run, PolicyEngine-style: headline figures first, then the matrix, the chart, the breakdowns and examples. */
export class RiTrialResult extends LocalizedElement {
  static override properties = {
    result: { attribute: false },
    catalogue: { attribute: false },
    questionTitle: { type: String },
    proposalTitle: { type: String },
    facts: { attribute: false },
    runId: { type: String },
  };
  declare result: TrialResult | undefined;
  declare catalogue: Catalogue | undefined;
  /** The question's title in the UI's language. */
  declare questionTitle: string;
  /** The proposal's title in the UI's language, or its name. */
  declare proposalTitle: string;
  /** The facts the two versions read, shown first for each example person. */
  declare facts: string[];
  /** The kept run's id, for the server's exports. */
  declare runId: string;

  constructor() {
    super();
    this.result = undefined;
    this.catalogue = undefined;
    this.questionTitle = '';
    this.proposalTitle = '';
    this.facts = [];
    this.runId = '';
  }

  static override styles = [
    sharedStyles,
    css`
      h2:focus {
        outline: none;
      }
      h2:focus-visible {
        outline: 3px solid #0b0c0c;
      }
      section {
        margin-top: 2rem;
      }
      .warning {
        border-left: 6px solid #8a5300;
        background: #fff7e6;
        padding: 0.75rem 1rem;
        margin: 1rem 0;
      }
      dl.run {
        display: grid;
        grid-template-columns: minmax(10rem, max-content) 1fr;
        gap: 0.3rem 1rem;
      }
      dl.run dt {
        font-weight: 600;
      }
      dl.run dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      pre {
        white-space: pre-wrap;
        background: #f3f7fa;
        border: 1px solid #d5e0ea;
        padding: 0.75rem;
        max-height: 24rem;
        overflow: auto;
        font-size: 0.85rem;
      }
      @media print {
        .no-print {
          display: none;
        }
      }
      summary {
        cursor: pointer;
        color: #0b4f8a;
        font-weight: 600;
      }
    `,
  ];

  /** Moves focus to the result's heading, so keyboard and screen-reader users land on what just arrived. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #population(r: TrialResult): TemplateResult {
    const p = r.population;
    if (!p) return html``;
    return p.source === 'generated'
      ? html`<dt>${t('trials.result.population')}</dt>
          <dd>
            ${t('trials.result.generated', { size: formatNumber(p.size), seed: p.seed, date: formatDate(p.date) })}
            <details>
              <summary>${t('trials.result.assumptions')}</summary>
              <p>${t('trials.result.command')}</p>
              <pre><code>${p.command}</code></pre>
              <pre lang="en">${p.assumptions}</pre>
            </details>
          </dd>
          <dt>${t('trials.result.populationHash')}</dt>
          <dd><code>${p.hash}</code></dd>`
      : html`<dt>${t('trials.result.population')}</dt>
          <dd>${t('trials.result.uploaded', { format: p.format.toUpperCase(), size: formatBytes(p.bytes) })}</dd>
          <dt>${t('trials.result.populationHash')}</dt>
          <dd><code>${p.hash}</code></dd>`;
  }

  #errors(r: TrialResult): TemplateResult {
    if (!r.errors.count) return html``;
    return html`<div class="warning">
      <p><strong>${t('trials.result.badRows', { count: formatNumber(r.errors.count) })}</strong></p>
      <ul>
        ${r.errors.first.map((e) => html`<li>${t('trials.result.badRow', { line: formatNumber(e.line) })} <span lang="en">${e.reason}</span></li>`)}
      </ul>
      ${r.errors.count > r.errors.first.length ? html`<p>${t('trials.result.moreBadRows')}</p>` : nothing}
    </div>`;
  }

  #money(r: TrialResult): TemplateResult[] {
    return Object.entries(r.money).map(
      ([amount, m]) => html`<section aria-labelledby="money-${amount}">
        <h3 id="money-${amount}">${t('trials.result.distribution', { amount: amountLabel(amount) })}</h3>
        <ri-histogram-chart
          .bins=${m.fd_histogram?.bins.length ? dataBins(m.fd_histogram) : chartBins(m.histogram)}
          heading=${t('trials.chart.title', { amount: amountLabel(amount) })}
        ></ri-histogram-chart>
        ${
          m.fd_histogram?.bins.length
            ? html`<p class="muted">${t('trials.chart.fdNote', { width: formatSignedMoney(m.fd_histogram.width).replace('+', '') })}</p>`
            : nothing
        }
        <p>
          ${t('trials.result.sums', {
            gain: formatSignedMoney(m.gain_sum),
            loss: formatSignedMoney(m.loss_sum),
            total: formatSignedMoney(m.total_delta),
          })}
        </p>
      </section>`,
    );
  }

  override render(): TemplateResult {
    const r = this.result;
    if (!r) return html``;
    const amount = Object.keys(r.money)[0] ?? '';
    return html`<h2 tabindex="-1">${t('trials.result.title')}</h2>
      <p>
        ${t('trials.result.intro', {
          question: this.questionTitle,
          proposal: this.proposalTitle,
          date: formatDate(r.date),
          persons: formatNumber(r.persons),
        })}
      </p>
      ${this.#errors(r)}
      <section aria-labelledby="glance">
        <h3 id="glance">${t('trials.result.glance')}</h3>
        <ri-trial-headline .result=${r}></ri-trial-headline>
      </section>
      ${
        r.weighted
          ? html`<section aria-labelledby="weighted">
              <h3 id="weighted">${t('trials.weighted.title')}</h3>
              <ri-trial-weighted .result=${r}></ri-trial-weighted>
            </section>`
          : nothing
      }
      ${
        r.budget_window
          ? html`<section aria-labelledby="window">
              <h3 id="window">${t('trials.window.title')}</h3>
              <ri-trial-window .result=${r}></ri-trial-window>
            </section>`
          : nothing
      }
      ${
        r.regions?.length
          ? html`<section aria-labelledby="regions">
              <h3 id="regions">${t('trials.regions.title')}</h3>
              <ri-trial-regions .result=${r}></ri-trial-regions>
            </section>`
          : nothing
      }
      <section aria-labelledby="matrix">
        <h3 id="matrix">${t('trials.result.matrix')}</h3>
        <ri-transition-matrix .transitions=${r.transitions} .catalogue=${this.catalogue} .persons=${r.persons}></ri-transition-matrix>
      </section>
      ${this.#money(r)}
      <section aria-labelledby="breakdowns">
        <h3 id="breakdowns">${t('trials.result.breakdowns')}</h3>
        <ri-trial-breakdown
          .breakdowns=${r.breakdowns}
          .catalogue=${this.catalogue}
          amount=${amount}
          .monthsPerYear=${r.assumptions.months_per_year}
        ></ri-trial-breakdown>
      </section>
      <section aria-labelledby="examples">
        <h3 id="examples">${t('trials.result.examples')}</h3>
        <p>${t('trials.result.examplesIntro')}</p>
        <ri-trial-examples .examples=${r.examples} .catalogue=${this.catalogue} .facts=${this.facts}></ri-trial-examples>
      </section>
      <section aria-labelledby="export" class="no-print">
        <h3 id="export">${t('trials.result.export')}</h3>
        <ri-trial-export .result=${r} runId=${this.runId}></ri-trial-export>
      </section>
      <section aria-labelledby="reproduce">
        <h3 id="reproduce">${t('trials.result.reproduce')}</h3>
        <dl class="run">
          <dt>${t('trials.result.baseline')}</dt>
          <dd>
            ${r.baseline.version ? html`${r.baseline.version} <code>${r.baseline.hash}</code>` : t('trials.result.noBaseline')}
          </dd>
          <dt>${t('trials.result.proposal')}</dt>
          <dd>${r.proposal.version} <code>${r.proposal.hash}</code></dd>
          ${this.#population(r)}
          <dt>${t('trials.result.monthsPerYear')}</dt>
          <dd>${formatNumber(r.assumptions.months_per_year)}</dd>
        </dl>
      </section>`;
  }
}

customElements.define('ri-trial-result', RiTrialResult);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-result': RiTrialResult;
  }
}
