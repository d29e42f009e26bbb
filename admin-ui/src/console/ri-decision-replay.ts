import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { t } from '../shared/i18n/translate.ts';
import { localText } from '../shared/law/local-text.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { OutcomeLabels } from './answer-text.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import { changeFieldLabel, changeValueText } from './replay-text.ts';

/** The answer of POST /api/v1/decisions/{id}/replay: the original, the new answer, and what changed. */
export type Replay = Schemas['Replay'];

/**
 * Replays a stored decision under the rules now in force for its day (POST /api/v1/decisions/{id}/replay)
 * and shows what changed, field by field, with the new receipt; fires `ri-replayed`.
 */
export class RiDecisionReplay extends LocalizedElement {
  static override properties = {
    receiptId: { type: String },
    definitions: { attribute: false },
    outcomes: { attribute: false },
    result: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  declare receiptId: string;
  declare definitions: FactDefinitions;
  declare outcomes: OutcomeLabels;
  declare result: Replay | undefined;
  declare busy: boolean;
  declare error: unknown;

  constructor() {
    super();
    this.receiptId = '';
    this.definitions = {};
    this.outcomes = {};
    this.result = undefined;
    this.busy = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      section {
        border: 1px solid #b7cde0;
        border-radius: 6px;
        background: #ffffff;
        padding: 0.75rem 1.25rem 1rem;
        margin-top: 1.5rem;
      }
      h2 {
        margin-top: 0.25rem;
      }
      .outcome {
        font-weight: 700;
      }
      .same {
        border-left: 6px solid #00703c;
        background: #e7f4ec;
        padding: 0.5rem 1rem;
      }
      .changed {
        border-left: 6px solid #8a5300;
        background: #fff4e0;
        padding: 0.5rem 1rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-top: 0.5rem;
      }
      caption {
        text-align: left;
        font-weight: 700;
        padding: 0.25rem 0;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.4rem 0.6rem;
        border-top: 1px solid #d5e0ea;
      }
      thead th {
        background: #e8f1f8;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another decision opened: the replay shown belonged to the previous one.
    if (changed.has('receiptId')) {
      this.result = undefined;
      this.error = undefined;
    }
  }

  async #replay(): Promise<void> {
    const id = this.receiptId;
    this.busy = true;
    this.error = undefined;
    try {
      const result = await call(api.POST('/api/v1/decisions/{id}/replay', { params: { path: { id } } }));
      if (id !== this.receiptId) return;
      this.result = result;
      this.dispatchEvent(new CustomEvent<Replay>('ri-replayed', { detail: result, bubbles: true, composed: true }));
    } catch (e) {
      if (id === this.receiptId) this.error = e;
    } finally {
      this.busy = false;
    }
  }

  #result(r: Replay): TemplateResult {
    const ctx = { definitions: this.definitions, outcomes: this.outcomes };
    const receipt = html`<p>${t('console.replay.receipt')} <code>${r.replay.receipt.id}</code></p>`;
    if (!r.changed) return html`<div class="same"><p>${t('console.replay.same')}</p>${receipt}</div>`;
    return html`<div class="changed">
      <p>${t('console.replay.changed', { count: r.changes.length })}</p>
      <table>
        <caption>${t('console.replay.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('console.replay.col.field')}</th>
            <th scope="col">${t('console.replay.col.before')}</th>
            <th scope="col">${t('console.replay.col.after')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.changes.map(
            (c) => html`<tr>
              <th scope="row">${changeFieldLabel(c.field)}</th>
              <td>${changeValueText(c.field, c.before, ctx)}</td>
              <td>${changeValueText(c.field, c.after, ctx)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${
        r.because.length
          ? html`<h3>${t('console.replay.because')}</h3>
            <ul class="because">${r.because.map((b) => html`<li>${localText(b)}</li>`)}</ul>`
          : nothing
      }
      ${receipt}
    </div>`;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.receiptId) return nothing;
    return html`<section aria-labelledby="replay-title">
      <h2 id="replay-title">${t('console.replay.title')}</h2>
      <p>${t('console.replay.intro')}</p>
      <button type="button" ?disabled=${this.busy} @click=${this.#replay}>
        ${this.busy ? t('console.replay.busy') : t('console.replay.button')}
      </button>
      <div role="status">${this.result ? this.#result(this.result) : nothing}</div>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
    </section>`;
  }
}

customElements.define('ri-decision-replay', RiDecisionReplay);

declare global {
  interface HTMLElementTagNameMap {
    'ri-decision-replay': RiDecisionReplay;
  }
}
