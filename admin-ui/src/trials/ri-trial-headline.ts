import { css, html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatShare, formatSignedMoney } from './format.ts';
import { amountLabel } from './labels.ts';
import type { TrialResult } from './types.ts';

/**
 * The result at a glance: how many answers change, who gains and who loses (for the question's first amount),
 * and the yearly cost difference with the assumption it rests on.
 */
export class RiTrialHeadline extends LocalizedElement {
  static override properties = { result: { attribute: false } };
  declare result: TrialResult | undefined;

  static override styles = [
    sharedStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
        gap: 0.75rem;
        margin: 0 0 0.75rem;
      }
      div.card {
        border: 1px solid #b7cde0;
        border-top: 6px solid #0b4f8a;
        padding: 0.75rem 1rem;
        background: #ffffff;
        min-width: 0;
      }
      div.gain {
        border-top-color: #00703c;
      }
      div.loss {
        border-top-color: #b3261e;
      }
      div.cost {
        border-top-color: #6f3c8a;
      }
      dt {
        font-weight: 600;
        font-size: 0.95rem;
      }
      dd {
        margin: 0.25rem 0 0;
      }
      .figure {
        display: block;
        overflow-wrap: anywhere;
        font-size: clamp(1.15rem, 1.6vw, 1.6rem);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 1.2;
      }
      .detail {
        display: block;
        overflow-wrap: anywhere;
        color: #4a5257;
        font-size: 0.9rem;
        margin-top: 0.2rem;
      }
    `,
  ];

  #card(kind: string, label: string, figure: string, detail: string): TemplateResult {
    return html`<div class="card ${kind}">
      <dt>${label}</dt>
      <dd><span class="figure">${figure}</span>${detail ? html`<span class="detail">${detail}</span>` : nothing}</dd>
    </div>`;
  }

  override render(): TemplateResult {
    const r = this.result;
    if (!r) return html``;
    const amount = Object.keys(r.money)[0];
    const m = amount === undefined ? undefined : r.money[amount];
    const yearly = amount === undefined ? undefined : r.yearly_cost_difference[amount];
    const months = r.assumptions.months_per_year;
    // Only a population that stands for a caseload has a national figure worth a card.
    const national = r.caseload ? r.weighted?.totals.find((x) => x.amount === amount)?.weighted_yearly : undefined;
    return html`<dl>
        ${this.#card(
          '',
          t('trials.headline.changed'),
          formatNumber(r.changed),
          t('trials.headline.changedOf', { share: formatShare(r.changed, r.persons), persons: formatNumber(r.persons) }),
        )}
        ${
          r.changed_outcomes === undefined
            ? nothing
            : this.#card(
                '',
                t('trials.headline.changedOutcomes'),
                formatNumber(r.changed_outcomes),
                t('trials.headline.changedOf', {
                  share: formatShare(r.changed_outcomes, r.persons),
                  persons: formatNumber(r.persons),
                }),
              )
        }
        ${
          m && amount
            ? html`${this.#card(
                'gain',
                t('trials.headline.gainers'),
                formatNumber(m.gainers),
                m.gainers ? t('trials.headline.meanGain', { amount: formatSignedMoney(m.mean_gain) }) : '',
              )}
              ${this.#card(
                'loss',
                t('trials.headline.losers'),
                formatNumber(m.losers),
                m.losers ? t('trials.headline.meanLoss', { amount: formatSignedMoney(m.mean_loss) }) : '',
              )}
              ${this.#card(
                'cost',
                t('trials.headline.yearly', { amount: amountLabel(amount) }),
                formatSignedMoney(yearly ?? 0),
                [
                  t('trials.headline.monthly', { amount: formatSignedMoney(m.total_delta) }),
                  national === undefined ? '' : t('trials.headline.national', { amount: formatSignedMoney(national) }),
                ]
                  .filter(Boolean)
                  .join(' · '),
              )}`
            : nothing
        }
      </dl>
      <p class="muted">${t('trials.headline.changedDefinition')}</p>
      ${m ? html`<p><strong>${t('trials.headline.assumptionLabel')}</strong> ${t('trials.assumption', { months })}</p>` : nothing}`;
  }
}

customElements.define('ri-trial-headline', RiTrialHeadline);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-headline': RiTrialHeadline;
  }
}
