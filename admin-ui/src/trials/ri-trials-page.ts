import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiError, api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatBytes } from './format.ts';
import { pollUntilDone } from './poll.ts';
import { jsonBytes } from './population-file.ts';
import type { RiTrialForm } from './ri-trial-form.ts';
import type { TrialStatus } from './ri-trial-progress.ts';
import type { RiTrialResult } from './ri-trial-result.ts';
import type { Catalogue, PopulationFile, QuestionSummary, Simulation, TrialLimits, TrialStart } from './types.ts';
import './ri-trial-form.ts';
import './ri-trial-progress.ts';
import './ri-trial-result.ts';
import './ri-trial-runs.ts';
import './ri-quick-reform.ts';
import type { RiTrialRuns } from './ri-trial-runs.ts';

/**
 * Amendment trials for analysts (/trials): choose a question, baseline, proposal and population, run the
 * proposal over the population as a server job with a progress bar, and read the impact at a glance.
 */
export class RiTrialsPage extends LocalizedElement {
  static override properties = {
    questions: { state: true },
    catalogue: { state: true },
    limits: { state: true },
    loadError: { state: true },
    status: { state: true },
    processed: { state: true },
    total: { state: true },
    run: { state: true },
    runError: { state: true },
    facts: { state: true },
    proposalName: { state: true },
    questionId: { state: true },
    runId: { state: true },
  };
  declare questions: QuestionSummary[];
  declare catalogue: Catalogue | undefined;
  declare limits: TrialLimits | undefined;
  declare loadError: unknown;
  /** The current run's state; undefined before the first run. */
  declare status: TrialStatus | undefined;
  declare processed: number;
  declare total: number;
  declare run: Simulation | undefined;
  /** Why the run could not start or failed, in the catalogue's words (a function, so a language switch re-words it). */
  declare runError: (() => string) | undefined;
  /** The facts and the proposal's title as the form had them when the run started, for the result. */
  declare facts: string[];
  declare proposalName: { title: { pl: string; en: string } | undefined; name: string };
  declare questionId: string;
  /** The id of the run started last, for its permanent address and its cancel button. */
  declare runId: string;
  /** Counts runs, so a poll of an older run never updates a newer one (and stops when the page goes). */
  #runs = 0;

  constructor() {
    super();
    this.questions = [];
    this.catalogue = undefined;
    this.limits = undefined;
    this.loadError = undefined;
    this.status = undefined;
    this.processed = 0;
    this.total = 0;
    this.run = undefined;
    this.runError = undefined;
    this.facts = [];
    this.proposalName = { title: undefined, name: '' };
    this.questionId = '';
    this.runId = '';
  }

  static override styles = [
    sharedStyles,
    css`
      .more {
        margin-top: 2.5rem;
        border-top: 1px solid #b7cde0;
      }
      .result {
        margin-top: 2rem;
        border-top: 3px solid #0b4f8a;
        padding-top: 0.5rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  override disconnectedCallback(): void {
    // A new number makes any poll still waiting stop at its next turn.
    this.#runs++;
    super.disconnectedCallback();
  }

  async #load(): Promise<void> {
    try {
      const [questions, catalogue, limits] = await Promise.all([
        call(api.GET('/api/v1/questions')),
        call(api.GET('/api/v1/catalogue')),
        call(api.GET('/api/v1/simulations/limits')),
      ]);
      this.questions = questions.questions;
      this.catalogue = catalogue;
      this.limits = limits;
    } catch (e) {
      this.loadError = e;
    }
  }

  async #start(event: CustomEvent<TrialStart>): Promise<void> {
    const id = ++this.#runs;
    const { request, rows } = event.detail;
    const form = event.currentTarget as RiTrialForm;
    this.facts = form.facts;
    this.proposalName = { title: form.proposalTitle, name: request.proposal };
    this.questionId = request.question;
    this.run = undefined;
    this.runError = undefined;
    this.processed = 0;
    this.total = rows;
    const limit = this.limits?.body_limit_bytes;
    const bytes = jsonBytes(request);
    // The file alone was checked when chosen; JSON escaping can still push the whole body over the limit.
    if (limit !== undefined && bytes > limit) {
      this.status = undefined;
      this.runError = () => t('trials.population.tooLargeBody', { size: formatBytes(bytes), limit: formatBytes(limit) });
      return;
    }
    this.status = 'starting';
    try {
      const file = event.detail.file;
      const body = file ? { ...request, population: { upload: (await this.#upload(file)).upload } } : request;
      const started = await call(api.POST('/api/v1/simulations', { body }));
      this.runId = started.id;
      void this.#runList()?.refresh();
      const last = await pollUntilDone(
        started,
        (simId) => call(api.GET('/api/v1/simulations/{id}', { params: { path: { id: simId } } })),
        (run) => {
          this.status = run.status;
          this.processed = run.processed;
        },
        () => id !== this.#runs,
      );
      if (!last) return;
      void this.#runList()?.refresh();
      if (last.status === 'failed') {
        this.runError = () => t('trials.failed', { message: last.error ?? '' });
        return;
      }
      this.run = last;
      await this.updateComplete;
      this.renderRoot.querySelector<RiTrialResult>('ri-trial-result')?.focusHeading();
    } catch (e) {
      if (id !== this.#runs) return;
      this.status = this.status === 'starting' ? undefined : 'failed';
      this.runError = () => (e instanceof ApiError ? errorMessage(e) : t('trials.failed', { message: String(e) }));
    }
  }

  #runList(): RiTrialRuns | null {
    return this.renderRoot.querySelector<RiTrialRuns>('ri-trial-runs');
  }

  /** Streams a population file to the server (the browser sends it from the disk, never whole in memory). */
  #upload(file: PopulationFile) {
    return call(
      api.POST('/api/v1/simulations/uploads', {
        body: file.blob as unknown as string,
        bodySerializer: (b: unknown) => b as string,
        headers: { 'content-type': file.format === 'csv' ? 'text/csv' : 'application/x-ndjson' },
      }),
    );
  }

  async #cancel(): Promise<void> {
    try {
      await call(api.DELETE('/api/v1/simulations/{id}', { params: { path: { id: this.runId } } }));
    } catch (e) {
      this.runError = () => errorMessage(e);
    }
  }

  override render(): TemplateResult {
    const question = this.questions.find((q) => q.id === this.questionId);
    const busy = this.status === 'starting' || this.status === 'running';
    const lang = language();
    return html`<h1>${t('trials.title')}</h1>
      <p>${t('trials.intro')}</p>
      ${this.loadError ? html`<p class="alert" role="alert">${errorMessage(this.loadError)}</p>` : nothing}
      ${!this.questions.length && !this.loadError ? html`<p role="status">${t('app.loading')}</p>` : nothing}
      <ri-trial-form
        .questions=${this.questions}
        .catalogue=${this.catalogue}
        .limits=${this.limits}
        ?busy=${busy}
        @ri-trial-start=${this.#start}
      ></ri-trial-form>
      ${
        this.status
          ? html`<ri-trial-progress status=${this.status} .processed=${this.processed} .total=${this.total}></ri-trial-progress>`
          : nothing
      }
      ${
        this.status === 'running' && this.runId
          ? html`<button type="button" class="secondary" @click=${this.#cancel}>${t('trialRuns.cancel')}</button>`
          : nothing
      }
      ${this.runError ? html`<p class="alert" role="alert">${this.runError()}</p>` : nothing}
      ${
        this.run?.result
          ? html`<div class="result">
            <p>${t('trialRuns.address')} <a href="/trials/${this.run.id}">${location.origin}/trials/${this.run.id}</a></p>
            <ri-trial-result
              .result=${this.run.result}
              runId=${this.run.id}
              .catalogue=${this.catalogue}
              .facts=${this.facts}
              .questionTitle=${question?.title[lang] ?? this.questionId}
              .proposalTitle=${this.proposalName.title?.[lang] ?? this.proposalName.name}
            ></ri-trial-result>
          </div>`
          : nothing
      }
      <section class="more">
        <ri-quick-reform .questions=${this.questions}></ri-quick-reform>
      </section>
      <section class="more">
        <ri-trial-runs></ri-trial-runs>
      </section>`;
  }
}

customElements.define('ri-trials-page', RiTrialsPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trials-page': RiTrialsPage;
  }
}
