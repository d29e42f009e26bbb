import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { confidenceLabel } from '../shared/law/confidence.ts';
import { rulesStyles } from '../shared/law/law-styles.ts';
import type { ParameterDefinition } from '../shared/law/lexicon.ts';
import { localText } from '../shared/law/local-text.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatValue, valueOn } from './parameter-values.ts';
import '../shared/law/ri-act-link.ts';

/**
 * One dated parameter, read-only: its value in force on a day (with basis and confidence), and every dated
 * value in a table, the one in force marked.
 */
export class RiParameterValues extends LocalizedElement {
  static override properties = {
    parameterId: { type: String },
    definition: { attribute: false },
    day: { type: String },
    open: { type: Boolean },
  };
  /** The parameter's id, e.g. `zasilek.first_90_days`. */
  declare parameterId: string;
  /** Its definition from the catalogue; undefined when the catalogue lacks it. */
  declare definition: ParameterDefinition | undefined;
  /** The day whose value is shown first (YYYY-MM-DD). */
  declare day: string;
  /** Shows the table of dated values unfolded. */
  declare open: boolean;

  constructor() {
    super();
    this.parameterId = '';
    this.definition = undefined;
    this.day = '';
    this.open = false;
  }

  static override styles = [
    sharedStyles,
    rulesStyles,
    css`
      h3 {
        font-size: 1.1rem;
        margin: 0 0 0.25rem;
      }
      h3 code {
        font-weight: 400;
        color: #3b3f42;
        font-size: 0.85rem;
        margin-left: 0.4rem;
      }
      .now {
        margin: 0.25rem 0;
      }
      .now strong {
        font-size: 1.05rem;
      }
    `,
  ];

  #table(def: ParameterDefinition, current: ParameterDefinition['values'][number] | undefined): TemplateResult {
    const label = localText(def.label, this.parameterId);
    const captionId = `caption-${this.parameterId}`;
    return html`<div class="table-wrap" role="region" aria-labelledby=${captionId} tabindex="0">
      <table>
        <caption id=${captionId}>${t('param.caption', { label })}</caption>
        <thead>
          <tr>
            <th scope="col">${t('param.col.from')}</th>
            <th scope="col">${t('param.col.value')}</th>
            <th scope="col">${t('param.col.basis')}</th>
            <th scope="col">${t('param.col.confidence')}</th>
            <th scope="col">${t('param.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          ${def.values.map(
            (v) => html`<tr class=${v === current ? 'current' : ''}>
              <td class="day">
                <time datetime=${v.from}>${formatDate(v.from)}</time>
                ${v === current ? html`<span class="visually-hidden">(${t('param.current')})</span>` : nothing}
              </td>
              <td class="num">${formatValue(v.value, def.unit)}</td>
              <td lang="pl">${v.basis}<ri-act-link basis=${v.basis}></ri-act-link></td>
              <td>${confidenceLabel(v.confidence)}</td>
              <td>${v.note ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const def = this.definition;
    if (!def) return html`<p class="alert">${t('param.unknown', { id: this.parameterId })}</p>`;
    const current = this.day ? valueOn(def.values, this.day) : undefined;
    return html`<h3>${localText(def.label, this.parameterId)}<code>${this.parameterId}</code></h3>
      ${
        this.day
          ? current
            ? html`<p class="now">
              ${t('param.inForce', { date: formatDate(this.day) })} <strong>${formatValue(current.value, def.unit)}</strong>
              <span class="muted">(<span lang="pl">${current.basis}<ri-act-link basis=${current.basis}></ri-act-link></span>; ${confidenceLabel(current.confidence)})</span>
            </p>`
            : html`<p class="now">${t('param.notYet', { date: formatDate(this.day) })}</p>`
          : nothing
      }
      <details ?open=${this.open}>
        <summary>${t('param.history', { count: formatNumber(def.values.length) })}</summary>
        ${this.#table(def, current)}
      </details>`;
  }
}

customElements.define('ri-parameter-values', RiParameterValues);

declare global {
  interface HTMLElementTagNameMap {
    'ri-parameter-values': RiParameterValues;
  }
}
