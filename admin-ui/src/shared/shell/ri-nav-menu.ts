import { css, html, type TemplateResult } from 'lit';
import { t } from '../i18n/translate.ts';
import { matchRoute, type Route } from '../router/routes.ts';
import { sharedStyles } from '../styles/base.ts';
import { LocalizedElement } from './localized-element.ts';

/** The main menu: the pages the user's role may open, the current one marked for assistive technology. */
export class RiNavMenu extends LocalizedElement {
  static override properties = { routes: { attribute: false }, current: { type: String } };
  declare routes: Route[];
  declare current: string;

  constructor() {
    super();
    this.routes = [];
    this.current = '/';
  }

  static override styles = [
    sharedStyles,
    css`
      nav {
        background: #e8f1f8;
        border-bottom: 1px solid #b7cde0;
        padding: 0 1.5rem;
      }
      ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        margin: 0;
        padding: 0;
      }
      a {
        display: inline-block;
        padding: 0.6rem 0.1rem;
        font-weight: 600;
        text-decoration: none;
        border-bottom: 4px solid transparent;
      }
      a:hover {
        text-decoration: underline;
      }
      a[aria-current='page'] {
        color: #0b0c0c;
        border-bottom-color: #0b4f8a;
      }
    `,
  ];

  override render(): TemplateResult {
    // The section of the current page is marked too: /questions/x belongs to /questions.
    const section = matchRoute(this.current)?.route.title;
    return html`<nav aria-label=${t('app.nav')}>
      <ul>
        ${this.routes.map(
          (r) =>
            html`<li><a href=${r.path} aria-current=${r.path === this.current || (r.path !== '/' && r.title === section) ? 'page' : 'false'}>${t(r.title)}</a></li>`,
        )}
      </ul>
    </nav>`;
  }
}

customElements.define('ri-nav-menu', RiNavMenu);

declare global {
  interface HTMLElementTagNameMap {
    'ri-nav-menu': RiNavMenu;
  }
}
