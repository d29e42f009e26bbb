import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/messages.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { sharedStyles } from '../styles/shared.ts';

/**
 * Placeholder: the draft editor (/drafts/:id). It will pull in CodeMirror, so the router loads this module
 * with a dynamic import and nothing in the entry bundle may import it statically.
 */
export class RiDraftEditor extends LocalizedElement {
  static override properties = { draftId: { type: String } };
  declare draftId: string;
  static override styles = sharedStyles;

  constructor() {
    super();
    this.draftId = '';
  }

  override render(): TemplateResult {
    return html`<h1>${t('editor.title')}</h1>
      <p>${t('editor.placeholder', { id: this.draftId })}</p>`;
  }
}

customElements.define('ri-draft-editor', RiDraftEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ri-draft-editor': RiDraftEditor;
  }
}
