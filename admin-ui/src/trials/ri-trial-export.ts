import { css, html, nothing, type TemplateResult } from 'lit';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { download, exportName } from './export.ts';
import type { TrialResult } from './types.ts';

/**
 * A run's exports: its tables as the server writes them from the core's one set of result tables (CSV for Polish
 * Excel or international, an XLSX workbook), a printable report, and the whole result as JSON.
 */
export class RiTrialExport extends LocalizedElement {
  static override properties = { result: { attribute: false }, runId: { type: String } };
  declare result: TrialResult | undefined;
  /** The kept run's id, for the server's exports. */
  declare runId: string;

  constructor() {
    super();
    this.result = undefined;
    this.runId = '';
  }

  static override styles = [
    sharedStyles,
    css`
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      a.button {
        display: inline-block;
        padding: 0.5rem 1rem;
        border: 2px solid #0b4f8a;
        color: #0b4f8a;
        text-decoration: none;
        font-weight: 600;
      }
      a.button:focus-visible {
        outline: 3px solid #0b0c0c;
      }
    `,
  ];

  #json(): void {
    if (this.result) download(exportName(this.result, 'json'), `${JSON.stringify(this.result, null, 2)}\n`, 'application/json');
  }

  override render(): TemplateResult {
    const lang = language();
    const base = `/api/v1/simulations/${this.runId}/export`;
    return html`<div class="buttons">
        ${
          this.runId
            ? html`<a class="button" download href="${base}?format=csv&lang=${lang}">${t('trialRuns.exportCsv')}</a>
              <a class="button" download href="${base}?format=csv&lang=${lang}&csv=international">${t('trialRuns.exportCsvIntl')}</a>
              <a class="button" download href="${base}?format=xlsx&lang=${lang}">${t('trialRuns.exportXlsx')}</a>`
            : nothing
        }
        <button type="button" class="secondary" @click=${() => window.print()}>${t('trialRuns.print')}</button>
        <button type="button" class="secondary" @click=${this.#json}>${t('trials.export.json')}</button>
      </div>
      <p class="muted">${t('trialRuns.exportNote')}</p>`;
  }
}

customElements.define('ri-trial-export', RiTrialExport);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-export': RiTrialExport;
  }
}
