import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ConsoleSources } from '../console/console-sources.ts';
import { type FormState, factsFromState, formStateFor } from '../console/fact-form-state.ts';
import type { FactChange } from '../console/ri-fact-form.ts';
import { isIsoDay, todayIso } from '../console/today.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import '../console/ri-fact-form.ts';

/** Detail of `ri-case-add`: a test case without its expectation (the draft's answer is pinned). */
export interface NewCase {
  name: string;
  question: string;
  date: string;
  facts: Record<string, unknown>;
}

/** Fired with the case the author wrote. */
export const CASE_ADD_EVENT = 'ri-case-add';

/**
 * A test case written in a form: the question, the day, a name that says what it shows, and the facts, asked
 * as the console asks them (the facts of the version in force on that day). The draft pins its own answer as the
 * case's expectation, which the author then reads in the test results.
 */
export class RiCaseForm extends LocalizedElement {
  static override properties = {
    question: { type: String },
    date: { type: String },
    busy: { type: Boolean },
    name: { state: true },
    values: { state: true },
  };
  declare question: string;
  declare date: string;
  declare busy: boolean;
  declare name: string;
  declare values: FormState;
  readonly #sources = new ConsoleSources(this);

  constructor() {
    super();
    this.question = '';
    this.date = todayIso();
    this.busy = false;
    this.name = '';
    this.values = {};
  }

  static override styles = [
    sharedStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        margin-bottom: 0.75rem;
      }
      input[type='text'] {
        width: min(40rem, 100%);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#sources.start(() => this.#load());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('question') || changed.has('date')) && this.#sources.questions) void this.#load();
  }

  async #load(): Promise<void> {
    if (!this.question || !isIsoDay(this.date)) return;
    await this.#sources.load(this.question, this.date, () => {
      this.values = formStateFor(this.#sources.definitions, this.#sources.facts, undefined, this.values);
    });
  }

  #add(): void {
    const s = this.#sources;
    const detail: NewCase = {
      name: this.name.trim(),
      question: this.question,
      date: this.date,
      facts: factsFromState(s.definitions, s.facts, this.values),
    };
    if (!detail.name) {
      this.renderRoot.querySelector<HTMLInputElement>('#case-name')?.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent<NewCase>(CASE_ADD_EVENT, { detail, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const s = this.#sources;
    return html`<h3>${t('changeSet.case.title')}</h3>
      <p class="help">${t('changeSet.case.intro')}</p>
      <div class="row">
        <div>
          <label for="case-question">${t('changeSet.case.question')}</label><br />
          <select id="case-question" .value=${this.question} @change=${(e: Event) => (this.question = (e.target as HTMLSelectElement).value)}>
            ${(s.questions ?? []).map((q) => html`<option value=${q.id} ?selected=${q.id === this.question}>${s.title(q.id)}</option>`)}
          </select>
        </div>
        <div>
          <label for="case-date">${t('changeSet.case.date')}</label><br />
          <input id="case-date" type="date" required .value=${this.date} @change=${(e: Event) => (this.date = (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      <div class="row">
        <div>
          <label for="case-name">${t('changeSet.case.name')}</label><br />
          <input id="case-name" type="text" required maxlength="300" aria-describedby="case-name-help" .value=${this.name}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
          <p id="case-name-help" class="muted">${t('changeSet.case.nameHelp')}</p>
        </div>
      </div>
      ${
        s.catalogue
          ? html`<ri-fact-form
              .facts=${s.facts}
              .definitions=${s.definitions}
              .required=${s.detail ? s.detail.required_facts : []}
              .values=${this.values}
              .submitLabel=${t('changeSet.case.submit')}
              ?busy=${this.busy}
              @ri-fact-change=${(e: CustomEvent<FactChange>) => {
                e.stopPropagation();
                this.values = { ...this.values, [e.detail.fact]: e.detail.value };
              }}
              @ri-facts-reset=${(e: Event) => {
                e.stopPropagation();
                this.values = formStateFor(s.definitions, s.facts);
              }}
              @ri-decide=${(e: Event) => {
                e.stopPropagation();
                this.#add();
              }}
            ></ri-fact-form>`
          : html`<p role="status">${t('app.loading')}</p>`
      }
      ${s.loadError ? html`<p class="alert">${errorMessage(s.loadError)}</p>` : nothing}`;
  }
}

customElements.define('ri-case-form', RiCaseForm);

declare global {
  interface HTMLElementTagNameMap {
    'ri-case-form': RiCaseForm;
  }
}
