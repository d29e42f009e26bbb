import { css, html, nothing, type TemplateResult } from 'lit';
import type { Schemas } from '../shared/api/client.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { ConsoleChoice } from './console-address.ts';
import { parseDay, showDay } from './day-text.ts';
import { local } from './local-text.ts';
import { questionTitle } from './question-title.ts';
import { isIsoDay } from './today.ts';
import { readVersionDocument } from './version-on.ts';
import './ri-console-version.ts';

/**
 * What the console is asked about: a question and a day, fired as `ri-choose` when either changes, and
 * below them, once a question is chosen, the version of the law in force on that day.
 */
export class RiConsolePicker extends LocalizedElement {
  static override properties = {
    questions: { attribute: false },
    question: { type: String },
    date: { type: String },
    detail: { attribute: false },
    dayProblem: { state: true },
  };
  declare questions: Schemas['QuestionSummary'][];
  declare question: string;
  declare date: string;
  /** The version in force on the date, once loaded. */
  declare detail: Schemas['VersionDetail'] | undefined;
  /** The day typed is no day (shown until a real one is typed). */
  declare dayProblem: boolean;

  constructor() {
    super();
    this.questions = [];
    this.question = '';
    this.date = '';
    this.detail = undefined;
    this.dayProblem = false;
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
      #date {
        width: 11ch;
        max-width: 100%;
      }
      .help {
        margin: 0 0 0.4rem;
        color: #4a5257;
        font-size: 0.95rem;
      }
    `,
  ];

  #choose(choice: ConsoleChoice): void {
    this.dispatchEvent(new CustomEvent<ConsoleChoice>('ri-choose', { detail: choice, bubbles: true, composed: true }));
  }

  #onQuestion(e: Event): void {
    this.#choose({ question: (e.target as HTMLSelectElement).value, date: this.date });
  }

  /** A day typed as dd.mm.rrrr whatever the browser's language; the ISO day goes to the address and the API. */
  #onDate(e: Event): void {
    const value = parseDay((e.target as HTMLInputElement).value);
    // While typing, a half-typed day is not a choice yet, nor a mistake; on leaving the field it is one.
    if (e.type === 'change') this.dayProblem = value === undefined;
    if (value === undefined) return;
    this.dayProblem = false;
    if (isIsoDay(value) && value !== this.date) this.#choose({ question: this.question, date: value });
  }

  #version(): TemplateResult | typeof nothing {
    if (!this.question) return nothing;
    const summary = this.questions.find((q) => q.id === this.question);
    const successor = this.detail ? readVersionDocument(this.detail.document).successor : undefined;
    return html`<ri-console-version
      .summary=${summary}
      .date=${this.date}
      .detail=${this.detail}
      .successorTitle=${successor ? questionTitle(this.questions, successor) : ''}
    ></ri-console-version>`;
  }

  override render(): TemplateResult {
    return html`<fieldset class="picker">
        <legend>${t('console.pick.legend')}</legend>
        <div class="field">
          <label for="question">${t('console.pick.question')}</label>
          <p class="help" id="question-help">${t('console.pick.questionHelp')}</p>
          <select id="question" aria-describedby="question-help" @change=${this.#onQuestion}>
            <option value="" ?selected=${!this.question}>${t('console.pick.choose')}</option>
            ${this.questions.map((q) => html`<option value=${q.id} ?selected=${q.id === this.question}>${local(q.title)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="date">${t('console.pick.date')}</label>
          <p class="help" id="date-help">${t('console.pick.dateHelp')} ${t('console.day.format')}</p>
          <input
            id="date"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            required
            placeholder=${t('console.day.placeholder')}
            .value=${showDay(this.date)}
            aria-describedby=${this.dayProblem ? 'date-help date-problem' : 'date-help'}
            aria-invalid=${this.dayProblem ? 'true' : 'false'}
            @input=${this.#onDate}
            @change=${this.#onDate}
          />
          ${this.dayProblem ? html`<p class="alert" id="date-problem" role="alert">${t('console.day.invalid')}</p>` : nothing}
        </div>
      </fieldset>
      ${this.#version()}`;
  }
}

customElements.define('ri-console-picker', RiConsolePicker);

declare global {
  interface HTMLElementTagNameMap {
    'ri-console-picker': RiConsolePicker;
  }
}
