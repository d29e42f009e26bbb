import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { OutcomeLabels } from './answer-text.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import { local } from './local-text.ts';
import { type Counterfactual, whatIfSentence } from './what-if-text.ts';

/** The request the answer was given for: what "what would change it" varies, one fact at a time. */
export interface AskedRequest {
  question: string;
  date: string;
  facts: Record<string, unknown>;
}

/**
 * "What would change it": asks POST /api/v1/what-if for the request and lists each single-fact change
 * that changes the answer, in plain words, each with a button that fires `ri-apply-change` to put that
 * value in the form.
 */
export class RiAnswerWhatIf extends LocalizedElement {
  static override properties = {
    request: { attribute: false },
    definitions: { attribute: false },
    outcomes: { attribute: false },
    changes: { state: true },
    beyond: { state: true },
    loading: { state: true },
    error: { state: true },
  };
  declare request: AskedRequest | undefined;
  declare definitions: FactDefinitions;
  declare outcomes: OutcomeLabels;
  declare changes: Counterfactual[] | undefined;
  /** Changes of several facts together, and what the search concluded. */
  declare beyond: Pick<Schemas['WhatIf'], 'combinations' | 'unchangeable' | 'note'> | undefined;
  declare loading: boolean;
  declare error: unknown;
  /** Counts requests, so the changes of an older answer never replace those of a newer one. */
  #request = 0;

  constructor() {
    super();
    this.request = undefined;
    this.definitions = {};
    this.outcomes = {};
    this.changes = undefined;
    this.beyond = undefined;
    this.loading = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        padding: 0.5rem 0;
        border-top: 1px solid #d5e0ea;
      }
      li p {
        margin: 0;
        flex: 1 1 20rem;
      }
      button {
        font-size: 0.9rem;
        padding: 0.25rem 0.75rem;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before rendering, so the old changes never show beside a new answer.
    if (changed.has('request')) void this.#load();
  }

  async #load(): Promise<void> {
    const id = ++this.#request;
    const request = this.request;
    this.changes = undefined;
    this.beyond = undefined;
    this.error = undefined;
    if (!request) return;
    this.loading = true;
    try {
      const { changes, combinations, unchangeable, note } = await call(api.POST('/api/v1/what-if', { body: request }));
      if (id === this.#request) {
        this.changes = changes;
        this.beyond = { combinations, unchangeable, ...(note ? { note } : {}) };
      }
    } catch (e) {
      if (id === this.#request) this.error = e;
    } finally {
      if (id === this.#request) this.loading = false;
    }
  }

  #apply(change: Counterfactual): void {
    this.dispatchEvent(new CustomEvent<Counterfactual>('ri-apply-change', { detail: change, bubbles: true, composed: true }));
  }

  /** Changes of two or three facts together, each in a sentence with its articles; or why there are none. */
  #beyond(): TemplateResult | typeof nothing {
    const b = this.beyond;
    if (!b) return nothing;
    const several = b.combinations.filter((c) => c.changes.length > 1);
    if (!several.length) return b.note && !this.changes?.length ? html`<p>${local(b.note)}</p>` : nothing;
    return html`<h3>${t('console.whatIf.several')}</h3>
      <ul class="several">
        ${several.map((c) => html`<li><p>${local(c.text)} <span class="muted">(${c.articles.join('; ')})</span></p></li>`)}
      </ul>`;
  }

  #list(): TemplateResult | typeof nothing {
    if (!this.changes) return nothing;
    if (this.beyond?.unchangeable) return nothing;
    if (!this.changes.length) return html`<p>${t('console.whatIf.none')}</p>`;
    return html`<ul>
      ${this.changes.map(
        (c, i) => html`<li>
          <p id="change-${i}">${whatIfSentence(c, this.definitions, this.outcomes)}</p>
          <button type="button" class="secondary" aria-describedby="change-${i}" @click=${() => this.#apply(c)}>
            ${t('console.whatIf.apply')}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.request) return nothing;
    return html`<section aria-labelledby="what-if-title">
      <h2 id="what-if-title">${t('console.whatIf.title')}</h2>
      <p class="muted">${t('console.whatIf.intro')}</p>
      ${this.loading ? html`<p role="status">${t('console.whatIf.loading')}</p>` : nothing}
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.#list()} ${this.#beyond()}
    </section>`;
  }
}

customElements.define('ri-answer-what-if', RiAnswerWhatIf);

declare global {
  interface HTMLElementTagNameMap {
    'ri-answer-what-if': RiAnswerWhatIf;
  }
}
