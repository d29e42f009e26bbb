import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/messages.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { sharedStyles } from '../styles/shared.ts';

/** Placeholder: amendment trials for analysts (/trials): a proposal run over a population as a job. */
export class RiTrialsPage extends LocalizedElement {
  static override styles = sharedStyles;

  override render(): TemplateResult {
    return html`<h1>${t('trials.title')}</h1>
      <p>${t('trials.placeholder')}</p>`;
  }
}

customElements.define('ri-trials-page', RiTrialsPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trials-page': RiTrialsPage;
  }
}
