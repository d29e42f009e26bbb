import { css, html, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { download, exportName, resultCsv } from './export.ts';
import type { TrialResult } from './types.ts';

/** Downloads a run's result, made in the browser: the whole result as JSON, or its tables as one CSV. */
export class RiTrialExport extends LocalizedElement {
  static override properties = { result: { attribute: false } };
  declare result: TrialResult | undefined;

  static override styles = [
    sharedStyles,
    css`
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  #json(): void {
    if (this.result) download(exportName(this.result, 'json'), `${JSON.stringify(this.result, null, 2)}\n`, 'application/json');
  }

  #csv(): void {
    // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Polish letters intact).
    if (this.result) download(exportName(this.result, 'csv'), `\uFEFF${resultCsv(this.result)}`, 'text/csv;charset=utf-8');
  }

  override render(): TemplateResult {
    return html`<div class="buttons">
        <button type="button" class="secondary" @click=${this.#json}>${t('trials.export.json')}</button>
        <button type="button" class="secondary" @click=${this.#csv}>${t('trials.export.csv')}</button>
      </div>
      <p class="muted">${t('trials.export.note')}</p>`;
  }
}

customElements.define('ri-trial-export', RiTrialExport);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-export': RiTrialExport;
  }
}
