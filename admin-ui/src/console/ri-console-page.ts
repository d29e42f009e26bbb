import { html, nothing, type TemplateResult } from 'lit';
import { api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { t } from '../shared/i18n/translate.ts';
import { NAVIGATE_EVENT } from '../shared/router/navigation.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { type ConsoleChoice, choiceFromSearch, searchForChoice } from './console-address.ts';
import { consolePageStyles } from './console-page-styles.ts';
import { ConsoleSources } from './console-sources.ts';
import { type FormState, factsFromState, fieldValueOf, formStateFor } from './fact-form-state.ts';
import type { ReceiptedAnswer } from './ri-answer-card.ts';
import type { AskedRequest } from './ri-answer-what-if.ts';
import type { Receipt } from './ri-decision-history.ts';
import type { FactChange, RiFactForm } from './ri-fact-form.ts';
import type { Counterfactual } from './what-if-text.ts';
import './ri-console-answer.ts';
import './ri-console-interview.ts';
import './ri-console-picker.ts';
import './ri-decision-history.ts';
import './ri-fact-form.ts';

/**
 * The caseworker's console (/console): pick a question and a day, fill in the facts the version in force
 * reads, and get the answer with its reasons, amounts, articles and receipt; what would change it; a print
 * view for the case file; the history of the user's decisions, each of which can be opened and replayed
 * under the rules now in force. The page holds the choice (kept in the address), the form's values and the
 * answer; `ConsoleSources` what it reads from the server; its elements draw the parts.
 */
export class RiConsolePage extends LocalizedElement {
  static override properties = {
    question: { state: true },
    date: { state: true },
    values: { state: true },
    answer: { state: true },
    asked: { state: true },
    opened: { state: true },
    busy: { state: true },
    error: { state: true },
    historyRefresh: { state: true },
    caseRef: { state: true },
    office: { state: true },
    mode: { state: true },
  };
  /** The case reference typed for the next decision (the server keeps only its keyed hash). */
  declare caseRef: string;
  /** The office the next decision is taken for: the user's own until changed. */
  declare office: string;
  declare question: string;
  declare date: string;
  declare values: FormState;
  declare answer: ReceiptedAnswer | undefined;
  /** The request the answer was given for (the form may have changed since). */
  declare asked: AskedRequest | undefined;
  /** The receipt opened from the history, which can be replayed; empty for a fresh answer. */
  declare opened: string;
  declare busy: boolean;
  declare error: unknown;
  declare historyRefresh: number;
  /** How the facts are given: the whole form, or the interview's one question at a time. */
  declare mode: 'form' | 'interview';
  readonly #sources = new ConsoleSources(this);
  readonly #onAddress = () => {
    if (location.pathname !== '/console') return;
    const choice = choiceFromSearch(location.search);
    if (choice.question !== this.question || choice.date !== this.date) void this.#choose(choice);
  };

  constructor() {
    super();
    const { question, date } = choiceFromSearch(location.search);
    this.question = question;
    this.date = date;
    this.values = {};
    this.answer = undefined;
    this.asked = undefined;
    this.opened = '';
    this.busy = false;
    this.error = undefined;
    this.historyRefresh = 0;
    this.caseRef = '';
    this.office = '';
    this.mode = 'form';
  }

  static override styles = [sharedStyles, consolePageStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onAddress);
    window.addEventListener(NAVIGATE_EVENT, this.#onAddress);
    // The questions and the catalogue, then the version for the question and day in the address.
    void call(api.GET('/api/v1/my-office'))
      .then((mine) => {
        if (!this.office) this.office = mine.office ?? '';
      })
      .catch(() => undefined);
    void this.#sources.start(() => {
      if (this.question && !this.#sources.questions?.some((q) => q.id === this.question)) this.question = '';
      void this.#loadVersion();
    });
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onAddress);
    window.removeEventListener(NAVIGATE_EVENT, this.#onAddress);
    super.disconnectedCallback();
  }

  /** Chooses a question and a day: the address follows, the answer for another choice goes. */
  async #choose(choice: ConsoleChoice, facts?: Record<string, unknown>): Promise<void> {
    this.question = choice.question;
    this.date = choice.date;
    this.answer = undefined;
    this.asked = undefined;
    this.opened = '';
    this.error = undefined;
    // The address keeps the choice for a reload or a bookmark; replaceState, as the shell need not re-route.
    const search = searchForChoice(choice);
    if (location.pathname === '/console' && location.search !== search) history.replaceState(null, '', `/console${search}`);
    await this.#loadVersion(facts);
  }

  /** Loads the version in force for the question on the day, and builds the form's values for its facts. */
  async #loadVersion(facts?: Record<string, unknown>): Promise<void> {
    await this.#sources.load(this.question, this.date, () => {
      this.values = formStateFor(this.#sources.definitions, this.#sources.facts, facts, this.values);
    });
  }

  /** The interview settled the answer: its facts go into the form, and the decision is recorded as from the form. */
  async #decideFromInterview(e: CustomEvent<Record<string, unknown>>): Promise<void> {
    this.values = formStateFor(this.#sources.definitions, this.#sources.facts, e.detail);
    await this.#decide();
  }

  #modes(): TemplateResult {
    const choose = (mode: 'form' | 'interview') => () => {
      this.mode = mode;
    };
    return html`<div class="modes" role="group" aria-label=${t('console.mode.label')}>
      <button type="button" class="mode" aria-pressed=${this.mode === 'form'} @click=${choose('form')}>${t('console.mode.form')}</button>
      <button type="button" class="mode" aria-pressed=${this.mode === 'interview'} @click=${choose('interview')}>
        ${t('console.mode.interview')}
      </button>
    </div>`;
  }

  async #decide(): Promise<void> {
    const body: AskedRequest = {
      question: this.question,
      date: this.date,
      facts: factsFromState(this.#sources.definitions, this.#sources.facts, this.values),
    };
    this.busy = true;
    this.error = undefined;
    try {
      const extras = {
        ...(this.caseRef.trim() ? { case_ref: this.caseRef.trim() } : {}),
        ...(this.office.trim() ? { office: this.office.trim() } : {}),
      };
      const answer = await call(api.POST('/api/v1/decisions', { body: { ...body, ...extras } }));
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
    await this.renderRoot.querySelector('ri-console-answer')?.focusAnswer();
  }

  async #focusFact(name: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<RiFactForm>('ri-fact-form')?.focusFact(name);
  }

  /** Puts a what-if change in the form and focuses its field; the user asks again when ready. */
  #onApply(e: CustomEvent<Counterfactual>): void {
    const def = this.#sources.definitions[e.detail.fact];
    if (!def) return;
    this.values = { ...this.values, [e.detail.fact]: fieldValueOf(def, e.detail.to) };
    void this.#focusFact(e.detail.fact);
  }

  /** Shows a stored decision: its question, day and facts in the form, its answer and receipt, and the replay. */
  async #open(e: CustomEvent<Receipt>): Promise<void> {
    const r = e.detail;
    await this.#choose({ question: r.question, date: r.date }, r.facts);
    this.answer = { ...r.answer, receipt: { id: r.id, created_at: r.created_at, office: r.office } };
    this.asked = { question: r.question, date: r.date, facts: r.facts };
    this.opened = r.id;
    await this.#focusAnswer();
  }

  #form(): TemplateResult {
    const s = this.#sources;
    return html`<ri-fact-form
          .facts=${s.facts}
          .definitions=${s.definitions}
          .required=${s.detail ? s.detail.required_facts : []}
          .values=${this.values}
          .missing=${this.answer?.missing ?? []}
          ?busy=${this.busy}
          @ri-fact-change=${(e: CustomEvent<FactChange>) => (this.values = { ...this.values, [e.detail.fact]: e.detail.value })}
          @ri-facts-reset=${() => (this.values = formStateFor(s.definitions, s.facts))}
          @ri-decide=${this.#decide}
        ></ri-fact-form>`;
  }

  /** The case reference and the office, for whichever way the decision is asked (form or interview). */
  #caseFields(): TemplateResult {
    return html`<div class="case-fields">
      <label>
        ${t('console.caseRef')}
        <input
          name="case_ref"
          autocomplete="off"
          maxlength="200"
          aria-describedby="case-ref-hint"
          .value=${this.caseRef}
          @input=${(e: Event) => (this.caseRef = (e.target as HTMLInputElement).value)}
        />
      </label>
      <p id="case-ref-hint" class="hint">${t('console.caseRefHint')}</p>
      <label>
        ${t('console.office')}
        <input
          name="office"
          autocomplete="organization"
          maxlength="200"
          .value=${this.office}
          @input=${(e: Event) => (this.office = (e.target as HTMLInputElement).value)}
        />
      </label>
    </div>`;
  }

  #workspace(): TemplateResult | typeof nothing {
    const s = this.#sources;
    if (!this.question || !s.catalogue) return nothing;
    return html`<div class="workspace">
      <div class="form-col">
        ${this.#caseFields()} ${this.#modes()}
        ${
          this.mode === 'interview'
            ? html`<ri-console-interview
                .question=${this.question}
                .date=${this.date}
                .definitions=${s.definitions}
                .outcomes=${s.outcomes}
                @ri-interview-decide=${this.#decideFromInterview}
              ></ri-console-interview>`
            : this.#form()
        }
      </div>
      <ri-console-answer
        .answer=${this.answer}
        .asked=${this.asked}
        .opened=${this.opened}
        .error=${this.error}
        .definitions=${s.definitions}
        .outcomes=${s.outcomes}
        .facts=${s.facts}
        .questionTitle=${s.title(this.asked?.question ?? this.question)}
        @ri-focus-fact=${(e: CustomEvent<string>) => this.#focusFact(e.detail)}
        @ri-replayed=${() => this.historyRefresh++}
        @ri-apply-change=${this.#onApply}
      ></ri-console-answer>
    </div>`;
  }

  #picker(): TemplateResult | typeof nothing {
    const s = this.#sources;
    if (!s.questions) return s.loadError ? nothing : html`<p role="status">${t('app.loading')}</p>`;
    return html`<ri-console-picker
      .questions=${s.questions}
      .question=${this.question}
      .date=${this.date}
      .detail=${s.detail}
      @ri-choose=${(e: CustomEvent<ConsoleChoice>) => this.#choose(e.detail)}
    ></ri-console-picker>`;
  }

  override render(): TemplateResult {
    const s = this.#sources;
    return html`<h1 class="page-title">${t('console.title')}</h1>
      <p class="intro">${t('console.intro')}</p>
      ${s.loadError ? html`<p class="alert" role="alert">${errorMessage(s.loadError)}</p>` : nothing}
      ${this.#picker()} ${this.#workspace()}
      <ri-decision-history
        .refresh=${this.historyRefresh}
        .outcomes=${s.outcomes}
        .titles=${s.title}
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
