import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { language } from '../shared/i18n/language.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { kindWord } from './ri-draft-files.ts';

type Changes = Schemas['DraftChanges'];

/**
 * What a draft changes, as a reviewer reads it before deciding: each file with whether it is new or changed and a
 * line per change in words, then each test expectation the author changed on purpose, with the author's reason.
 */
export class RiChangeSummary extends LocalizedElement {
  static override properties = {
    draftId: { type: String },
    revision: { type: Number },
    changes: { state: true },
    error: { state: true },
  };
  declare draftId: string;
  /** The draft's revision: the summary is asked for again when it changes. */
  declare revision: number;
  declare changes: Changes | undefined;
  declare error: unknown;
  #request = 0;

  constructor() {
    super();
    this.draftId = '';
    this.revision = 0;
    this.changes = undefined;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      h3 {
        font-size: 1.05rem;
        margin: 1rem 0 0.5rem;
      }
      ul {
        padding-left: 1.25rem;
      }
      li {
        margin-bottom: 0.3rem;
      }
    `,
  ];

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('draftId') || changed.has('revision')) && this.draftId) void this.#load();
  }

  async #load(): Promise<void> {
    const id = ++this.#request;
    try {
      const changes = await call(api.GET('/api/v1/drafts/{id}/changes', { params: { path: { id: this.draftId } } }));
      if (id === this.#request) {
        this.changes = changes;
        this.error = undefined;
      }
    } catch (e) {
      if (id === this.#request) this.error = e;
    }
  }

  #status(status: string): string {
    const key = `changeSet.status.${status}`;
    return isMessageKey(key) ? translate(key) : status;
  }

  override render(): TemplateResult | typeof nothing {
    if (this.error) return html`<p class="alert">${errorMessage(this.error)}</p>`;
    const c = this.changes;
    if (!c) return nothing;
    const lang = language();
    return html`<h3>${t('changeSet.review.changesTitle')}</h3>
      <ul class="files">
        ${c.files.map(
          (f) => html`<li>
            <code>${f.path}</code> (${kindWord(f.kind)}, ${this.#status(f.status)})
            ${
              // The change as the law reads it first; the per-field lines only where no sentence can be made.
              f.sentences.length
                ? html`<ul class="sentences">
                  ${f.sentences.map((l) => html`<li>${l[lang]}</li>`)}
                </ul>`
                : f.lines.length
                  ? html`<ul>
                  ${f.lines.map((l) => html`<li>${l[lang]}</li>`)}
                </ul>`
                  : html`<p class="muted">${t('changeSet.review.noLines')}</p>`
            }
          </li>`,
        )}
      </ul>
      ${
        c.expectations.length
          ? html`<h3>${t('changeSet.review.expectationsTitle')}</h3>
            <ul class="expectations">
              ${c.expectations.map((e) => html`<li>${e.line[lang]}</li>`)}
            </ul>`
          : nothing
      }`;
  }
}

customElements.define('ri-change-summary', RiChangeSummary);

declare global {
  interface HTMLElementTagNameMap {
    'ri-change-summary': RiChangeSummary;
  }
}
