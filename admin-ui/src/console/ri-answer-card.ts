import { html, nothing, type TemplateResult } from 'lit';
import type { Schemas } from '../shared/api/client.ts';
import { formatDate, formatDateTime, formatMoney } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { answerCardStyles } from './answer-card-styles.ts';
import { amountLabel, formatValue, type OutcomeLabels, outcomeLabel, outcomeTone, valueLabel } from './answer-text.ts';
import { factLabel } from './fact-display.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import { local } from './local-text.ts';
import { isIsoDay } from './today.ts';
import '../shared/law/ri-act-link.ts';

/** An answer with its receipt: from POST /api/v1/decisions, or a stored receipt opened from the history. */
export type ReceiptedAnswer = Schemas['AnswerWithReceipt'];

/**
 * The answer as a card: the outcome in words, amounts in złoty, other values, the missing facts (each a
 * button that fires `ri-focus-fact` to focus its field), every reason with its article, the caveats, the
 * version with its hash, and the receipt.
 */
export class RiAnswerCard extends LocalizedElement {
  static override properties = {
    answer: { attribute: false },
    definitions: { attribute: false },
    outcomes: { attribute: false },
    questionTitle: { type: String },
  };
  declare answer: ReceiptedAnswer | undefined;
  declare definitions: FactDefinitions;
  declare outcomes: OutcomeLabels;
  declare questionTitle: string;

  constructor() {
    super();
    this.answer = undefined;
    this.definitions = {};
    this.outcomes = {};
    this.questionTitle = '';
  }

  static override styles = [sharedStyles, answerCardStyles];

  /** Moves focus to the card's heading, so a screen reader reads the new answer. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #focusFact(name: string): void {
    this.dispatchEvent(new CustomEvent<string>('ri-focus-fact', { detail: name, bubbles: true, composed: true }));
  }

  #amounts(a: ReceiptedAnswer): TemplateResult | typeof nothing {
    const entries = Object.entries(a.amounts);
    if (!entries.length) return nothing;
    return html`<h3>${t('console.answer.amounts')}</h3>
      <dl>
        ${entries.map(([name, amount]) => html`<dt>${amountLabel(name)}</dt><dd class="money">${formatMoney(amount)}</dd>`)}
      </dl>`;
  }

  #values(a: ReceiptedAnswer): TemplateResult | typeof nothing {
    const entries = Object.entries(a.values);
    if (!entries.length) return nothing;
    return html`<h3>${t('console.answer.values')}</h3>
      <dl>
        ${entries.map(([name, value]) => html`<dt>${valueLabel(name)}</dt><dd>${formatValue(name, value)}</dd>`)}
      </dl>`;
  }

  #missing(a: ReceiptedAnswer): TemplateResult | typeof nothing {
    if (!a.missing.length) return nothing;
    return html`<div class="missing" role="group" aria-labelledby="missing-title">
      <h3 id="missing-title">${t('console.answer.missing')}</h3>
      <p>${t('console.answer.missingIntro')}</p>
      <ul>
        ${a.missing.map((name) => {
          const label = factLabel(this.definitions, name);
          return html`<li>
            <button type="button" class="link" @click=${() => this.#focusFact(name)}>
              ${label}<span class="visually-hidden"> ${t('console.answer.goToField')}</span>
            </button>
            <span class="print-text">${label}</span>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #reasons(a: ReceiptedAnswer): TemplateResult | typeof nothing {
    if (!a.reasons.length) return nothing;
    return html`<h3>${t('console.answer.reasons')}</h3>
      <ol class="reasons">
        ${a.reasons.map(
          (r) => html`<li data-rule=${r.rule}>
            <span class="basis">${r.basis}<ri-act-link basis=${r.basis}></ri-act-link></span>: ${local(r.text)}
            ${r.met ? nothing : html`<span class="failed">(${t('console.answer.reasonFailed')})</span>`}
          </li>`,
        )}
      </ol>`;
  }

  #caveats(a: ReceiptedAnswer): TemplateResult | typeof nothing {
    if (!a.caveats.length) return nothing;
    return html`<h3>${t('console.answer.caveats')}</h3>
      <ul class="caveats">
        ${a.caveats.map((c) => html`<li>${local(c.text)} <code>${c.code}</code></li>`)}
      </ul>`;
  }

  #meta(a: ReceiptedAnswer): TemplateResult {
    const { version, hash } = a.ruleset;
    return html`<dl class="meta">
      <dt>${t('console.answer.ruleset')}</dt>
      <dd>
        ${version ? t('console.answer.rulesetValue', { version: isIsoDay(version) ? formatDate(version) : version }) : t('console.answer.noRuleset')}
        ${a.ruleset.kind === 'proposal' ? html`(${t('console.answer.proposal')})` : nothing}
      </dd>
      <dt>${t('console.answer.hash')}</dt>
      <dd><code title=${hash ?? ''}>${hash ?? '—'}</code></dd>
      <dt>${t('console.answer.receipt')}</dt>
      <dd><code class="receipt">${a.receipt.id}</code></dd>
      ${a.receipt.office ? html`<dt>${t('console.answer.office')}</dt><dd>${a.receipt.office}</dd>` : nothing}
      <dt>${t('console.answer.createdAt')}</dt>
      <dd><time datetime=${a.receipt.created_at}>${formatDateTime(a.receipt.created_at)}</time></dd>
    </dl>`;
  }

  override render(): TemplateResult | typeof nothing {
    const a = this.answer;
    if (!a) return nothing;
    return html`<section aria-labelledby="answer-title">
      <h2 id="answer-title" tabindex="-1">${t('console.answer.title')}</h2>
      <p class="asked">${t('console.answer.asked', { question: this.questionTitle || a.question, date: formatDate(a.date) })}</p>
      <p class="outcome ${outcomeTone(a.outcome)}">
        <span class="label">${t('console.answer.outcome')}</span>
        <span class="outcome-text">${outcomeLabel(this.outcomes, a.outcome)}</span>
      </p>
      ${this.#missing(a)} ${this.#amounts(a)} ${this.#values(a)} ${this.#reasons(a)} ${this.#caveats(a)} ${this.#meta(a)}
    </section>`;
  }
}

customElements.define('ri-answer-card', RiAnswerCard);

declare global {
  interface HTMLElementTagNameMap {
    'ri-answer-card': RiAnswerCard;
  }
}
