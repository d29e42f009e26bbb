import { html, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatShare, formatSignedMoney } from './format.ts';
import { amountLabel, factLabel, factValueLabel } from './labels.ts';
import { tableStyles } from './table-styles.ts';
import type { Catalogue, TrialResult } from './types.ts';

type Cells = TrialResult['breakdowns'][string];

/** Numbers in numeric order, then the other values by how many persons hold them. */
function orderedValues(cells: Cells): string[] {
  return Object.keys(cells).sort((a, b) => {
    const [na, nb] = [Number(a), Number(b)];
    const numeric = a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb);
    return numeric ? na - nb : (cells[b]?.persons ?? 0) - (cells[a]?.persons ?? 0) || a.localeCompare(b);
  });
}

/** The run broken down by the facts chosen before it: per value, persons, changed answers and the money moved. */
export class RiTrialBreakdown extends LocalizedElement {
  static override properties = {
    breakdowns: { attribute: false },
    catalogue: { attribute: false },
    amount: { type: String },
    monthsPerYear: { type: Number },
  };
  declare breakdowns: TrialResult['breakdowns'];
  declare catalogue: Catalogue | undefined;
  /** The question's first amount, the one a breakdown's money figures are of ('' when it pays none). */
  declare amount: string;
  declare monthsPerYear: number;

  constructor() {
    super();
    this.breakdowns = {};
    this.catalogue = undefined;
    this.amount = '';
    this.monthsPerYear = 12;
  }

  static override styles = [sharedStyles, tableStyles];

  #table(fact: string, cells: Cells, index: number): TemplateResult {
    const id = `breakdown-${index}`;
    const money = this.amount !== '';
    return html`<div class="table-wrap" role="region" aria-labelledby=${id} tabindex="0">
      <table>
        <caption id=${id}>${t('trials.breakdown.caption', { fact: factLabel(fact, this.catalogue) })} <code>${fact}</code></caption>
        <thead>
          <tr>
            <th scope="col">${t('trials.breakdown.value')}</th>
            <th scope="col">${t('trials.breakdown.persons')}</th>
            <th scope="col">${t('trials.breakdown.changed')}</th>
            <th scope="col">${t('trials.breakdown.share')}</th>
            ${
              money
                ? html`<th scope="col">${t('trials.breakdown.monthly', { amount: amountLabel(this.amount) })}</th>
                  <th scope="col">${t('trials.breakdown.yearly')}</th>`
                : ''
            }
          </tr>
        </thead>
        <tbody>
          ${orderedValues(cells).map((value) => {
            const c = cells[value] ?? { persons: 0, changed: 0, total_delta: 0 };
            return html`<tr>
              <th scope="row">${factValueLabel(value)}${factValueLabel(value) === value ? '' : html` <code>${value}</code>`}</th>
              <td class="num">${formatNumber(c.persons)}</td>
              <td class="num">${formatNumber(c.changed)}</td>
              <td class="num">${formatShare(c.changed, c.persons)}</td>
              ${
                money
                  ? html`<td class="num">${formatSignedMoney(c.total_delta)}</td>
                    <td class="num">${formatSignedMoney(Math.round(c.total_delta * this.monthsPerYear * 100) / 100)}</td>`
                  : ''
              }
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const facts = Object.entries(this.breakdowns);
    if (!facts.length) return html`<p>${t('trials.breakdown.notAsked')}</p>`;
    return html`${facts.map(([fact, cells], i) => this.#table(fact, cells, i))}
      <p class="muted">${t('trials.breakdown.note')}</p>`;
  }
}

customElements.define('ri-trial-breakdown', RiTrialBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-breakdown': RiTrialBreakdown;
  }
}
