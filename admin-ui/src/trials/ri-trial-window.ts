import { html, type TemplateResult } from 'lit';
import { formatDate, formatMoney, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatSignedMoney } from './format.ts';
import { amountLabel } from './labels.ts';
import { tableStyles } from './table-styles.ts';
import type { TrialResult } from './types.ts';

/** A factor to four decimals: `1,0609`. */
const factor = (f: number) =>
  new Intl.NumberFormat(language() === 'pl' ? 'pl-PL' : 'en-GB', { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(
    f,
  );

/** A budget window's yearly costs under each version, national (weighted) and the sample's difference, with its payer. */
export class RiTrialWindow extends LocalizedElement {
  static override properties = { result: { attribute: false } };
  declare result: TrialResult | undefined;

  static override styles = [sharedStyles, tableStyles];

  override render(): TemplateResult {
    const w = this.result?.budget_window;
    if (!w) return html``;
    const lang = language();
    const first = w.rows[0]?.year ?? 0;
    const last = w.rows.at(-1)?.year ?? 0;
    const rate = `${formatNumber(w.rate_percent)}${lang === 'pl' ? ' %' : '%'}`;
    return html`<div class="table-wrap" role="region" aria-labelledby="window-caption" tabindex="0">
        <table>
          <caption id="window-caption">${t('trials.window.caption', { amount: amountLabel(w.amount), from: first, to: last })}</caption>
          <thead>
            <tr>
              <th scope="col">${t('trials.window.year')}</th>
              <th scope="col">${t('trials.window.basis')}</th>
              <th scope="col">${t('trials.window.baseline')}</th>
              <th scope="col">${t('trials.window.proposal')}</th>
              <th scope="col">${t('trials.window.difference')}</th>
              <th scope="col">${t('trials.window.countedDifference')}</th>
            </tr>
          </thead>
          <tbody>
            ${w.rows.map(
              (r) => html`<tr>
                <th scope="row">${r.year}</th>
                <td>
                  ${r.indexed ? t('trials.window.indexed', { factor: factor(r.index_factor) }) : t('trials.window.announced', { date: formatDate(r.evaluated_on) })}
                </td>
                <td class="num">${formatMoney(r.weighted_baseline_cost)}</td>
                <td class="num">${formatMoney(r.weighted_proposal_cost)}</td>
                <td class="num">${formatSignedMoney(r.weighted_cost_difference)}</td>
                <td class="num">${formatSignedMoney(r.cost_difference)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p>${t('trials.window.rate', { year: w.announced_through, rate })}</p>
      <p>
        ${w.payer ? t('trials.window.fund', { payer: w.payer[lang] }) : ''}
        ${w.labour_fund ? t('trials.window.labourFund') : t('trials.window.notLabourFund')}
      </p>`;
  }
}

customElements.define('ri-trial-window', RiTrialWindow);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-window': RiTrialWindow;
  }
}
