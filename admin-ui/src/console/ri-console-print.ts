import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { factLabel, formatFactValue } from './fact-display.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import type { AskedRequest } from './ri-answer-what-if.ts';

/**
 * The head of the printed decision for the case file: the question, the day, when it was printed and the
 * facts given, by label. Shown only in print; the answer card prints below it.
 */
export class RiConsolePrint extends LocalizedElement {
  static override properties = {
    request: { attribute: false },
    questionTitle: { type: String },
    definitions: { attribute: false },
    order: { attribute: false },
  };
  declare request: AskedRequest | undefined;
  declare questionTitle: string;
  declare definitions: FactDefinitions;
  /** The facts in the version's order; facts not in it follow. */
  declare order: string[];

  constructor() {
    super();
    this.request = undefined;
    this.questionTitle = '';
    this.definitions = {};
    this.order = [];
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: none;
      }
      @media print {
        :host {
          display: block;
          margin-bottom: 1rem;
        }
      }
      .app {
        margin: 0 0 0.25rem;
        font-size: 0.9rem;
      }
      h1 {
        font-size: 1.4rem;
        margin-bottom: 0.5rem;
      }
      h2 {
        font-size: 1.1rem;
        margin: 1rem 0 0.4rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2rem 1rem;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.25rem 0.5rem;
        border: 1px solid #505a5f;
      }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const r = this.request;
    if (!r) return nothing;
    const names = [...this.order.filter((n) => n in r.facts), ...Object.keys(r.facts).filter((n) => !this.order.includes(n))];
    return html`<p class="app">${t('app.name')} · ${t('console.title')}</p>
      <h1>${t('console.print.title', { question: this.questionTitle || r.question })}</h1>
      <dl>
        <dt>${t('console.print.date')}</dt>
        <dd>${formatDate(r.date)}</dd>
        <dt>${t('console.print.printed')}</dt>
        <dd>${formatDateTime(new Date().toISOString())}</dd>
      </dl>
      <h2>${t('console.print.facts')}</h2>
      ${
        names.length
          ? html`<table>
            <thead>
              <tr>
                <th scope="col">${t('console.print.fact')}</th>
                <th scope="col">${t('console.print.value')}</th>
              </tr>
            </thead>
            <tbody>
              ${names.map(
                (n) => html`<tr>
                  <th scope="row">${factLabel(this.definitions, n)}</th>
                  <td>${formatFactValue(n, this.definitions[n], r.facts[n])}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>${t('console.print.noFacts')}</p>`
      }`;
  }
}

customElements.define('ri-console-print', RiConsolePrint);

declare global {
  interface HTMLElementTagNameMap {
    'ri-console-print': RiConsolePrint;
  }
}
