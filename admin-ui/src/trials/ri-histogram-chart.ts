import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { ChartBin } from './bins.ts';

/** Geometry of the chart in the SVG's own units; the SVG scales to the width it is given. */
const BAR = 44;
const GAP = 12;
const LEFT = 56;
const TOP = 24;
const PLOT = 220;
const BOTTOM = 64;

/** Up to five round steps for the vertical axis: 0, 250, 500… */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const out: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) out.push(Math.round(v));
  return out;
}

let chartCount = 0;

/**
 * A bar chart of how many persons gain or lose how much, drawn as SVG by hand: each bar carries its range and
 * count as an accessible name, and the same figures are offered as a table.
 */
export class RiHistogramChart extends LocalizedElement {
  static override properties = { bins: { attribute: false }, heading: { type: String } };
  declare bins: ChartBin[];
  /** The chart's title, also its accessible name. */
  declare heading: string;
  /** Ids unique to this chart, as a page may show one per amount. */
  readonly #id = `chart-${++chartCount}`;

  constructor() {
    super();
    this.bins = [];
    this.heading = '';
  }

  static override styles = [
    sharedStyles,
    css`
      figure {
        margin: 0;
      }
      figcaption {
        font-weight: 700;
        margin-bottom: 0.5rem;
      }
      svg {
        width: 100%;
        max-width: 60rem;
        height: auto;
        display: block;
      }
      .axis {
        stroke: #505a5f;
        stroke-width: 1;
      }
      .grid {
        stroke: #d5e0ea;
        stroke-width: 1;
      }
      .tick,
      .bin,
      .count {
        font-size: 12px;
        fill: #1b1b1b;
      }
      .loss {
        fill: #b3261e;
      }
      .gain {
        fill: #00703c;
      }
      .legend {
        display: flex;
        gap: 1.5rem;
        margin: 0.5rem 0;
        padding: 0;
        list-style: none;
      }
      .swatch {
        display: inline-block;
        width: 0.9rem;
        height: 0.9rem;
        margin-right: 0.4rem;
        vertical-align: -0.1rem;
        border: 1px solid #1b1b1b;
      }
      .swatch.loss {
        background: #b3261e;
      }
      .swatch.gain {
        background: #00703c;
      }
      details {
        margin-top: 0.5rem;
      }
      summary {
        cursor: pointer;
        color: #0b4f8a;
        font-weight: 600;
      }
      table {
        border-collapse: collapse;
        margin-top: 0.5rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.3rem 0.75rem;
        border-top: 1px solid #d5e0ea;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  #bar(bin: ChartBin, i: number, max: number) {
    const h = max > 0 ? (bin.persons / max) * PLOT : 0;
    const x = LEFT + GAP + i * (BAR + GAP);
    const y = TOP + PLOT - h;
    const name = t('trials.chart.bar', { range: bin.label, persons: formatNumber(bin.persons) });
    const labelX = x + BAR / 2;
    return svg`<g>
      <rect class=${bin.tone} x=${x} y=${y} width=${BAR} height=${Math.max(h, bin.persons > 0 ? 1 : 0)} role="img" aria-label=${name}>
        <title>${name}</title>
      </rect>
      ${bin.persons > 0 ? svg`<text class="count" x=${labelX} y=${y - 6} text-anchor="middle" aria-hidden="true">${formatNumber(bin.persons)}</text>` : nothing}
      <text class="bin" aria-hidden="true" transform=${`translate(${labelX} ${TOP + PLOT + 14}) rotate(-35)`} text-anchor="end">${bin.short}</text>
    </g>`;
  }

  override render(): TemplateResult {
    const bins = this.bins;
    const max = Math.max(0, ...bins.map((b) => b.persons));
    const axis = ticks(max);
    const top = axis.at(-1) ?? 0;
    const width = LEFT + GAP + bins.length * (BAR + GAP);
    const height = TOP + PLOT + BOTTOM;
    const titleId = `${this.#id}-title`;
    const y = (v: number) => TOP + PLOT - (top > 0 ? (v / top) * PLOT : 0);
    return html`<figure>
      <figcaption id=${titleId}>${this.heading}</figcaption>
      <ul class="legend">
        <li><span class="swatch loss" aria-hidden="true"></span>${t('trials.chart.losses')}</li>
        <li><span class="swatch gain" aria-hidden="true"></span>${t('trials.chart.gains')}</li>
      </ul>
      <svg viewBox="0 0 ${width} ${height}" role="group" aria-labelledby=${titleId}>
        ${axis.map(
          (v) => svg`<line class="grid" x1=${LEFT} x2=${width} y1=${y(v)} y2=${y(v)}></line>
            <text class="tick" x=${LEFT - 6} y=${y(v) + 4} text-anchor="end" aria-hidden="true">${formatNumber(v)}</text>`,
        )}
        <line class="axis" x1=${LEFT} x2=${LEFT} y1=${TOP} y2=${TOP + PLOT}></line>
        <line class="axis" x1=${LEFT} x2=${width} y1=${TOP + PLOT} y2=${TOP + PLOT}></line>
        ${bins.map((b, i) => this.#bar(b, i, top))}
      </svg>
      <p class="muted">${t('trials.chart.axes')}</p>
      <details>
        <summary>${t('trials.chart.asTable')}</summary>
        <table>
          <caption class="visually-hidden">${this.heading}</caption>
          <thead>
            <tr>
              <th scope="col">${t('trials.chart.range')}</th>
              <th scope="col">${t('trials.chart.persons')}</th>
            </tr>
          </thead>
          <tbody>
            ${bins.map((b) => html`<tr><th scope="row">${b.label}</th><td class="num">${formatNumber(b.persons)}</td></tr>`)}
          </tbody>
        </table>
      </details>
    </figure>`;
  }
}

customElements.define('ri-histogram-chart', RiHistogramChart);

declare global {
  interface HTMLElementTagNameMap {
    'ri-histogram-chart': RiHistogramChart;
  }
}
