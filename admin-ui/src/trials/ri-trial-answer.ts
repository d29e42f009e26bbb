import { css, html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { amountLabel, outcomeLabel } from './labels.ts';
import type { Catalogue, TrialAnswer } from './types.ts';

/** One example person's answer under one version: the outcome, the amounts, and every reason with its article. */
export class RiTrialAnswer extends LocalizedElement {
  static override properties = {
    answer: { attribute: false },
    catalogue: { attribute: false },
    heading: { type: String },
  };
  declare answer: TrialAnswer | undefined;
  declare catalogue: Catalogue | undefined;
  /** Which version answered, in words: "Under the law in force", "Under the proposal". */
  declare heading: string;

  constructor() {
    super();
    this.answer = undefined;
    this.catalogue = undefined;
    this.heading = '';
  }

  static override styles = [
    sharedStyles,
    css`
      section {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem;
        height: 100%;
        box-sizing: border-box;
      }
      h5 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      .outcome {
        font-weight: 700;
        margin: 0 0 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2rem 0.75rem;
        margin: 0 0 0.5rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      ul {
        padding-left: 0;
        list-style: none;
        margin: 0;
      }
      li {
        margin: 0.35rem 0;
        display: grid;
        grid-template-columns: 1.5rem 1fr;
      }
      .mark {
        font-weight: 700;
      }
      .met {
        color: #00703c;
      }
      .unmet {
        color: #b3261e;
      }
      .basis {
        display: block;
        font-size: 0.9rem;
      }
    `,
  ];

  override render(): TemplateResult {
    const a = this.answer;
    if (!a) return html``;
    const lang = language();
    const amounts = Object.entries(a.amounts);
    return html`<section aria-label=${this.heading}>
      <h5>${this.heading}</h5>
      <p class="outcome">${outcomeLabel(a.outcome, this.catalogue)} <code>${a.outcome}</code></p>
      ${
        amounts.length
          ? html`<dl>
            ${amounts.map(([name, value]) => html`<dt>${amountLabel(name)}</dt><dd>${formatMoney(value)}</dd>`)}
          </dl>`
          : nothing
      }
      <ul aria-label=${t('trials.example.reasons')}>
        ${a.reasons.map(
          (r) => html`<li>
            <span class="mark ${r.met ? 'met' : 'unmet'}" aria-hidden="true">${r.met ? '✓' : '✗'}</span>
            <span>
              <span class="visually-hidden">${r.met ? t('trials.example.met') : t('trials.example.unmet')}</span>
              ${r.text[lang]}
              <span class="basis muted">${r.basis}</span>
            </span>
          </li>`,
        )}
      </ul>
      ${
        a.caveats.length
          ? html`<p class="muted">${t('trials.example.caveats')}</p>
            <ul>
              ${a.caveats.map((c) => html`<li><span aria-hidden="true">!</span><span>${c.text[lang]}</span></li>`)}
            </ul>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('ri-trial-answer', RiTrialAnswer);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-answer': RiTrialAnswer;
  }
}
