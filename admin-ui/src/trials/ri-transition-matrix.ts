import { css, html, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { formatShare } from './format.ts';
import { outcomeLabel } from './labels.ts';
import { transitionMatrix } from './matrix.ts';
import type { Catalogue } from './types.ts';

/**
 * The outcome change matrix: the answer under the baseline (rows) against the answer under the proposal
 * (columns), persons in each cell, the diagonal being those whose outcome stays; then each change in words.
 */
export class RiTransitionMatrix extends LocalizedElement {
  static override properties = {
    transitions: { attribute: false },
    catalogue: { attribute: false },
    persons: { type: Number },
  };
  declare transitions: Record<string, number>;
  declare catalogue: Catalogue | undefined;
  /** Everyone in the run, for the shares. */
  declare persons: number;

  constructor() {
    super();
    this.transitions = {};
    this.catalogue = undefined;
    this.persons = 0;
  }

  static override styles = [
    sharedStyles,
    css`
      .table-wrap {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        font-size: 0.95rem;
      }
      caption {
        text-align: left;
        font-weight: 700;
        padding: 0 0 0.5rem;
      }
      th,
      td {
        padding: 0.45rem 0.75rem;
        border: 1px solid #b7cde0;
        text-align: left;
      }
      thead th,
      tbody th {
        background: #e8f1f8;
      }
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
        min-width: 7rem;
      }
      td.same {
        color: #4a5257;
      }
      td.changed {
        background: #fff4cc;
        font-weight: 700;
      }
      .corner {
        font-weight: 400;
        font-size: 0.85rem;
      }
      ul {
        padding-left: 1.25rem;
      }
      li {
        margin: 0.25rem 0;
      }
    `,
  ];

  #label(code: string): TemplateResult {
    return html`${outcomeLabel(code, this.catalogue)} <code>${code}</code>`;
  }

  override render(): TemplateResult {
    const order = Object.keys(this.catalogue?.outcomes ?? {});
    const m = transitionMatrix(this.transitions, order);
    return html`<div class="table-wrap" role="region" aria-labelledby="matrix-caption" tabindex="0">
        <table>
          <caption id="matrix-caption">${t('trials.matrix.caption')}</caption>
          <thead>
            <tr>
              <td class="corner">${t('trials.matrix.corner')}</td>
              ${m.outcomes.map((o) => html`<th scope="col">${t('trials.matrix.after')}: ${this.#label(o)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${m.outcomes.map(
              (from) => html`<tr>
                <th scope="row">${t('trials.matrix.before')}: ${this.#label(from)}</th>
                ${m.outcomes.map((to) => {
                  const n = m.count(from, to);
                  const kind = from === to ? 'same' : n > 0 ? 'changed' : '';
                  return html`<td class=${kind}>${formatNumber(n)}</td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        m.changes.length
          ? html`<h4>${t('trials.matrix.changes')}</h4>
            <ul>
              ${m.changes.map(
                (c) => html`<li>
                  ${outcomeLabel(c.from, this.catalogue)} → ${outcomeLabel(c.to, this.catalogue)}
                  (<code>${c.from} → ${c.to}</code>):
                  <strong>${t('trials.persons', { count: formatNumber(c.persons) })}</strong>
                  (${formatShare(c.persons, this.persons)})
                </li>`,
              )}
            </ul>`
          : html`<p>${t('trials.matrix.noChanges')}</p>`
      }`;
  }
}

customElements.define('ri-transition-matrix', RiTransitionMatrix);

declare global {
  interface HTMLElementTagNameMap {
    'ri-transition-matrix': RiTransitionMatrix;
  }
}
