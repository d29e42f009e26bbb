import { html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { formatDateTime } from '../shared/i18n/format.ts';
import type { MessageKey } from '../shared/i18n/pl.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';
import './ri-draft-new-form.ts';

type Draft = Schemas['Draft'];

/**
 * The drafts (/drafts): an editor's own drafts and a button to start one from a published version; for a
 * reviewer, the drafts submitted for review; and, for editors, the drafts others are writing.
 */
export class RiDraftsPage extends LocalizedElement {
  static override properties = { drafts: { state: true }, loading: { state: true }, error: { state: true } };
  declare drafts: Draft[];
  declare loading: boolean;
  declare error: unknown;

  constructor() {
    super();
    this.drafts = [];
    this.loading = true;
    this.error = undefined;
  }

  static override styles = [sharedStyles, tableStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    this.loading = true;
    try {
      this.drafts = (await call(api.GET('/api/v1/drafts'))).drafts;
      this.error = undefined;
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  #status(d: Draft): string {
    const key = `editor.status.${d.status}`;
    return isMessageKey(key) ? translate(key) : d.status;
  }

  #table(id: string, caption: MessageKey, drafts: Draft[], empty: MessageKey): TemplateResult {
    if (!drafts.length) return html`<p>${translate(empty)}</p>`;
    return html`<div class="table-wrap" role="region" aria-labelledby=${id} tabindex="0">
      <table>
        <caption id=${id}>${translate(caption)}</caption>
        <thead>
          <tr>
            <th scope="col">${t('drafts.col.draft')}</th>
            <th scope="col">${t('drafts.col.status')}</th>
            <th scope="col">${t('drafts.col.revision')}</th>
            <th scope="col">${t('drafts.col.updated')}</th>
          </tr>
        </thead>
        <tbody>
          ${drafts.map(
            (d) => html`<tr>
              <td>
                <a href="/drafts/${encodeURIComponent(d.id)}">${d.question ?? t('drafts.parameters')}</a>
                <code>${d.path}</code>${d.proposal ? html` (${t('editor.meta.proposal')})` : nothing}
              </td>
              <td>${this.#status(d)}</td>
              <td class="num">${d.revision}</td>
              <td><time datetime=${d.updated_at}>${formatDateTime(d.updated_at)}</time></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const me = session.current?.id;
    const mine = this.drafts.filter((d) => d.author === me);
    const toReview = this.drafts.filter((d) => d.status === 'submitted' && d.author !== me);
    const others = this.drafts.filter((d) => d.author !== me && d.status !== 'published');
    return html`<h1>${t('drafts.title')}</h1>
      <p>${t('drafts.intro')}</p>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.loading ? html`<p role="status">${t('app.loading')}</p>` : nothing}
      ${
        session.can('draft')
          ? html`<h2>${t('drafts.new.title')}</h2>
            <ri-draft-new-form></ri-draft-new-form>
            <h2>${t('drafts.mine')}</h2>
            ${this.loading ? nothing : this.#table('mine-caption', 'drafts.mine.caption', mine, 'drafts.mine.empty')}`
          : nothing
      }
      ${
        session.can('review')
          ? html`<h2>${t('drafts.review')}</h2>
            ${this.loading ? nothing : this.#table('review-caption', 'drafts.review.caption', toReview, 'drafts.review.empty')}`
          : nothing
      }
      ${
        session.can('draft')
          ? html`<h2>${t('drafts.others')}</h2>
            ${this.loading ? nothing : this.#table('others-caption', 'drafts.others.caption', others, 'drafts.others.empty')}`
          : nothing
      }`;
  }
}

customElements.define('ri-drafts-page', RiDraftsPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-drafts-page': RiDraftsPage;
  }
}
