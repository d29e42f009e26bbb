import { css, html, type TemplateResult } from 'lit';
import { cssProps } from '../questions/css-props.ts';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatSignedMoney } from './format.ts';
import { tableStyles } from './table-styles.ts';
import type { TrialResult } from './types.ts';

type RegionRow = NonNullable<TrialResult['regions']>[number];

/** A bar's length as a share of the longest, so the chart is read without a map or an axis. */
export function barShare(value: number, rows: readonly { value: number }[]): number {
  const max = Math.max(0, ...rows.map((r) => Math.abs(r.value)));
  return max === 0 ? 0 : Math.abs(value) / max;
}

/** The run by voivodeship: a table (sample and national) and a bar chart of the yearly cost change, no map. */
export class RiTrialRegions extends LocalizedElement {
  static override properties = { result: { attribute: false } };
  declare result: TrialResult | undefined;

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      figure {
        margin: 1rem 0;
        max-width: 48rem;
      }
      figcaption {
        font-weight: 700;
        margin-bottom: 0.5rem;
      }
      ol.bars {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.bars li {
        display: grid;
        grid-template-columns: minmax(7rem, 11rem) 1fr;
        align-items: center;
        gap: 0.5rem;
        margin: 0.2rem 0;
      }
      .track {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        min-width: 0;
      }
      .bar {
        height: 1.1rem;
        background: #6f3c8a;
        flex: none;
      }
      .bar.saving {
        background: #00703c;
      }
      .value {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        font-size: 0.9rem;
      }
    `,
  ];

  #table(rows: RegionRow[], expected: Map<string, number>): TemplateResult {
    return html`<div class="table-wrap" role="region" aria-labelledby="regions-caption" tabindex="0">
      <table>
        <caption id="regions-caption">${t('trials.regions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('trials.regions.region')}</th>
            <th scope="col">${t('trials.regions.persons')}</th>
            <th scope="col">${t('trials.regions.weighted')}</th>
            <th scope="col">${t('trials.weighted.expected')}</th>
            <th scope="col">${t('trials.regions.changed')}</th>
            <th scope="col">${t('trials.regions.monthly')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <th scope="row" lang="pl">${r.voivodeship}</th>
              <td class="num">${formatNumber(r.persons)}</td>
              <td class="num">${formatNumber(r.weighted_persons)}</td>
              <td class="num">${expected.has(r.voivodeship) ? formatNumber(expected.get(r.voivodeship) ?? 0) : '—'}</td>
              <td class="num">${formatNumber(r.weighted_changed)}</td>
              <td class="num">${formatSignedMoney(r.weighted_total_delta)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #chart(rows: RegionRow[], months: number): TemplateResult {
    const bars = rows
      .map((r) => ({ name: r.voivodeship, value: Math.round(r.weighted_total_delta * months * 100) / 100 }))
      .sort((a, b) => b.value - a.value);
    return html`<figure>
      <figcaption id="regions-chart">${t('trials.regions.chart')}</figcaption>
      <ol class="bars" aria-labelledby="regions-chart">
        ${bars.map(
          (b) => html`<li>
            <span lang="pl">${b.name}</span>
            <span class="track">
              <span class="bar ${b.value < 0 ? 'saving' : ''}" ${cssProps({ width: `${(barShare(b.value, bars) * 70).toFixed(2)}%` })}></span>
              <span class="value">${formatSignedMoney(b.value)}</span>
            </span>
          </li>`,
        )}
      </ol>
    </figure>`;
  }

  override render(): TemplateResult {
    const r = this.result;
    const rows = r?.regions ?? [];
    if (!r || !rows.length) return html`<p>${t('trials.regions.none')}</p>`;
    const expected = new Map((r.calibration ?? []).filter((c) => c.target !== 'national').map((c) => [c.target, c.expected]));
    return html`${this.#chart(rows, r.assumptions.months_per_year)} ${this.#table(rows, expected)}
      <p class="muted">${t('trials.regions.note')}</p>`;
  }
}

customElements.define('ri-trial-regions', RiTrialRegions);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-regions': RiTrialRegions;
  }
}
