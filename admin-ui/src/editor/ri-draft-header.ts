import { css, html, nothing, type TemplateResult } from 'lit';
import type { Schemas } from '../shared/api/client.ts';
import { session } from '../shared/api/session.ts';
import { formatDateTime } from '../shared/i18n/format.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

type Draft = Schemas['Draft'];

/**
 * The draft page's head: the way back, the title, what the draft is (path, status, revision, whose, when), and the
 * toolbar with Save, Run tests and the saved-or-not status line, or a note when the draft cannot be changed.
 * The buttons fire `ri-save-request` (as Ctrl+S in the editor does) and `ri-tests-request`.
 */
export class RiDraftHeader extends LocalizedElement {
  static override properties = {
    draft: { attribute: false },
    editable: { type: Boolean },
    mayTest: { type: Boolean },
    dirty: { type: Boolean },
    saving: { type: Boolean },
    testing: { type: Boolean },
    blocked: { type: Boolean },
    notice: { type: String },
    path: { type: String },
  };
  declare draft: Draft | undefined;
  declare editable: boolean;
  /** The tests may be run without the right to edit: a reviewer checks them before approving. */
  declare mayTest: boolean;
  declare dirty: boolean;
  declare saving: boolean;
  declare testing: boolean;
  /** A conflict waits for the author: nothing is saved or run until it is settled. */
  declare blocked: boolean;
  /** A sentence for the status line (saved, taken over…), or '' to say whether all is saved. */
  declare notice: string;
  /** The open file of the draft, relative to rules/. */
  declare path: string;

  constructor() {
    super();
    this.draft = undefined;
    this.editable = false;
    this.mayTest = false;
    this.dirty = false;
    this.saving = false;
    this.testing = false;
    this.blocked = false;
    this.notice = '';
    this.path = '';
  }

  static override styles = [
    sharedStyles,
    css`
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
        margin: 1rem 0;
      }
      .state {
        font-weight: 600;
      }
      .state.dirty {
        color: #8a5a00;
      }
    `,
  ];

  #statusWord(d: Draft): string {
    const key = `editor.status.${d.status}`;
    return isMessageKey(key) ? translate(key) : d.status;
  }

  #request(type: 'ri-save-request' | 'ri-tests-request'): void {
    this.dispatchEvent(new CustomEvent(type));
  }

  #toolbar(): TemplateResult {
    if (!this.editable) {
      return html`<div class="toolbar">
        ${this.mayTest ? this.#testButton() : nothing}
        <span class="muted">${t('editor.readOnly')}</span>
      </div>`;
    }
    return html`<div class="toolbar">
      <button type="button" ?disabled=${this.saving || this.blocked} @click=${() => this.#request('ri-save-request')}>
        ${this.saving ? t('editor.saving') : t('editor.save')}
      </button>
      ${this.#testButton()}
      <span class="state ${this.dirty ? 'dirty' : ''}" role="status">
        ${this.notice || (this.dirty ? t('editor.unsaved') : t('editor.allSaved'))}
      </span>
    </div>`;
  }

  #testButton(): TemplateResult {
    return html`<button
      type="button"
      class="secondary"
      ?disabled=${this.testing || this.saving || this.blocked}
      @click=${() => this.#request('ri-tests-request')}
    >
      ${this.testing ? t('editor.tests.running') : t('editor.tests.run')}
    </button>`;
  }

  override render(): TemplateResult | typeof nothing {
    const d = this.draft;
    if (!d) return nothing;
    const mine = d.author === session.current?.id;
    return html`<p><a href="/drafts">${t('editor.back')}</a></p>
      <h1>${d.question ? t('editor.heading', { question: d.question }) : t('editor.headingParameters')}</h1>
      <ul class="meta">
        <li>${t('editor.meta.path')}: <code>${this.path || d.path}</code></li>
        ${d.files.length > 1 ? html`<li>${t('editor.meta.files', { count: d.files.length })}</li>` : nothing}
        <li>${t('editor.meta.status')}: <strong>${this.#statusWord(d)}</strong>${d.proposal ? ` (${t('editor.meta.proposal')})` : ''}</li>
        <li>${t('editor.meta.revision', { revision: d.revision })}</li>
        <li>${mine ? t('editor.meta.mine') : t('editor.meta.other')}</li>
        <li>${t('editor.meta.updated', { when: formatDateTime(d.updated_at) })}</li>
      </ul>
      ${this.#toolbar()}`;
  }
}

customElements.define('ri-draft-header', RiDraftHeader);

declare global {
  interface HTMLElementTagNameMap {
    'ri-draft-header': RiDraftHeader;
  }
}
