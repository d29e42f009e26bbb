import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatSignedMoney } from './format.ts';
import { amountLabel } from './labels.ts';
import { tableStyles } from './table-styles.ts';
import type { TrialResult } from './types.ts';

type CalibrationRow = NonNullable<TrialResult['calibration']>[number];

/** A confidence word as a person reads it. */
export function confidenceLabel(c: CalibrationRow['confidence']): string {
  return t(`trials.confidence.${c}`);
}

/** A signed percentage to two decimals: `+0,12 %`. */
function formatPercent(p: number): string {
  return (
    new Intl.NumberFormat(language() === 'pl' ? 'pl-PL' : 'en-GB', {
      maximumFractionDigits: 2,
      minimumFractionDigits: 2,
      signDisplay: 'exceptZero',
    }).format(p) + (language() === 'pl' ? ' %' : '%')
  );
}

/** What the sample stands for nationally: the amounts counted and weighted, and each calibration target with its source. */
export class RiTrialWeighted extends LocalizedElement {
  static override properties = { result: { attribute: false } };
  declare result: TrialResult | undefined;

  static override styles = [sharedStyles, tableStyles];

  #totals(r: TrialResult): TemplateResult {
    const rows = r.weighted?.totals ?? [];
    if (!rows.length) return html``;
    return html`<div class="table-wrap" role="region" aria-labelledby="totals-caption" tabindex="0">
      <table>
        <caption id="totals-caption">${t('trials.weighted.totals')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('trials.weighted.amount')}</th>
            <th scope="col">${t('trials.weighted.countedMonthly')}</th>
            <th scope="col">${t('trials.weighted.weightedMonthly')}</th>
            <th scope="col">${t('trials.weighted.countedYearly')}</th>
            <th scope="col">${t('trials.weighted.weightedYearly')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (x) => html`<tr>
              <th scope="row">${amountLabel(x.amount)}</th>
              <td class="num">${formatSignedMoney(x.counted_total_delta)}</td>
              <td class="num">${formatSignedMoney(x.weighted_total_delta)}</td>
              <td class="num">${formatSignedMoney(x.counted_yearly)}</td>
              <td class="num">${formatSignedMoney(x.weighted_yearly)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #calibration(rows: CalibrationRow[]): TemplateResult {
    if (!rows.length) return html``;
    return html`<div class="table-wrap" role="region" aria-labelledby="calibration-caption" tabindex="0">
      <table>
        <caption id="calibration-caption">${t('trials.weighted.calibration')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('trials.weighted.target')}</th>
            <th scope="col">${t('trials.weighted.expected')}</th>
            <th scope="col">${t('trials.weighted.got')}</th>
            <th scope="col">${t('trials.weighted.difference')}</th>
            <th scope="col">${t('trials.weighted.source')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (c) => html`<tr>
              <th scope="row">${c.target === 'national' ? t('trials.weighted.national') : html`<span lang="pl">${c.target}</span>`}</th>
              <td class="num">${formatNumber(c.expected)}</td>
              <td class="num">${formatNumber(c.weighted)}</td>
              <td class="num">${formatPercent(c.difference_percent)}</td>
              <td>
                ${c.url ? html`<a href=${c.url} rel="noopener noreferrer" lang="pl">${c.source}</a>` : html`<span lang="pl">${c.source}</span> (${t('trials.weighted.noLink')})`},
                ${c.source_year}, ${confidenceLabel(c.confidence)}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const r = this.result;
    if (!r?.weighted) return html``;
    const lang = language();
    const cl = r.caseload;
    return html`${
      cl
        ? html`<p>
              ${t('trials.weighted.standsFor', {
                population: cl.population[lang],
                persons: formatNumber(r.persons),
                weighted: formatNumber(r.weighted.persons),
              })}
            </p>
            <p>${t('trials.weighted.payer', { payer: cl.payer[lang] })} <span lang="pl">${cl.payer_basis}</span>.</p>`
        : html`<p>${t('trials.weighted.noCaseload')}</p>`
    }
      ${this.#totals(r)} ${this.#calibration((r.calibration ?? []).filter((c) => c.target === 'national'))}
      ${
        r.assumptions.statements?.length
          ? html`<details>
              <summary>${t('trials.weighted.assumptions')}</summary>
              <ul>
                ${r.assumptions.statements.map((s) => html`<li>${s[lang]}</li>`)}
              </ul>
            </details>`
          : nothing
      }`;
  }
}

customElements.define('ri-trial-weighted', RiTrialWeighted);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-weighted': RiTrialWeighted;
  }
}
