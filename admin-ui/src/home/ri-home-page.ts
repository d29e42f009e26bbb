import { css, html, type TemplateResult } from 'lit';
import { session } from '../shared/api/session.ts';
import './ri-bundled-banner.ts';
import { t } from '../shared/i18n/translate.ts';
import { menuRoutes } from '../shared/router/routes.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

/** The first page after sign-in: a greeting and what the user's role may do here, each a link. */
export class RiHomePage extends LocalizedElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: 1rem;
      }
      li {
        border: 1px solid #b7cde0;
        border-top: 5px solid #0b4f8a;
        padding: 1rem;
        background: #ffffff;
      }
      li a {
        font-size: 1.15rem;
        font-weight: 700;
      }
      li p {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  override render(): TemplateResult {
    const me = session.current;
    if (!me) return html``;
    const sections = menuRoutes((p) => session.can(p)).filter((r) => r.summary);
    return html`<h1>${t('home.title', { name: me.name })}</h1>
      ${me.role === 'admin' ? html`<ri-bundled-banner></ri-bundled-banner>` : ''}
      <p>${t('home.intro', { role: t(`role.${me.role}`) })}</p>
      <ul>
        ${sections.map((r) => html`<li><a href=${r.path}>${t(r.title)}</a>${r.summary ? html`<p>${t(r.summary)}</p>` : ''}</li>`)}
      </ul>`;
  }
}

customElements.define('ri-home-page', RiHomePage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-home-page': RiHomePage;
  }
}
