import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { t } from '../shared/i18n/translate.ts';
import { navigate } from '../shared/router/navigation.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

/** A bundled file that is new or differs from the published one. */
type Differing = { path: string; status: 'added' | 'changed' };

/**
 * For an admin: the files of the server's bundled rules/ that differ from the published law (a new release, an
 * edit on disk). Nothing of them is law until reviewed: the button opens them as a draft.
 */
export class RiBundledBanner extends LocalizedElement {
  static override properties = { differing: { state: true }, busy: { state: true }, error: { state: true } };
  declare differing: Differing[];
  declare busy: boolean;
  declare error: unknown;

  constructor() {
    super();
    this.differing = [];
    this.busy = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      .banner {
        border-left: 6px solid #8a5a00;
        background: #fff8e5;
        padding: 0.75rem 1rem;
        margin: 1rem 0;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.differing = (await call(api.GET('/api/v1/law/bundled'))).differing;
    } catch {
      // Only the check failed: the home page goes on without the banner.
      this.differing = [];
    }
  }

  async #open(): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      const draft = await call(api.POST('/api/v1/drafts/import', { body: { bundled: true } }));
      navigate(`/drafts/${encodeURIComponent(draft.id)}`);
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.differing.length) return nothing;
    return html`<section class="banner" aria-labelledby="bundled-title">
      <h2 id="bundled-title">${t('home.bundled.title')}</h2>
      <p>${t('home.bundled.intro', { count: this.differing.length })}</p>
      <ul>
        ${this.differing.map((d) => html`<li><code>${d.path}</code> (${d.status === 'added' ? t('home.bundled.added') : t('home.bundled.changed')})</li>`)}
      </ul>
      <button type="button" ?disabled=${this.busy} @click=${this.#open}>${t('home.bundled.open')}</button>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
    </section>`;
  }
}

customElements.define('ri-bundled-banner', RiBundledBanner);

declare global {
  interface HTMLElementTagNameMap {
    'ri-bundled-banner': RiBundledBanner;
  }
}
