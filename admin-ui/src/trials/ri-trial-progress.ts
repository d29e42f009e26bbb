import { css, html, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

/** Where a run stands: starting (before the server has answered), running, done or failed. */
export type TrialStatus = 'starting' | 'running' | 'done' | 'failed';

/**
 * A run's progress: a labelled <progress> of rows read out of the population's rows, and a polite live region
 * that says the same in words. It stays after the run, saying how it ended.
 */
export class RiTrialProgress extends LocalizedElement {
  static override properties = {
    status: { type: String },
    processed: { type: Number },
    total: { type: Number },
  };
  declare status: TrialStatus;
  declare processed: number;
  declare total: number;

  constructor() {
    super();
    this.status = 'starting';
    this.processed = 0;
    this.total = 0;
  }

  static override styles = [
    sharedStyles,
    css`
      .box {
        border: 1px solid #b7cde0;
        background: #f3f7fa;
        padding: 0.75rem 1rem;
        margin: 1rem 0;
        max-width: 40rem;
      }
      progress {
        width: 100%;
        height: 1.25rem;
        accent-color: #0b4f8a;
      }
      p {
        margin: 0.4rem 0 0;
      }
    `,
  ];

  #text(): string {
    const values = { processed: formatNumber(this.processed), total: formatNumber(this.total) };
    switch (this.status) {
      case 'starting':
        return t('trials.progress.starting');
      case 'running':
        return t('trials.progress.running', values);
      case 'done':
        return t('trials.progress.done', values);
      case 'failed':
        return t('trials.progress.failed', values);
    }
  }

  override render(): TemplateResult {
    const max = Math.max(this.total, this.processed, 1);
    // Indeterminate (no value) until the server has read a row, so the bar does not sit still at zero.
    const value = this.status === 'done' ? max : this.processed > 0 ? Math.min(this.processed, max) : undefined;
    return html`<div class="box">
      <label for="bar">${t('trials.progress.label')}</label>
      ${
        value === undefined
          ? html`<progress id="bar" aria-describedby="progress-text"></progress>`
          : html`<progress id="bar" max=${max} .value=${value} aria-describedby="progress-text"></progress>`
      }
      <p id="progress-text" role="status" aria-live="polite">${this.#text()}</p>
    </div>`;
  }
}

customElements.define('ri-trial-progress', RiTrialProgress);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-progress': RiTrialProgress;
  }
}
