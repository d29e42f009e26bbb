import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiError, api, call, type Schemas } from '../api/client.ts';
import type { OutcomeLabels } from '../console/answer-text.ts';
import { factLabel } from '../console/fact-display.ts';
import { type FactDefinitions, type FormState, factsFromState, fieldValueOf, formStateFor } from '../console/fact-form-state.ts';
import { local } from '../console/local-text.ts';
import { isIsoDay, todayIso } from '../console/today.ts';
import { readVersionDocument, versionOn } from '../console/version-on.ts';
import type { Counterfactual } from '../console/what-if-text.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { t } from '../i18n/messages.ts';
import { NAVIGATE_EVENT } from '../router/navigation.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { sharedStyles } from '../styles/shared.ts';
import type { ReceiptedAnswer, RiAnswerCard } from './ri-answer-card.ts';
import type { AskedRequest } from './ri-answer-what-if.ts';
import type { Receipt } from './ri-decision-history.ts';
import type { FactChange, RiFactForm } from './ri-fact-form.ts';
import './ri-answer-card.ts';
import './ri-answer-what-if.ts';
import './ri-console-print.ts';
import './ri-console-version.ts';
import './ri-decision-history.ts';
import './ri-decision-replay.ts';
import './ri-fact-form.ts';

type QuestionSummary = Schemas['QuestionSummary'];
type VersionDetail = Schemas['VersionDetail'];

/** Answers with nothing a single fact could change: no what-if for them. */
const NOTHING_TO_VARY = new Set(['undetermined', 'not_in_force']);

/** The question and day in the address (`/console?question=cis-benefit&date=2025-10-15`), the day defaulting to today. */
function readAddress(): { question: string; date: string } {
  const params = new URLSearchParams(location.search);
  const date = params.get('date') ?? '';
  return { question: params.get('question') ?? '', date: isIsoDay(date) ? date : todayIso() };
}

/** The fact an API refusal names (`details.field` = `facts.sick_days`, or the first of a validation's list). */
function refusedFact(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const d = error.details;
  const first = Array.isArray(d) ? d[0] : d;
  const field = typeof first === 'object' && first !== null && 'field' in first ? String(first.field) : '';
  return /^facts\.([a-z][a-z0-9_]*)/.exec(field)?.[1];
}

/**
 * The caseworker's console (/console): pick a question and a day, fill in the facts the version in force
 * reads, and get the answer with its reasons, amounts, articles and receipt; what would change it; a print
 * view for the case file; the history of the user's decisions, each of which can be opened and replayed
 * under the rules now in force.
 */
export class RiConsolePage extends LocalizedElement {
  static override properties = {
    questions: { state: true },
    catalogue: { state: true },
    question: { state: true },
    date: { state: true },
    detail: { state: true },
    values: { state: true },
    answer: { state: true },
    asked: { state: true },
    opened: { state: true },
    busy: { state: true },
    error: { state: true },
    loadError: { state: true },
    historyRefresh: { state: true },
  };
  declare questions: QuestionSummary[] | undefined;
  declare catalogue: Schemas['Catalogue'] | undefined;
  declare question: string;
  declare date: string;
  /** The version in force on the date, once loaded; undefined before the first version. */
  declare detail: VersionDetail | undefined;
  declare values: FormState;
  declare answer: ReceiptedAnswer | undefined;
  /** The request the answer was given for (the form may have changed since). */
  declare asked: AskedRequest | undefined;
  /** The receipt opened from the history, which can be replayed; empty for a fresh answer. */
  declare opened: string;
  declare busy: boolean;
  declare error: unknown;
  declare loadError: unknown;
  declare historyRefresh: number;
  /** Counts version loads, so a slow answer for an earlier choice never replaces a later one. */
  #versionRequest = 0;
  readonly #versions = new Map<string, VersionDetail>();
  readonly #onAddress = () => {
    if (location.pathname !== '/console') return;
    const { question, date } = readAddress();
    if (question !== this.question || date !== this.date) void this.#choose(question, date);
  };

  constructor() {
    super();
    const { question, date } = readAddress();
    this.questions = undefined;
    this.catalogue = undefined;
    this.question = question;
    this.date = date;
    this.detail = undefined;
    this.values = {};
    this.answer = undefined;
    this.asked = undefined;
    this.opened = '';
    this.busy = false;
    this.error = undefined;
    this.loadError = undefined;
    this.historyRefresh = 0;
  }

  static override styles = [
    sharedStyles,
    css`
      .picker {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 2rem;
        border: 1px solid #b7cde0;
        border-radius: 6px;
        background: #ffffff;
        padding: 0.75rem 1.25rem 1rem;
        margin: 0 0 1rem;
      }
      .picker legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .picker .field {
        flex: 1 1 16rem;
      }
      .picker select {
        width: 100%;
      }
      .help {
        margin: 0 0 0.4rem;
        color: #4a5257;
        font-size: 0.95rem;
      }
      .workspace {
        display: grid;
        gap: 1.5rem 2.5rem;
        align-items: start;
      }
      @media (min-width: 64rem) {
        .workspace {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr);
        }
      }
      .placeholder {
        border: 2px dashed #b7cde0;
        border-radius: 6px;
        padding: 1rem 1.25rem;
        color: #4a5257;
      }
      .answer-tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin: 0.75rem 0 1.5rem;
      }
      ri-decision-history {
        margin-top: 2rem;
      }
      @media print {
        .page-title,
        .intro,
        .picker,
        ri-console-version,
        .form-col,
        .placeholder,
        .answer-tools,
        .alert {
          display: none;
        }
        .workspace {
          display: block;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onAddress);
    window.addEventListener(NAVIGATE_EVENT, this.#onAddress);
    void this.#start();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onAddress);
    window.removeEventListener(NAVIGATE_EVENT, this.#onAddress);
    super.disconnectedCallback();
  }

  /** Loads the questions and the facts catalogue, then the version for the question and day in the address. */
  async #start(): Promise<void> {
    try {
      const [{ questions }, catalogue] = await Promise.all([
        call(api.GET('/api/v1/questions')),
        call(api.GET('/api/v1/catalogue')),
      ]);
      this.questions = questions;
      this.catalogue = catalogue;
      if (this.question && !questions.some((q) => q.id === this.question)) this.question = '';
      await this.#loadVersion();
    } catch (e) {
      this.loadError = e;
    }
  }

  get #definitions(): FactDefinitions {
    return this.catalogue?.facts ?? {};
  }

  get #outcomes(): OutcomeLabels {
    return this.catalogue?.outcomes ?? {};
  }

  get #summary(): QuestionSummary | undefined {
    return this.questions?.find((q) => q.id === this.question);
  }

  /** The facts the version in force reads; none before the first version or after a repeal. */
  get #facts(): string[] {
    return this.detail ? readVersionDocument(this.detail.document).facts : [];
  }

  readonly #title = (id: string): string => local(this.questions?.find((q) => q.id === id)?.title) || id;

  /** Chooses a question and a day: the address follows, the answer for another choice goes. */
  async #choose(question: string, date: string, facts?: Record<string, unknown>): Promise<void> {
    this.question = question;
    this.date = date;
    this.answer = undefined;
    this.asked = undefined;
    this.opened = '';
    this.error = undefined;
    // The address keeps the choice for a reload or a bookmark; replaceState, as the shell need not re-route.
    const search = question ? `?${new URLSearchParams({ question, date })}` : '';
    if (location.pathname === '/console' && location.search !== search) history.replaceState(null, '', `/console${search}`);
    await this.#loadVersion(facts);
  }

  /** Loads the version in force for the question on the day, and builds the form's values for its facts. */
  async #loadVersion(facts?: Record<string, unknown>): Promise<void> {
    const id = ++this.#versionRequest;
    const version = this.#summary ? versionOn(this.#summary.versions, this.date) : undefined;
    let detail: VersionDetail | undefined;
    if (version && this.#summary) {
      const key = `${this.#summary.id}/${version.version}`;
      try {
        detail =
          this.#versions.get(key) ??
          (await call(
            api.GET('/api/v1/questions/{question}/versions/{version}', {
              params: { path: { question: this.#summary.id, version: version.version } },
            }),
          ));
        this.#versions.set(key, detail);
      } catch (e) {
        if (id === this.#versionRequest) this.loadError = e;
        return;
      }
    }
    if (id !== this.#versionRequest) return;
    this.loadError = undefined;
    this.detail = detail;
    this.values = formStateFor(this.#definitions, this.#facts, facts, this.values);
  }

  #onQuestion(e: Event): void {
    void this.#choose((e.target as HTMLSelectElement).value, this.date);
  }

  #onDate(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    // A half-typed day is not a choice yet.
    if (isIsoDay(value) && value !== this.date) void this.#choose(this.question, value);
  }

  #onFactChange(e: CustomEvent<FactChange>): void {
    this.values = { ...this.values, [e.detail.fact]: e.detail.value };
  }

  #onReset(): void {
    this.values = formStateFor(this.#definitions, this.#facts);
  }

  async #decide(): Promise<void> {
    const body: AskedRequest = {
      question: this.question,
      date: this.date,
      facts: factsFromState(this.#definitions, this.#facts, this.values),
    };
    this.busy = true;
    this.error = undefined;
    try {
      const answer = await call(api.POST('/api/v1/decisions', { body }));
      this.answer = answer;
      this.asked = body;
      this.opened = '';
      this.historyRefresh++;
      await this.#focusAnswer();
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  async #focusAnswer(): Promise<void> {
    await this.updateComplete;
    const card = this.renderRoot.querySelector<RiAnswerCard>('ri-answer-card');
    await card?.updateComplete;
    card?.focusHeading();
  }

  async #focusFact(name: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<RiFactForm>('ri-fact-form')?.focusFact(name);
  }

  /** Puts a what-if change in the form and focuses its field; the user asks again when ready. */
  #onApply(e: CustomEvent<Counterfactual>): void {
    const def = this.#definitions[e.detail.fact];
    if (!def) return;
    this.values = { ...this.values, [e.detail.fact]: fieldValueOf(def, e.detail.to) };
    void this.#focusFact(e.detail.fact);
  }

  /** Shows a stored decision: its question, day and facts in the form, its answer and receipt, and the replay. */
  async #open(e: CustomEvent<Receipt>): Promise<void> {
    const r = e.detail;
    await this.#choose(r.question, r.date, r.facts);
    this.answer = { ...r.answer, receipt: { id: r.id, created_at: r.created_at } };
    this.asked = { question: r.question, date: r.date, facts: r.facts };
    this.opened = r.id;
    await this.#focusAnswer();
  }

  #picker(): TemplateResult {
    return html`<fieldset class="picker">
      <legend>${t('console.pick.legend')}</legend>
      <div class="field">
        <label for="question">${t('console.pick.question')}</label>
        <p class="help" id="question-help">${t('console.pick.questionHelp')}</p>
        <select id="question" aria-describedby="question-help" @change=${this.#onQuestion}>
          <option value="" ?selected=${!this.question}>${t('console.pick.choose')}</option>
          ${(this.questions ?? []).map(
            (q) => html`<option value=${q.id} ?selected=${q.id === this.question}>${local(q.title)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="date">${t('console.pick.date')}</label>
        <p class="help" id="date-help">${t('console.pick.dateHelp')}</p>
        <input id="date" type="date" required .value=${this.date} aria-describedby="date-help" @change=${this.#onDate} />
      </div>
    </fieldset>`;
  }

  #error(): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    const fact = refusedFact(this.error);
    return html`<div class="alert" role="alert">
      <p>${errorMessage(this.error)}</p>
      ${
        fact
          ? html`<button type="button" class="secondary" @click=${() => this.#focusFact(fact)}>
            ${t('console.error.goTo', { label: factLabel(this.#definitions, fact) })}
          </button>`
          : nothing
      }
    </div>`;
  }

  #answer(): TemplateResult {
    const a = this.answer;
    const title = this.#title(this.asked?.question ?? this.question);
    if (!a) return html`${this.#error()}<p class="placeholder">${t('console.answer.placeholder')}</p>`;
    const vary = this.asked && !NOTHING_TO_VARY.has(a.outcome) ? this.asked : undefined;
    return html`${this.#error()}
      <ri-console-print
        .request=${this.asked}
        .questionTitle=${title}
        .definitions=${this.#definitions}
        .order=${this.#facts}
      ></ri-console-print>
      <ri-answer-card
        .answer=${a}
        .definitions=${this.#definitions}
        .outcomes=${this.#outcomes}
        .questionTitle=${title}
        @ri-focus-fact=${(e: CustomEvent<string>) => this.#focusFact(e.detail)}
      ></ri-answer-card>
      <div class="answer-tools">
        <button type="button" class="secondary" @click=${() => window.print()}>${t('console.answer.print')}</button>
      </div>
      <ri-decision-replay
        .receiptId=${this.opened}
        .definitions=${this.#definitions}
        .outcomes=${this.#outcomes}
        @ri-replayed=${() => this.historyRefresh++}
      ></ri-decision-replay>
      <ri-answer-what-if
        .request=${vary}
        .definitions=${this.#definitions}
        .outcomes=${this.#outcomes}
        @ri-apply-change=${this.#onApply}
      ></ri-answer-what-if>`;
  }

  #workspace(): TemplateResult | typeof nothing {
    if (!this.question || !this.catalogue) return nothing;
    const summary = this.#summary;
    const detail = this.detail;
    const required = detail ? detail.required_facts : [];
    const successor = detail ? readVersionDocument(detail.document).successor : undefined;
    return html`<ri-console-version
        .summary=${summary}
        .date=${this.date}
        .detail=${detail}
        .successorTitle=${successor ? this.#title(successor) : ''}
      ></ri-console-version>
      <div class="workspace">
        <div class="form-col">
          <ri-fact-form
            .facts=${this.#facts}
            .definitions=${this.#definitions}
            .required=${required}
            .values=${this.values}
            .missing=${this.answer?.missing ?? []}
            ?busy=${this.busy}
            @ri-fact-change=${this.#onFactChange}
            @ri-facts-reset=${this.#onReset}
            @ri-decide=${this.#decide}
          ></ri-fact-form>
        </div>
        <div class="answer-col">${this.#answer()}</div>
      </div>`;
  }

  override render(): TemplateResult {
    return html`<h1 class="page-title">${t('console.title')}</h1>
      <p class="intro">${t('console.intro')}</p>
      ${this.loadError ? html`<p class="alert" role="alert">${errorMessage(this.loadError)}</p>` : nothing}
      ${this.questions ? this.#picker() : this.loadError ? nothing : html`<p role="status">${t('app.loading')}</p>`}
      ${this.#workspace()}
      <ri-decision-history
        .refresh=${this.historyRefresh}
        .outcomes=${this.#outcomes}
        .titles=${this.#title}
        .current=${this.opened}
        @ri-open-decision=${this.#open}
      ></ri-decision-history>`;
  }
}

customElements.define('ri-console-page', RiConsolePage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-console-page': RiConsolePage;
  }
}
