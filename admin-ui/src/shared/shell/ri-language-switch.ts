import { css, html, type TemplateResult } from 'lit';
import { language, setLanguage } from '../i18n/language.ts';
import { t } from '../i18n/translate.ts';
import { sharedStyles } from '../styles/base.ts';
import { LocalizedElement } from './localized-element.ts';

/** One button that switches between Polish and English, labelled in the language it switches to. */
export class RiLanguageSwitch extends LocalizedElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      button {
        background: #ffffff;
        color: #0b3d66;
        border-color: #ffffff;
      }
      button:hover {
        background: #e8f1f8;
        border-color: #e8f1f8;
      }
    `,
  ];

  override render(): TemplateResult {
    const other = language() === 'pl' ? 'en' : 'pl';
    return html`<button type="button" lang=${other} title=${t('lang.switchHint')} @click=${() => setLanguage(other)}>
      ${t('lang.other')}
    </button>`;
  }
}

customElements.define('ri-language-switch', RiLanguageSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'ri-language-switch': RiLanguageSwitch;
  }
}
