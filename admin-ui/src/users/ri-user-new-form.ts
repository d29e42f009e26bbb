import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import type { Role } from '../shared/api/session.ts';
import { t, translate } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { type FieldErrors, type UserField, userFieldErrors } from './field-errors.ts';
import { ROLE_CHOICES } from './roles.ts';

/** Fired (bubbling out of the shadow root) with the new user when one has been added. */
export const USER_ADDED = 'user-added';

/**
 * The form that adds a user (POST /api/v1/users): name, role and password, with the password rule spelled out
 * and each refusal shown beside its field. The browser's own validation is off: its bubbles ignore the UI's language.
 */
export class RiUserNewForm extends LocalizedElement {
  static override properties = { busy: { state: true }, fieldErrors: { state: true }, error: { state: true } };
  declare busy: boolean;
  declare fieldErrors: FieldErrors;
  declare error: unknown;

  constructor() {
    super();
    this.busy = false;
    this.fieldErrors = {};
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: 1rem;
        max-width: 36rem;
      }
      .hint {
        margin: 0.25rem 0 0;
        font-size: 0.95rem;
      }
      .field-error {
        margin: 0.25rem 0 0;
        color: #b3261e;
        font-weight: 600;
      }
      input {
        width: 100%;
        box-sizing: border-box;
      }
    `,
  ];

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const body: Schemas['NewUser'] = {
      name: String(data.get('name') ?? '').trim(),
      role: String(data.get('role')) as Role,
      password: String(data.get('password') ?? ''),
      office: String(data.get('office') ?? '').trim() || null,
    };
    this.busy = true;
    this.error = undefined;
    this.fieldErrors = {};
    try {
      const user = await call(api.POST('/api/v1/users', { body }));
      form.reset();
      this.dispatchEvent(new CustomEvent(USER_ADDED, { detail: user, bubbles: true, composed: true }));
    } catch (e) {
      this.fieldErrors = userFieldErrors(e);
      if (!Object.keys(this.fieldErrors).length) this.error = e;
      await this.updateComplete;
      // Take the keyboard to the first field to fix.
      const first = (['name', 'role', 'password'] as const).find((f) => this.fieldErrors[f]);
      if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    } finally {
      this.busy = false;
    }
  }

  /** The ids a field is described by: its hint, and its error when it has one. */
  #describedBy(field: UserField, hint?: string): string {
    return [hint, this.fieldErrors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ');
  }

  #error(field: UserField): TemplateResult | typeof nothing {
    const key = this.fieldErrors[field];
    return key ? html`<p class="field-error" id="${field}-error">${translate(key)}</p>` : nothing;
  }

  override render(): TemplateResult {
    const invalid = (f: UserField) => (this.fieldErrors[f] ? 'true' : 'false');
    return html`<form novalidate @submit=${this.#submit}>
        <div>
          <label for="name">${t('users.new.name')}</label>
          <input
            id="name"
            name="name"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${invalid('name')}
            aria-describedby=${this.#describedBy('name', 'name-hint')}
          />
          <p class="hint muted" id="name-hint">${t('users.new.nameHint')}</p>
          ${this.#error('name')}
        </div>
        <div>
          <label for="role">${t('users.new.role')}</label>
          <select id="role" name="role" aria-invalid=${invalid('role')} aria-describedby=${this.#describedBy('role')}>
            ${ROLE_CHOICES.map((r) => html`<option value=${r} ?selected=${r === 'caseworker'}>${t(`role.${r}`)}</option>`)}
          </select>
          ${this.#error('role')}
        </div>
        <div>
          <label for="office">${t('users.new.office')}</label>
          <input id="office" name="office" maxlength="100" autocomplete="off" aria-describedby="office-hint" />
          <p class="hint muted" id="office-hint">${t('users.new.officeHint')}</p>
        </div>
        <div>
          <label for="password">${t('users.new.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            aria-invalid=${invalid('password')}
            aria-describedby=${this.#describedBy('password', 'password-hint')}
          />
          <p class="hint muted" id="password-hint">${t('users.passwordRule')}</p>
          ${this.#error('password')}
        </div>
        <div>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('users.new.busy') : t('users.new.submit')}</button>
        </div>
      </form>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}`;
  }
}

customElements.define('ri-user-new-form', RiUserNewForm);

declare global {
  interface HTMLElementTagNameMap {
    'ri-user-new-form': RiUserNewForm;
  }
}
