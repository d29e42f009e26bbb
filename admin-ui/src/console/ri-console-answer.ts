import { css, html, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { OutcomeLabels } from './answer-text.ts';
import { factLabel } from './fact-display.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import { refusedFact } from './refused-fact.ts';
import type { ReceiptedAnswer, RiAnswerCard } from './ri-answer-card.ts';
import type { AskedRequest } from './ri-answer-what-if.ts';
import './ri-answer-card.ts';
import './ri-answer-to-test.ts';
import './ri-answer-what-if.ts';
import './ri-console-print.ts';
import './ri-decision-document.ts';
import './ri-decision-replay.ts';

/** Answers with nothing a single fact could change: no what-if for them. */
const NOTHING_TO_VARY = new Set(['undetermined', 'not_in_force']);

/**
 * The console's answer column: a refusal (with a button that fires `ri-focus-fact` for the fact it names),
 * then the placeholder or the answer with its print view, print button, replay and what-if. The events of
 * the answer card, replay and what-if pass through to the page.
 */
export class RiConsoleAnswer extends LocalizedElement {
  static override properties = {
    answer: { attribute: false },
    asked: { attribute: false },
    opened: { type: String },
    error: { attribute: false },
    definitions: { attribute: false },
    outcomes: { attribute: false },
    facts: { attribute: false },
    questionTitle: { type: String },
  };
  declare answer: ReceiptedAnswer | undefined;
  /** The request the answer was given for (the form may have changed since). */
  declare asked: AskedRequest | undefined;
  /** The receipt opened from the history, which can be replayed; empty for a fresh answer. */
  declare opened: string;
  declare error: unknown;
  declare definitions: FactDefinitions;
  declare outcomes: OutcomeLabels;
  /** The facts the version reads, in its order, for the print view. */
  declare facts: string[];
  declare questionTitle: string;

  constructor() {
    super();
    this.answer = undefined;
    this.asked = undefined;
    this.opened = '';
    this.error = undefined;
    this.definitions = {};
    this.outcomes = {};
    this.facts = [];
    this.questionTitle = '';
  }

  static override styles = [
    sharedStyles,
    css`
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
      @media print {
        .placeholder,
        .answer-tools,
        .alert {
          display: none;
        }
      }
    `,
  ];

  /** Moves focus to the answer card's heading, once both have rendered, so a screen reader reads the answer. */
  async focusAnswer(): Promise<void> {
    await this.updateComplete;
    const card = this.renderRoot.querySelector<RiAnswerCard>('ri-answer-card');
    await card?.updateComplete;
    card?.focusHeading();
  }

  #focusFact(name: string): void {
    this.dispatchEvent(new CustomEvent<string>('ri-focus-fact', { detail: name, bubbles: true, composed: true }));
  }

  #error(): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    const fact = refusedFact(this.error);
    return html`<div class="alert" role="alert">
      <p>${errorMessage(this.error)}</p>
      ${
        fact
          ? html`<button type="button" class="secondary" @click=${() => this.#focusFact(fact)}>
            ${t('console.error.goTo', { label: factLabel(this.definitions, fact) })}
          </button>`
          : nothing
      }
    </div>`;
  }

  override render(): TemplateResult {
    const a = this.answer;
    if (!a) return html`${this.#error()}<p class="placeholder">${t('console.answer.placeholder')}</p>`;
    const vary = this.asked && !NOTHING_TO_VARY.has(a.outcome) ? this.asked : undefined;
    return html`${this.#error()}
      <ri-console-print
        .request=${this.asked}
        .questionTitle=${this.questionTitle}
        .definitions=${this.definitions}
        .order=${this.facts}
      ></ri-console-print>
      <ri-answer-card
        .answer=${a}
        .definitions=${this.definitions}
        .outcomes=${this.outcomes}
        .questionTitle=${this.questionTitle}
      ></ri-answer-card>
      <div class="answer-tools">
        <button type="button" class="secondary" @click=${() => window.print()}>${t('console.answer.print')}</button>
        ${a.outcome === 'undetermined' ? nothing : html`<ri-decision-document .receiptId=${a.receipt.id}></ri-decision-document>`}
      </div>
      <ri-decision-replay .receiptId=${this.opened} .definitions=${this.definitions} .outcomes=${this.outcomes}></ri-decision-replay>
      <ri-answer-what-if .request=${vary} .definitions=${this.definitions} .outcomes=${this.outcomes}></ri-answer-what-if>
      ${session.can('draft') ? html`<ri-answer-to-test .receiptId=${a.receipt.id}></ri-answer-to-test>` : nothing}`;
  }
}

customElements.define('ri-console-answer', RiConsoleAnswer);

declare global {
  interface HTMLElementTagNameMap {
    'ri-console-answer': RiConsoleAnswer;
  }
}
