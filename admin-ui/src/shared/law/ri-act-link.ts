import { css, html, type TemplateResult } from 'lit';
import { api, call } from '../api/client.ts';
import { t } from '../i18n/translate.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { type Act, actAddresses } from './act-addresses.ts';
import { localText } from './local-text.ts';

let acts: Promise<Readonly<Record<string, Act>>> | undefined;

/** The catalogue's acts, fetched once per page load; none when the catalogue cannot be read. */
function catalogueActs(): Promise<Readonly<Record<string, Act>>> {
  acts ??= call(api.GET('/api/v1/catalogue')).then(
    (c) => c.acts,
    () => ({}),
  );
  return acts;
}

/**
 * Links to where the act of a basis (`UZS art. 15 ust. 4`) is published, ELI and ISAP, placed after the basis (which the
 * page writes itself, so its text stays in the page's own text). The act is
 * found by a Dz.U. / M.P. citation in the text, else by the basis's abbreviation in the catalogue's acts.
 */
export class RiActLink extends LocalizedElement {
  static override properties = { basis: { type: String }, acts: { state: true } };
  declare basis: string;
  declare acts: Readonly<Record<string, Act>> | undefined;

  static override styles = css`
    :host {
      display: inline;
    }
    a {
      color: #0b4f8a;
      font-size: 0.85em;
      margin-left: 0.35em;
    }
    a:focus-visible {
      outline: 3px solid #1d70b8;
      outline-offset: 2px;
    }
  `;

  constructor() {
    super();
    this.basis = '';
    this.acts = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void catalogueActs().then((a) => {
      this.acts = a;
    });
  }

  override render(): TemplateResult {
    const where = this.acts ? actAddresses(this.basis, this.acts) : undefined;
    if (!where) return html``;
    const act = localText(where.title, where.citation);
    return html`<a class="eli" href=${where.eli} target="_blank" rel="noopener noreferrer"
        aria-label=${t('act.eliLabel', { act })}>${t('act.eli')}</a><a class="isap" href=${where.isap} target="_blank"
        rel="noopener noreferrer" aria-label=${t('act.isapLabel', { act })}>${t('act.isap')}</a>`;
  }
}

customElements.define('ri-act-link', RiActLink);

declare global {
  interface HTMLElementTagNameMap {
    'ri-act-link': RiActLink;
  }
}
