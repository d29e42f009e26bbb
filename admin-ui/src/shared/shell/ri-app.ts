import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { SESSION_ENDED_EVENT } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { SESSION_CHANGE, session } from '../api/session.ts';
import { t } from '../i18n/translate.ts';
import { interceptLinks, mayLeave, NAVIGATE_EVENT, navigate } from '../router/navigation.ts';
import { type Match, matchRoute, mayOpen, menuRoutes } from '../router/routes.ts';
import { sharedStyles } from '../styles/base.ts';
import { LocalizedElement } from './localized-element.ts';
import '../../home/ri-home-page.ts';
import './ri-language-switch.ts';
import './ri-nav-menu.ts';
import './ri-not-found-page.ts';
import '../../sign-in/ri-sign-in.ts';

/** How far a page's module has loaded. */
type LoadState = 'loading' | 'ready' | 'failed';

/**
 * The shell: header (product, language, user, sign-out), the menu of what the role may do, and the page
 * for the address; the sign-in form while nobody is signed in.
 */
export class RiApp extends LocalizedElement {
  static override properties = {
    ready: { state: true },
    path: { state: true },
    load: { state: true },
    startError: { state: true },
  };

  declare ready: boolean;
  declare path: string;
  declare load: LoadState;
  declare startError: unknown;
  #stopLinks: (() => void) | undefined;
  #focusMain = false;
  readonly #onLocation = () => this.#go(location.pathname, true);
  /** The back and forward buttons: the address has already changed, so staying puts the page's address back. */
  readonly #onPopState = () => {
    if (location.pathname !== this.path && !mayLeave()) {
      history.pushState(null, '', this.path);
      return;
    }
    this.#go(location.pathname, true);
  };
  readonly #onSession = () => {
    // Signing in or out replaces the whole content, so focus moves to it as after a navigation.
    this.#focusMain = this.ready;
    this.requestUpdate();
  };
  readonly #onSessionEnded = () => session.forget();

  constructor() {
    super();
    this.ready = false;
    this.path = location.pathname;
    this.load = 'ready';
    this.startError = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopLinks = interceptLinks(this);
    window.addEventListener('popstate', this.#onPopState);
    window.addEventListener(NAVIGATE_EVENT, this.#onLocation);
    window.addEventListener(SESSION_ENDED_EVENT, this.#onSessionEnded);
    session.addEventListener(SESSION_CHANGE, this.#onSession);
    session
      .load()
      .catch((e: unknown) => {
        this.startError = e;
      })
      .finally(() => {
        this.ready = true;
      });
    this.#go(this.path, false);
  }

  override disconnectedCallback(): void {
    this.#stopLinks?.();
    window.removeEventListener('popstate', this.#onPopState);
    window.removeEventListener(NAVIGATE_EVENT, this.#onLocation);
    window.removeEventListener(SESSION_ENDED_EVENT, this.#onSessionEnded);
    session.removeEventListener(SESSION_CHANGE, this.#onSession);
    super.disconnectedCallback();
  }

  /** Shows the page for `path`, loading its module first when it has one. */
  #go(path: string, moveFocus: boolean): void {
    this.path = path;
    this.#focusMain = moveFocus;
    const load = matchRoute(path)?.route.load;
    if (!load) {
      this.load = 'ready';
      return;
    }
    this.load = 'loading';
    load().then(
      () => {
        if (this.path === path) this.load = 'ready';
      },
      () => {
        if (this.path === path) this.load = 'failed';
      },
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const match = matchRoute(this.path);
    const page = !session.current ? t('signIn.title') : match ? t(match.route.title) : t('notFound.title');
    document.title = t('app.pageTitle', { page });
    // After an in-app navigation, focus moves to the new content, as a page load would, for screen-reader users.
    if (this.#focusMain) {
      this.#focusMain = false;
      this.#main()?.focus();
    }
  }

  #main(): HTMLElement | null | undefined {
    return this.renderRoot.querySelector<HTMLElement>('main');
  }

  #skip(event: Event): void {
    // The target is inside the shadow root, where a #fragment cannot reach it.
    event.preventDefault();
    this.#main()?.focus();
  }

  async #signOut(): Promise<void> {
    await session.signOut().catch(() => undefined);
    navigate('/');
  }

  #page(match: Match | undefined): TemplateResult {
    const me = session.current;
    if (!me) return html`<ri-sign-in></ri-sign-in>`;
    if (!match) return html`<ri-not-found-page .path=${this.path}></ri-not-found-page>`;
    const { route, params } = match;
    if (!mayOpen(route, (p) => session.can(p))) {
      return html`<ri-not-found-page kind="forbidden" .path=${this.path}></ri-not-found-page>`;
    }
    if (this.load === 'loading') return html`<p role="status">${t('route.loading')}</p>`;
    if (this.load === 'failed') return html`<p class="alert" role="alert">${t('route.loadFailed')}</p>`;
    return route.render(params);
  }

  #header(): TemplateResult {
    const me = session.current;
    return html`<header>
      <div class="brand">
        <a href="/" class="product">${t('app.name')}</a>
        <span class="tagline">${t('app.tagline')}</span>
      </div>
      <div class="tools" role="group" aria-label=${t('app.userMenu')}>
        <ri-language-switch></ri-language-switch>
        ${
          me
            ? html`<span class="who">${t('app.signedInAs', { name: me.name, role: t(`role.${me.role}`) })}</span>
              <button type="button" class="secondary on-dark" @click=${() => this.#signOut()}>${t('app.signOut')}</button>`
            : nothing
        }
      </div>
    </header>`;
  }

  override render(): TemplateResult {
    if (!this.ready) return html`<p class="starting" role="status">${t('app.loading')}</p>`;
    const me = session.current;
    const match = matchRoute(this.path);
    return html`<a class="skip" href="#main" @click=${this.#skip}>${t('app.skip')}</a>
      ${this.#header()}
      ${me ? html`<ri-nav-menu .routes=${menuRoutes((p) => session.can(p))} .current=${this.path}></ri-nav-menu>` : nothing}
      <main id="main" tabindex="-1">
        ${this.startError ? html`<p class="alert" role="alert">${errorMessage(this.startError)}</p>` : nothing}
        ${this.#page(match)}
      </main>`;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      .skip {
        position: absolute;
        left: 0.5rem;
        top: -4rem;
        background: #ffdd00;
        color: #0b0c0c;
        padding: 0.5rem 1rem;
        font-weight: 700;
        z-index: 10;
      }
      .skip:focus {
        top: 0.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.75rem 2rem;
        padding: 0.75rem 1.5rem;
        background: #0b3d66;
        color: #ffffff;
      }
      .brand {
        display: flex;
        align-items: baseline;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      .product {
        color: #ffffff;
        font-size: 1.4rem;
        font-weight: 700;
        text-decoration: none;
      }
      .product:hover {
        color: #ffffff;
        text-decoration: underline;
      }
      .tagline {
        color: #dbe7f2;
      }
      .tools {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      button.on-dark {
        border-color: #ffffff;
      }
      main {
        flex: 1;
        padding: 1.5rem;
        max-width: 80rem;
        width: 100%;
        box-sizing: border-box;
      }
      main:focus {
        outline: none;
      }
      .starting {
        padding: 1.5rem;
      }
      /* A printed page (the console's decision for the case file) carries the content only, not the app's chrome. */
      @media print {
        .skip,
        header,
        ri-nav-menu {
          display: none;
        }
        main {
          padding: 0;
          max-width: none;
        }
      }
    `,
  ];
}

customElements.define('ri-app', RiApp);

declare global {
  interface HTMLElementTagNameMap {
    'ri-app': RiApp;
  }
}
