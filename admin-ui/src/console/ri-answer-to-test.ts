import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

type Draft = Schemas['Draft'];

/** How a draft is named in a list: its title, else its first file. */
function draftName(d: Draft): string {
  return d.title || d.files[0]?.path || d.id;
}

/**
 * For an editor at the console: this answer, with its facts and day, sent to a draft of a change of the law as a
 * new test case (the server makes it from the caller's own receipt, so nothing typed here can differ from it).
 */
export class RiAnswerToTest extends LocalizedElement {
  static override properties = {
    receiptId: { type: String },
    drafts: { state: true },
    busy: { state: true },
    error: { state: true },
    added: { state: true },
  };
  declare receiptId: string;
  /** The drafts the answer may go to: not published, not proposals. */
  declare drafts: Draft[] | undefined;
  declare busy: boolean;
  declare error: unknown;
  /** The draft the case went to. */
  declare added: string;

  constructor() {
    super();
    this.receiptId = '';
    this.drafts = undefined;
    this.busy = false;
    this.error = undefined;
    this.added = '';
  }

  static override styles = [
    sharedStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 1rem;
      }
      input[type='text'] {
        width: min(30rem, 100%);
      }
      select {
        max-width: 100%;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('receiptId')) this.added = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const { drafts } = await call(api.GET('/api/v1/drafts'));
      this.drafts = drafts.filter((d) => !d.proposal && (d.status === 'draft' || d.status === 'rejected'));
    } catch (e) {
      this.error = e;
    }
  }

  async #send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const id = String(form.get('draft') ?? '');
    const name = String(form.get('name') ?? '').trim();
    // The revision read now, not at load: someone may have saved the draft since.
    this.busy = true;
    this.error = undefined;
    try {
      const current = await call(api.GET('/api/v1/drafts/{id}', { params: { path: { id } } }));
      await call(
        api.POST('/api/v1/drafts/{id}/cases', {
          params: { path: { id } },
          body: { from_decision: this.receiptId, ...(name ? { name } : {}) },
          headers: { 'If-Match': `"${current.revision}"` },
        }),
      );
      this.added = id;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.receiptId) return nothing;
    const drafts = this.drafts;
    return html`<section aria-labelledby="to-test-title">
      <h3 id="to-test-title">${t('console.toTest.title')}</h3>
      <p class="help">${t('console.toTest.intro')}</p>
      ${
        drafts && drafts.length === 0
          ? html`<p class="muted">${t('console.toTest.none')}</p>`
          : html`<form @submit=${this.#send}>
            <div>
              <label for="to-test-draft">${t('console.toTest.draft')}</label><br />
              <select id="to-test-draft" name="draft" required>
                ${(drafts ?? []).map((d) => html`<option value=${d.id}>${draftName(d)}</option>`)}
              </select>
            </div>
            <div>
              <label for="to-test-name">${t('console.toTest.name')}</label><br />
              <input id="to-test-name" name="name" type="text" maxlength="300" />
            </div>
            <button type="submit" class="secondary" ?disabled=${this.busy || !drafts}>${t('console.toTest.submit')}</button>
          </form>`
      }
      <div role="status">
        ${
          this.added
            ? html`<p>${t('console.toTest.done')} <a href=${`/drafts/${encodeURIComponent(this.added)}`}>${t('console.toTest.openDraft')}</a></p>`
            : nothing
        }
      </div>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
    </section>`;
  }
}

customElements.define('ri-answer-to-test', RiAnswerToTest);

declare global {
  interface HTMLElementTagNameMap {
    'ri-answer-to-test': RiAnswerToTest;
  }
}
