import { css, html, nothing, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

/** A head as the anchor file and the log write it. */
const HEAD = /^(hmac-)?sha256:[0-9a-f]{64}$/;

/** Fired with the pasted head ('' to check against the server's own anchor again). */
export const HEAD_CHECK = 'ri-head-check';

/**
 * A head of the chain published elsewhere (printed, mailed, in another system), pasted to check that the log still
 * holds it: a log whose tail was cut no longer does. The page reloads the chain's verification against it.
 */
export class RiHeadCheck extends LocalizedElement {
  static override properties = { head: { type: String }, invalid: { state: true } };
  /** The head the chain is being checked against ('' for the server's anchor). */
  declare head: string;
  declare invalid: boolean;

  constructor() {
    super();
    this.head = '';
    this.invalid = false;
  }

  static override styles = [
    sharedStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: flex-end;
      }
      .field {
        flex: 1 1 30rem;
      }
      input {
        width: 100%;
        box-sizing: border-box;
        font-family: monospace;
      }
      .field-error {
        margin: 0.25rem 0 0;
        color: #b3261e;
        font-weight: 600;
      }
    `,
  ];

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const head = String(new FormData(event.currentTarget as HTMLFormElement).get('head') ?? '').trim();
    this.invalid = head !== '' && !HEAD.test(head);
    if (this.invalid) return;
    this.dispatchEvent(new CustomEvent(HEAD_CHECK, { detail: head, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    return html`<form novalidate @submit=${this.#submit}>
      <div class="field">
        <label for="head">${t('audit.head.label')}</label>
        <input
          id="head"
          name="head"
          autocomplete="off"
          spellcheck="false"
          .value=${this.head}
          aria-describedby="head-hint${this.invalid ? ' head-error' : ''}"
          aria-invalid=${this.invalid ? 'true' : 'false'}
        />
        <p class="muted" id="head-hint">${t('audit.head.hint')}</p>
        ${this.invalid ? html`<p class="field-error" id="head-error">${t('audit.head.invalid')}</p>` : nothing}
      </div>
      <button type="submit" class="secondary">${t('audit.head.check')}</button>
    </form>`;
  }
}

customElements.define('ri-head-check', RiHeadCheck);

declare global {
  interface HTMLElementTagNameMap {
    'ri-head-check': RiHeadCheck;
  }
}
