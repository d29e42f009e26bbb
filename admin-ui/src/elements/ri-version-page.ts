import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/messages.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { sharedStyles } from '../styles/shared.ts';

/** Placeholder: one version of a question as a lawyer reads it (/questions/:question/:version). */
export class RiVersionPage extends LocalizedElement {
  static override properties = { question: { type: String }, version: { type: String } };
  declare question: string;
  /** The version's valid_from, or a draft's id. */
  declare version: string;
  static override styles = sharedStyles;

  constructor() {
    super();
    this.question = '';
    this.version = '';
  }

  override render(): TemplateResult {
    return html`<h1>${t('version.title')}</h1>
      <p>${t('version.placeholder', { question: this.question, version: this.version })}</p>`;
  }
}

customElements.define('ri-version-page', RiVersionPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-version-page': RiVersionPage;
  }
}
