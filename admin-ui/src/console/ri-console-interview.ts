import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatMoney } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { choiceStyles } from '../shared/styles/choices.ts';
import { amountLabel, type OutcomeLabels, outcomeLabel } from './answer-text.ts';
import { parseDay, showDay } from './day-text.ts';
import { factLabel, formatFactValue } from './fact-display.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import { local } from './local-text.ts';

type Step = Schemas['NextQuestions'];
type Question = Schemas['NextQuestion'];

/**
 * The console's interview: one question at a time, the one that decides most first (as the server ranks
 * them), and the answer as soon as the facts given settle it whatever the others are. "Decide" fires
 * `ri-interview-decide` with the facts given, so the page records the decision as the form would.
 */
export class RiConsoleInterview extends LocalizedElement {
  static override properties = {
    question: { type: String },
    date: { type: String },
    definitions: { attribute: false },
    outcomes: { attribute: false },
    given: { state: true },
    step: { state: true },
    busy: { state: true },
    error: { state: true },
    problem: { state: true },
  };
  declare question: string;
  declare date: string;
  declare definitions: FactDefinitions;
  declare outcomes: OutcomeLabels;
  /** The answers so far, in the order given. */
  declare given: [string, unknown][];
  declare step: Step | undefined;
  declare busy: boolean;
  declare error: unknown;
  /** Why the answer typed cannot be taken (a day that is no day). */
  declare problem: string;
  #asking = 0;

  constructor() {
    super();
    this.question = '';
    this.date = '';
    this.definitions = {};
    this.outcomes = {};
    this.given = [];
    this.step = undefined;
    this.busy = false;
    this.error = undefined;
    this.problem = '';
  }

  static override styles = [
    sharedStyles,
    choiceStyles,
    css`
      .interview {
        display: block;
      }
      .given {
        margin: 0;
        padding-left: 1.2rem;
      }
      .result {
        border: 2px solid #0b4f8a;
        border-radius: 6px;
        padding: 1rem 1.25rem;
      }
      .outcome {
        font-size: 1.25rem;
        font-weight: 700;
        margin: 0.25rem 0;
      }
      .money {
        white-space: nowrap;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      fieldset {
        min-width: 0;
      }
      input[type='text'] {
        max-width: 100%;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('question') || changed.has('date')) {
      this.given = [];
      this.step = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('question') || changed.has('date')) && this.question && this.date) void this.#ask();
  }

  #facts(): Record<string, unknown> {
    return Object.fromEntries(this.given);
  }

  async #ask(): Promise<void> {
    const id = ++this.#asking;
    this.busy = true;
    this.error = undefined;
    try {
      const step = await call(
        api.POST('/api/v1/next-questions', {
          body: { question: this.question, date: this.date, facts: this.#facts(), lang: language() },
        }),
      );
      if (id !== this.#asking) return;
      this.step = step;
      this.problem = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(step.determined ? '#interview-result' : '#interview-question')?.focus();
    } catch (e) {
      if (id === this.#asking) this.error = e;
    } finally {
      if (id === this.#asking) this.busy = false;
    }
  }

  #answer(e: SubmitEvent, q: Question): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    let value: unknown;
    if (q.type === 'boolean' || q.type === 'enum') {
      const picked = q.values?.[Number(data.get('answer'))];
      if (!picked) {
        this.problem = t('console.interview.choose');
        return;
      }
      value = picked.value;
    } else if (q.type === 'list') {
      value = data.getAll('answer').map(String);
    } else if (q.type === 'date') {
      value = parseDay(String(data.get('answer') ?? ''));
      if (value === undefined) {
        this.problem = t('console.day.invalid');
        return;
      }
    } else {
      const text = String(data.get('answer') ?? '')
        .trim()
        .replace(',', '.');
      const n = Number(text);
      if (!text || !Number.isFinite(n) || (q.type === 'integer' && !Number.isInteger(n))) {
        this.problem = t(q.type === 'integer' ? 'console.invalid.integer' : 'console.invalid.number');
        return;
      }
      value = n;
    }
    this.given = [...this.given, [q.fact, value]];
    void this.#ask();
  }

  #back(): void {
    this.given = this.given.slice(0, -1);
    void this.#ask();
  }

  #restart(): void {
    this.given = [];
    void this.#ask();
  }

  #input(q: Question): TemplateResult {
    const described = `interview-help${this.problem ? ' interview-problem' : ''}`;
    if (q.type === 'boolean' || q.type === 'enum') {
      return html`<div class="choices">
        ${(q.values ?? []).map(
          (v, i) => html`<label><input type="radio" name="answer" value=${i} aria-describedby=${described} /> ${v.label}</label>`,
        )}
      </div>`;
    }
    if (q.type === 'list') {
      const def = this.definitions[q.fact];
      return html`<div class="choices">
        ${(def?.values ?? []).map(
          (v) => html`<label><input type="checkbox" name="answer" value=${v} /> ${local(def?.value_labels?.[v]) || v}</label>`,
        )}
      </div>`;
    }
    const date = q.type === 'date';
    return html`<input
      id="interview-answer"
      name="answer"
      type="text"
      autocomplete="off"
      inputmode=${date ? 'numeric' : q.type === 'integer' ? 'numeric' : 'decimal'}
      placeholder=${date ? t('console.day.placeholder') : nothing}
      aria-label=${q.label}
      aria-describedby=${described}
      aria-invalid=${this.problem ? 'true' : nothing}
    />`;
  }

  #question(q: Question): TemplateResult {
    if (q.type === 'records') {
      return html`<p id="interview-question" tabindex="-1"><strong>${q.label}</strong>: ${t('console.interview.inForm')}</p>`;
    }
    return html`<form novalidate @submit=${(e: SubmitEvent) => this.#answer(e, q)}>
      <fieldset>
        <legend id="interview-question" tabindex="-1">${q.label}</legend>
        <div id="interview-help" class="help">
          ${q.help ? html`<p>${q.help}</p>` : nothing}
          ${q.type === 'date' ? html`<p>${t('console.day.format')}</p>` : nothing}
          ${q.articles.length ? html`<p>${t('console.interview.articles')} ${q.articles.join('; ')}</p>` : nothing}
          ${q.decisive ? html`<p>${t('console.interview.decisive')}</p>` : nothing}
        </div>
        ${this.#input(q)}
        ${this.problem ? html`<p id="interview-problem" class="alert" role="alert">${this.problem}</p>` : nothing}
      </fieldset>
      <p class="tools">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('console.interview.busy') : t('console.interview.next')}</button>
      </p>
    </form>`;
  }

  #result(step: Step): TemplateResult {
    const amounts = Object.entries(step.amounts ?? {});
    return html`<div class="result" id="interview-result" tabindex="-1" role="status">
      <p>${t('console.interview.determined')}</p>
      <p class="outcome">${t('console.interview.outcome', { outcome: outcomeLabel(this.outcomes, step.outcome ?? '') })}</p>
      ${amounts.map(([name, amount]) => html`<p>${amountLabel(name)}: <span class="money">${formatMoney(amount)}</span></p>`)}
      <p class="tools">
        <button
          type="button"
          @click=${() => this.dispatchEvent(new CustomEvent('ri-interview-decide', { detail: this.#facts(), bubbles: true, composed: true }))}
        >
          ${t('console.interview.record')}
        </button>
      </p>
    </div>`;
  }

  override render(): TemplateResult {
    const step = this.step;
    const next = step && !step.determined ? step.missing[0] : undefined;
    return html`<section class="interview" aria-labelledby="interview-title">
      <h2 id="interview-title">${t('console.interview.title')}</h2>
      <p class="intro">${t('console.interview.intro')}</p>
      ${
        this.given.length
          ? html`<p>${t('console.interview.progress', { count: this.given.length })}</p>
              <ul class="given">
                ${this.given.map(
                  ([fact, v]) =>
                    html`<li>${factLabel(this.definitions, fact)}: ${typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? showDay(v) : formatFactValue(fact, this.definitions[fact], v)}</li>`,
                )}
              </ul>`
          : nothing
      }
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${step?.determined ? this.#result(step) : nothing} ${next ? this.#question(next) : nothing}
      ${!step && this.busy ? html`<p role="status">${t('console.interview.busy')}</p>` : nothing}
      ${
        this.given.length
          ? html`<p class="tools">
              <button type="button" class="secondary" @click=${this.#back}>${t('console.interview.back')}</button>
              <button type="button" class="secondary" @click=${this.#restart}>${t('console.interview.restart')}</button>
            </p>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('ri-console-interview', RiConsoleInterview);

declare global {
  interface HTMLElementTagNameMap {
    'ri-console-interview': RiConsoleInterview;
  }
}
