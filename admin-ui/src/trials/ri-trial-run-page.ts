import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDate, formatDateTime, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { navigate } from '../shared/router/navigation.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { factLabel } from './labels.ts';
import { pollUntilDone } from './poll.ts';
import type { Catalogue, QuestionSummary, Simulation } from './types.ts';
import './ri-trial-result.ts';

type Summary = Schemas['SimulationSummary'];

/**
 * One kept run at its permanent address (/trials/{id}): its inputs, progress (and a cancel button) while it runs,
 * then its result with the server's exports (CSV for Polish Excel or international, XLSX), a printable report, and a
 * way to set it beside another run.
 */
export class RiTrialRunPage extends LocalizedElement {
  static override properties = {
    runId: { type: String },
    run: { state: true },
    catalogue: { state: true },
    questions: { state: true },
    others: { state: true },
    error: { state: true },
  };
  declare runId: string;
  declare run: Simulation | undefined;
  declare catalogue: Catalogue | undefined;
  declare questions: QuestionSummary[];
  declare others: Summary[];
  declare error: unknown;
  /** Bumped when the page goes or shows another run, so an older poll stops. */
  #generation = 0;

  constructor() {
    super();
    this.runId = '';
    this.run = undefined;
    this.catalogue = undefined;
    this.questions = [];
    this.others = [];
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      dl.inputs {
        display: grid;
        grid-template-columns: minmax(10rem, max-content) 1fr;
        gap: 0.3rem 1rem;
      }
      dl.inputs dt {
        font-weight: 600;
      }
      dl.inputs dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
      }
      a.button {
        display: inline-block;
        padding: 0.5rem 1rem;
        border: 2px solid #0b4f8a;
        color: #0b4f8a;
        text-decoration: none;
        font-weight: 600;
      }
      a.button:focus-visible {
        outline: 3px solid #0b0c0c;
      }
      section {
        margin-top: 1.5rem;
      }
      @media print {
        .no-print {
          display: none;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  override disconnectedCallback(): void {
    this.#generation++;
    super.disconnectedCallback();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('runId') && changed.get('runId') !== undefined) void this.#load();
  }

  async #load(): Promise<void> {
    const generation = ++this.#generation;
    const id = this.runId;
    try {
      const [run, catalogue, questions, list] = await Promise.all([
        call(api.GET('/api/v1/simulations/{id}', { params: { path: { id } } })),
        call(api.GET('/api/v1/catalogue')),
        call(api.GET('/api/v1/questions')),
        call(api.GET('/api/v1/simulations', { params: { query: { limit: 50 } } })),
      ]);
      if (generation !== this.#generation) return;
      this.catalogue = catalogue;
      this.questions = questions.questions;
      this.others = list.runs.filter((r) => r.id !== id && r.status === 'done');
      await pollUntilDone(
        run,
        (runId) => call(api.GET('/api/v1/simulations/{id}', { params: { path: { id: runId } } })),
        (r) => {
          this.run = r;
        },
        () => generation !== this.#generation,
      );
    } catch (e) {
      if (generation === this.#generation) this.error = e;
    }
  }

  async #cancel(): Promise<void> {
    if (!this.run) return;
    try {
      this.run = await call(api.DELETE('/api/v1/simulations/{id}', { params: { path: { id: this.run.id } } }));
    } catch (e) {
      this.error = e;
    }
  }

  #compare(event: SubmitEvent): void {
    event.preventDefault();
    const other = new FormData(event.currentTarget as HTMLFormElement).get('other');
    if (typeof other === 'string' && other) navigate(`/trials/${this.runId}/compare/${other}`);
  }

  #inputs(run: Simulation): TemplateResult {
    const lang = language();
    const question = this.questions.find((q) => q.id === run.question);
    const p = run.inputs?.population;
    return html`<dl class="inputs">
      <dt>${t('trialRuns.inputQuestion')}</dt>
      <dd>${question?.title[lang] ?? run.question}</dd>
      <dt>${t('trialRuns.col.proposal')}</dt>
      <dd>${run.proposal_title?.[lang] ?? run.proposal.version}</dd>
      <dt>${t('trialRuns.inputDate')}</dt>
      <dd>${formatDate(run.date)}</dd>
      ${
        p
          ? html`<dt>${t('trialRuns.inputPopulation')}</dt>
            <dd>
              ${
                'generate' in p
                  ? t('trialRuns.inputGenerated', { size: formatNumber(p.generate.size), seed: p.generate.seed })
                  : t('trialRuns.inputUploaded', { format: p.format.toUpperCase(), hash: p.hash })
              }
            </dd>`
          : nothing
      }
      ${
        run.inputs?.by.length
          ? html`<dt>${t('trialRuns.inputBy')}</dt>
            <dd>${run.inputs.by.map((f) => factLabel(f, this.catalogue)).join(', ')}</dd>`
          : nothing
      }
      ${
        run.created_at
          ? html`<dt>${t('trialRuns.inputStarted')}</dt>
            <dd>${formatDateTime(run.created_at)}</dd>`
          : nothing
      }
      <dt>${t('trialRuns.inputStatus')}</dt>
      <dd>${t(`trialRuns.status.${run.status}`)}</dd>
    </dl>`;
  }

  #compareForm(): TemplateResult {
    const lang = language();
    return html`<section aria-labelledby="compare" class="no-print">
      <h2 id="compare">${t('trialRuns.compare')}</h2>
      ${
        this.others.length
          ? html`<form class="buttons" @submit=${this.#compare}>
            <label for="other">${t('trialRuns.compareWith')}</label>
            <select id="other" name="other">
              ${this.others.map(
                (r) =>
                  html`<option value=${r.id}>
                    ${formatDateTime(r.created_at)} · ${r.proposal_title?.[lang] ?? r.proposal.version} · ${formatDate(r.date)}
                  </option>`,
              )}
            </select>
            <button type="submit">${t('trialRuns.compareGo')}</button>
          </form>`
          : html`<p>${t('trialRuns.compareNone')}</p>`
      }
    </section>`;
  }

  override render(): TemplateResult {
    const run = this.run;
    const lang = language();
    if (!run)
      return html`<h1>${t('trials.title')}</h1>
        ${
          this.error
            ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>`
            : html`<p role="status">${t('trialRuns.loading')}</p>`
        }`;
    const question = this.questions.find((q) => q.id === run.question);
    const proposalTitle = run.proposal_title?.[lang] ?? run.proposal.version;
    return html`<h1>${t('trialRuns.pageTitle', { date: run.created_at ? formatDateTime(run.created_at) : formatDate(run.date) })}</h1>
      <p>${t('trialRuns.address')} <code>${location.origin}/trials/${run.id}</code></p>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      <section aria-labelledby="inputs">
        <h2 id="inputs">${t('trialRuns.inputs')}</h2>
        ${this.#inputs(run)}
      </section>
      ${
        run.status === 'running'
          ? html`<p role="status">${t('trialRuns.running', { processed: formatNumber(run.processed) })}</p>
            <button type="button" class="secondary no-print" @click=${this.#cancel}>${t('trialRuns.cancel')}</button>`
          : nothing
      }
      ${run.status === 'failed' ? html`<p class="alert" role="alert">${t('trialRuns.failed', { message: run.error ?? '' })}</p>` : nothing}
      ${run.result ? this.#compareForm() : nothing}
      ${
        run.result
          ? html`<section>
            <ri-trial-result
              .result=${run.result}
              runId=${run.id}
              .catalogue=${this.catalogue}
              .questionTitle=${question?.title[lang] ?? run.question}
              .proposalTitle=${proposalTitle}
            ></ri-trial-result>
          </section>`
          : nothing
      }`;
  }
}

customElements.define('ri-trial-run-page', RiTrialRunPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-run-page': RiTrialRunPage;
  }
}
