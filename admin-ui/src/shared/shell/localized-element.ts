import { LitElement } from 'lit';
import { LANGUAGE_EVENT } from '../i18n/language.ts';

/** A Lit element that re-renders when the UI's language changes: the base of every `ri-` element that shows text. */
export class LocalizedElement extends LitElement {
  readonly #onLanguage = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(LANGUAGE_EVENT, this.#onLanguage);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(LANGUAGE_EVENT, this.#onLanguage);
    super.disconnectedCallback();
  }
}
