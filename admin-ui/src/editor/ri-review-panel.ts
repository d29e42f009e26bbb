import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import type { Session } from '../shared/api/session.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import './ri-change-summary.ts';
import './ri-replay-impact.ts';

type Draft = Schemas['Draft'];

/** Fired with the draft as the server now has it, after a submit, a publication or a rejection. */
export const DRAFT_UPDATED_EVENT = 'ri-draft-updated';
/** Fired with the server's refusal of a submit, a publication or a rejection: the page shows it at its top. */
export const REVIEW_REFUSED_EVENT = 'ri-review-refused';

/** Where a published rule-set file's version page is: `rules/pai-referral/2026-01-01.yaml` → `/questions/pai-referral/2026-01-01`. */
function versionPage(path: string): string | undefined {
  const m = /^rules\/([^/]+)\/([^/]+)\.ya?ml$/.exec(path);
  return m && m[1] !== 'parameters' ? `/questions/${m[1]}/${m[2]}` : undefined;
}

/**
 * The draft's way to the law: its author submits it; a reviewer who is not the author approves it with the day
 * it applies from (valid_from), or rejects it with a comment, which the author then reads here.
 */
export class RiReviewPanel extends LocalizedElement {
  static override properties = {
    draft: { attribute: false },
    me: { attribute: false },
    dirty: { type: Boolean },
    hasErrors: { type: Boolean },
    validFrom: { type: String },
    parameters: { type: Boolean },
    busy: { state: true },
    published: { state: true },
  };
  declare draft: Draft | undefined;
  declare me: Session | null;
  /** True while the editor holds unsaved changes: only saved text is submitted. */
  declare dirty: boolean;
  /** True while the text has errors: the server would refuse it. */
  declare hasErrors: boolean;
  /** The draft's own valid_from, offered as the day of publication. */
  declare validFrom: string;
  /** True for a parameters file, whose rows carry their own dates: no valid_from to give. */
  declare parameters: boolean;
  declare busy: boolean;
  declare published: { path: string; revision: number } | undefined;

  constructor() {
    super();
    this.draft = undefined;
    this.me = null;
    this.dirty = false;
    this.hasErrors = false;
    this.validFrom = '';
    this.parameters = false;
    this.busy = false;
    this.published = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      .box {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem 1rem;
        margin: 0.75rem 0;
      }
      .comment {
        border-left: 6px solid #8a5a00;
        background: #fff8e5;
        padding: 0.75rem 1rem;
        white-space: pre-wrap;
      }
      .warning {
        border-left: 6px solid #8a5a00;
        background: #fff8e5;
        padding: 0.75rem 1rem;
      }
      .done {
        border-left: 6px solid #1d6b35;
        background: #eef7f0;
        padding: 0.75rem 1rem;
      }
      textarea {
        font: inherit;
        width: 100%;
        max-width: 60ch;
        min-height: 5rem;
        padding: 0.4rem 0.5rem;
        border: 2px solid #505a5f;
        border-radius: 3px;
      }
      .field {
        margin-bottom: 0.75rem;
      }
      h3 {
        font-size: 1.05rem;
        margin: 0 0 0.5rem;
      }
    `,
  ];

  #mine(): boolean {
    return Boolean(this.draft && this.me && this.draft.author === this.me.id);
  }

  #can(p: 'draft' | 'review'): boolean {
    return this.me?.permissions.includes(p) ?? false;
  }

  async #act(request: () => Promise<Draft>): Promise<void> {
    this.busy = true;
    try {
      const draft = await request();
      this.dispatchEvent(new CustomEvent(DRAFT_UPDATED_EVENT, { detail: draft, bubbles: true, composed: true }));
    } catch (e) {
      // The refusal is read first: the page puts it at its top, in the UI's language.
      this.dispatchEvent(new CustomEvent(REVIEW_REFUSED_EVENT, { detail: e, bubbles: true, composed: true }));
    } finally {
      this.busy = false;
    }
  }

  #submit(): void {
    const id = this.draft?.id ?? '';
    void this.#act(() => call(api.POST('/api/v1/drafts/{id}/submit', { params: { path: { id } } })));
  }

  #approve(event: SubmitEvent): void {
    event.preventDefault();
    const id = this.draft?.id ?? '';
    const day = String(new FormData(event.currentTarget as HTMLFormElement).get('valid_from') ?? '');
    void this.#act(async () => {
      const r = await call(
        api.POST('/api/v1/drafts/{id}/publish', {
          params: { path: { id } },
          body: this.parameters ? {} : { valid_from: day },
        }),
      );
      this.published = r.published;
      return r.draft;
    });
  }

  #reject(event: SubmitEvent): void {
    event.preventDefault();
    const id = this.draft?.id ?? '';
    const comment = String(new FormData(event.currentTarget as HTMLFormElement).get('comment') ?? '').trim();
    void this.#act(() => call(api.POST('/api/v1/drafts/{id}/reject', { params: { path: { id } }, body: { comment } })));
  }

  #submitPart(d: Draft): TemplateResult {
    if (d.proposal) return html`<p>${t('editor.review.proposal')}</p>`;
    const blocked = this.dirty ? t('editor.review.saveFirst') : this.hasErrors ? t('editor.review.fixFirst') : '';
    return html`<p>${t('editor.review.submitIntro')}</p>
      <button type="button" ?disabled=${this.busy || Boolean(blocked)} aria-describedby="submit-why" @click=${this.#submit}>
        ${t('editor.review.submit')}
      </button>
      <p id="submit-why" class="muted">${blocked}</p>`;
  }

  #reviewPart(): TemplateResult {
    return html`<div class="box">
        <form @submit=${this.#approve}>
          <h3>${t('editor.review.approveTitle')}</h3>
          ${
            this.parameters
              ? html`<p>${t('editor.review.parametersNoDate')}</p>`
              : html`<div class="field">
                <label for="valid-from">${t('editor.review.validFrom')}</label>
                <input id="valid-from" name="valid_from" type="date" required .value=${this.validFrom} aria-describedby="valid-from-help" />
                <p id="valid-from-help" class="muted">${t('editor.review.validFromHelp')}</p>
              </div>`
          }
          <button type="submit" ?disabled=${this.busy}>${t('editor.review.approve')}</button>
        </form>
      </div>
      <div class="box">
        <form @submit=${this.#reject}>
          <h3>${t('editor.review.rejectTitle')}</h3>
          <div class="field">
            <label for="comment">${t('editor.review.comment')}</label>
            <textarea id="comment" name="comment" required maxlength="5000"></textarea>
          </div>
          <button type="submit" class="secondary" ?disabled=${this.busy}>${t('editor.review.reject')}</button>
        </form>
      </div>`;
  }

  #state(d: Draft): TemplateResult {
    switch (d.status) {
      case 'published': {
        const page = this.published ? versionPage(this.published.path) : undefined;
        return html`<p class="done" role="status">
          ${this.published ? t('editor.review.publishedAs', { path: this.published.path }) : t('editor.review.published')}
          ${page ? html` <a href=${page}>${t('editor.review.openVersion')}</a>` : nothing}
        </p>`;
      }
      case 'submitted':
        if (this.#can('review') && !this.#mine()) return this.#reviewPart();
        return html`<p role="status">${this.#mine() ? t('editor.review.waitingMine') : t('editor.review.waiting')}</p>`;
      default:
        return this.#can('draft') ? this.#submitPart(d) : html`<p>${t('editor.review.notSubmitted')}</p>`;
    }
  }

  override render(): TemplateResult {
    const d = this.draft;
    if (!d) return html``;
    return html`${
      d.comment
        ? html`<div class="comment">
          <strong>${d.status === 'rejected' ? t('editor.review.rejectedWith') : t('editor.review.commentWas')}</strong>
          <p>${d.comment}</p>
        </div>`
        : nothing
    }
      ${d.revives_repealed ? html`<p class="warning" role="note">${t('changeSet.review.revives')}</p>` : nothing}
      ${this.#state(d)}
      <ri-change-summary .draftId=${d.id} .revision=${d.revision}></ri-change-summary>
      ${d.status !== 'published' ? html`<ri-replay-impact .draftId=${d.id}></ri-replay-impact>` : nothing}`;
  }
}

customElements.define('ri-review-panel', RiReviewPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ri-review-panel': RiReviewPanel;
  }
}
