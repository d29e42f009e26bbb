import { html, type TemplateResult } from 'lit';
import { session } from '../api/session.ts';
import { t } from '../i18n/translate.ts';
import { sharedStyles } from '../styles/base.ts';
import { LocalizedElement } from './localized-element.ts';

/** The page for an address that leads nowhere, or (kind="forbidden") to a page the role may not open. */
export class RiNotFoundPage extends LocalizedElement {
  static override properties = { path: { type: String }, kind: { type: String } };
  declare path: string;
  declare kind: 'not-found' | 'forbidden';
  static override styles = sharedStyles;

  constructor() {
    super();
    this.path = '';
    this.kind = 'not-found';
  }

  override render(): TemplateResult {
    const role = session.current?.role;
    const forbidden = this.kind === 'forbidden';
    return html`<h1>${forbidden ? t('forbidden.title') : t('notFound.title')}</h1>
      <p>${forbidden ? t('forbidden.text', { role: role ? t(`role.${role}`) : '' }) : t('notFound.text', { path: this.path })}</p>
      <p><a href="/">${t('notFound.home')}</a></p>`;
  }
}

customElements.define('ri-not-found-page', RiNotFoundPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-not-found-page': RiNotFoundPage;
  }
}
