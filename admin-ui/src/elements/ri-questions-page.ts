import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../i18n/messages.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { sharedStyles } from '../styles/shared.ts';

/** Placeholder: the questions with their versions on a timeline (/questions, /questions/:question). */
export class RiQuestionsPage extends LocalizedElement {
  static override properties = { question: { type: String } };
  /** The question picked by the address, if any. */
  declare question: string | undefined;
  static override styles = sharedStyles;

  override render(): TemplateResult {
    return html`<h1>${t('questions.title')}</h1>
      ${this.question ? html`<p>${t('questions.selected', { question: this.question })}</p>` : nothing}
      <p>${t('questions.placeholder')}</p>`;
  }
}

customElements.define('ri-questions-page', RiQuestionsPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-questions-page': RiQuestionsPage;
  }
}
