import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/messages.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { sharedStyles } from '../styles/shared.ts';

/** Placeholder: the caseworker's console (/console): facts in, an answer with reasons and a receipt out. */
export class RiConsolePage extends LocalizedElement {
  static override styles = sharedStyles;

  override render(): TemplateResult {
    return html`<h1>${t('console.title')}</h1>
      <p>${t('console.placeholder')}</p>`;
  }
}

customElements.define('ri-console-page', RiConsolePage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-console-page': RiConsolePage;
  }
}
