import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatMoney, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';
import { navigate } from '../shared/router/navigation.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { QuestionSummary } from './types.ts';

type Parameter = Schemas['ReformableParameter'];

/** A parameter's value as the form shows it: `120 %`, `1 704,68 zł`, or the number. */
function valueText(p: Parameter): string {
  if (p.value === null) return '—';
  if (p.unit === 'PLN') return formatMoney(p.value);
  return p.unit === 'percent' ? `${formatNumber(p.value)}\u00a0%` : formatNumber(p.value);
}

/** A parameter's unit in words (`procent`), or as the catalogue names it. */
function unitText(unit: string): string {
  const key = `trialRuns.unit.${unit}`;
  return isMessageKey(key) ? translate(key) : unit;
}

/**
 * A quick reform without YAML: one parameter the question's rules read (from the catalogue, with its label and value
 * now), a new value and the day it holds from. Submitting writes a proposal change set on the server and starts a
 * trial of it over a synthetic population; the page then goes to the run's own address.
 */
export class RiQuickReform extends LocalizedElement {
  static override properties = {
    questions: { attribute: false },
    question: { state: true },
    from: { state: true },
    parameters: { state: true },
    parameter: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  declare questions: QuestionSummary[];
  declare question: string;
  declare from: string;
  declare parameters: Parameter[];
  declare parameter: string;
  declare busy: boolean;
  declare error: unknown;

  constructor() {
    super();
    this.questions = [];
    this.question = '';
    this.from = `${new Date().getFullYear() + 1}-01-01`;
    this.parameters = [];
    this.parameter = '';
    this.busy = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: 1rem;
        max-width: 40rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('questions') && !this.question && this.questions.length) this.question = this.questions[0]?.id ?? '';
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('question') || changed.has('from')) void this.#loadParameters();
  }

  async #loadParameters(): Promise<void> {
    if (!this.question || !/^\d{4}-\d{2}-\d{2}$/.test(this.from)) return;
    try {
      const r = await call(
        api.GET('/api/v1/simulations/quick-reforms/parameters', {
          params: { query: { question: this.question, date: this.from } },
        }),
      );
      this.parameters = r.parameters;
      if (!r.parameters.some((p) => p.id === this.parameter)) this.parameter = r.parameters[0]?.id ?? '';
    } catch (e) {
      this.error = e;
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    this.busy = true;
    this.error = undefined;
    try {
      const made = await call(
        api.POST('/api/v1/simulations/quick-reforms', {
          body: {
            question: this.question,
            parameter: this.parameter,
            value: Number(data.get('value')),
            from: this.from,
          },
        }),
      );
      const run = await call(
        api.POST('/api/v1/simulations', {
          body: {
            question: this.question,
            date: this.from,
            proposal: made.proposal,
            population: { generate: { size: Number(data.get('size')), seed: 1, weighted: true } },
            by: [],
            months_per_year: 12,
          },
        }),
      );
      navigate(`/trials/${run.id}`);
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const lang = language();
    const chosen = this.parameters.find((p) => p.id === this.parameter);
    return html`<h2 id="quick">${t('trialRuns.quickTitle')}</h2>
      <p>${t('trialRuns.quickIntro')}</p>
      <form aria-labelledby="quick" @submit=${this.#submit}>
        <div class="field">
          <label for="q-question">${t('trialRuns.quickQuestion')}</label>
          <select id="q-question" @change=${(e: Event) => {
            this.question = (e.currentTarget as HTMLSelectElement).value;
          }}>
            ${this.questions.map((q) => html`<option value=${q.id} ?selected=${q.id === this.question}>${q.title[lang]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="q-from">${t('trialRuns.quickFrom')}</label>
          <input id="q-from" type="date" required .value=${this.from} @change=${(e: Event) => {
            this.from = (e.currentTarget as HTMLInputElement).value;
          }} />
        </div>
        <div class="field">
          <label for="q-parameter">${t('trialRuns.quickParameter')}</label>
          ${
            this.parameters.length
              ? html`<select id="q-parameter" @change=${(e: Event) => {
                  this.parameter = (e.currentTarget as HTMLSelectElement).value;
                }}>
                ${this.parameters.map(
                  (p) =>
                    html`<option value=${p.id} ?selected=${p.id === this.parameter}>
                      ${t('trialRuns.quickParameterOption', { label: p.label[lang], value: valueText(p) })}
                    </option>`,
                )}
              </select>`
              : html`<p id="q-parameter">${t('trialRuns.quickNoParameters')}</p>`
          }
        </div>
        <div class="field">
          <label for="q-value">${t('trialRuns.quickValue')}</label>
          <input id="q-value" name="value" type="number" step="any" required aria-describedby="q-value-hint" />
          <span class="hint" id="q-value-hint">
            ${t('trialRuns.quickValueHint', { unit: chosen ? unitText(chosen.unit) : '' })}
          </span>
        </div>
        <div class="field">
          <label for="q-size">${t('trialRuns.quickSize')}</label>
          <input id="q-size" name="size" type="number" min="1" max="1000000" step="1" value="10000" required />
        </div>
        ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
        <div>
          <button type="submit" ?disabled=${this.busy || !this.parameter}>${t('trialRuns.quickRun')}</button>
        </div>
      </form>`;
  }
}

customElements.define('ri-quick-reform', RiQuickReform);

declare global {
  interface HTMLElementTagNameMap {
    'ri-quick-reform': RiQuickReform;
  }
}
