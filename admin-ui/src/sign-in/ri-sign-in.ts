import { css, html, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

/** The sign-in form: name and password; the server's refusal shown in the UI's language. */
export class RiSignIn extends LocalizedElement {
  static override properties = { busy: { state: true }, error: { state: true } };
  declare busy: boolean;
  /** The last failure, kept as the error so a language switch re-words it. */
  declare error: unknown;

  constructor() {
    super();
    this.busy = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 24rem;
        display: grid;
        gap: 1rem;
      }
      input {
        width: 100%;
        box-sizing: border-box;
      }
      button {
        justify-self: start;
      }
    `,
  ];

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.busy = true;
    this.error = undefined;
    try {
      await session.signIn(String(data.get('name') ?? ''), String(data.get('password') ?? ''));
    } catch (e) {
      this.error = e;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#password')?.select();
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const invalid = this.error ? 'true' : 'false';
    return html`<h1>${t('signIn.title')}</h1>
      <p>${t('signIn.intro')}</p>
      <form @submit=${this.#submit} novalidate>
        ${this.error ? html`<p class="alert" role="alert" id="sign-in-error">${errorMessage(this.error)}</p>` : nothing}
        <div>
          <label for="name">${t('signIn.name')}</label>
          <input id="name" name="name" autocomplete="username" required aria-invalid=${invalid} aria-describedby=${this.error ? 'sign-in-error' : nothing} />
        </div>
        <div>
          <label for="password">${t('signIn.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required aria-invalid=${invalid} />
        </div>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('signIn.busy') : t('signIn.submit')}</button>
      </form>`;
  }
}

customElements.define('ri-sign-in', RiSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'ri-sign-in': RiSignIn;
  }
}
