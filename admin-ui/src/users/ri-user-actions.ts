import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import type { Role } from '../shared/api/session.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { userFieldErrors } from './field-errors.ts';
import { ROLE_CHOICES } from './roles.ts';

type User = Schemas['User'];

/** Fired (bubbling out of the shadow root) after a change, with the user as changed and a sentence saying what was done. */
export const USER_CHANGED = 'user-changed';
/** What {@link USER_CHANGED} carries. */
export interface UserChanged {
  user: User;
  message: string;
}

/**
 * One user's changes, in their row of the users table: a new role, a new password, and disabling (after a
 * confirmation) or enabling the account (PATCH /api/v1/users/{id}). One's own row offers only the password:
 * the server refuses an admin's own demotion or disabling.
 */
export class RiUserActions extends LocalizedElement {
  static override properties = {
    user: { attribute: false },
    self: { type: Boolean },
    busy: { state: true },
    confirming: { state: true },
    passwordInvalid: { state: true },
    error: { state: true },
  };
  declare user: User;
  declare self: boolean;
  declare busy: boolean;
  declare confirming: boolean;
  declare passwordInvalid: boolean;
  declare error: unknown;

  constructor() {
    super();
    this.self = false;
    this.busy = false;
    this.confirming = false;
    this.passwordInvalid = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: flex-end;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: flex-end;
      }
      label {
        font-weight: 600;
        font-size: 0.9rem;
      }
      input {
        width: 12rem;
      }
      .confirm {
        flex-basis: 100%;
        border: 2px solid #b3261e;
        background: #fdf0ef;
        padding: 0.5rem 0.75rem;
      }
      .confirm p {
        margin: 0 0 0.5rem;
      }
      .confirm button + button {
        margin-left: 0.5rem;
      }
      button.danger {
        background: #b3261e;
        border-color: #b3261e;
      }
      button.danger:hover {
        background: #7f1b15;
        border-color: #7f1b15;
      }
      .alert {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  /** Sends one change; on success tells the page, with the sentence `done` makes of the changed user. */
  async #change(body: Schemas['UserChange'], done: (u: User) => string): Promise<boolean> {
    this.busy = true;
    this.error = undefined;
    this.passwordInvalid = false;
    try {
      const user = await call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: this.user.id } }, body }));
      const detail: UserChanged = { user, message: done(user) };
      this.dispatchEvent(new CustomEvent(USER_CHANGED, { detail, bubbles: true, composed: true }));
      return true;
    } catch (e) {
      this.passwordInvalid = Boolean(userFieldErrors(e).password);
      this.error = e;
      return false;
    } finally {
      this.busy = false;
    }
  }

  #changeRole(event: SubmitEvent): void {
    event.preventDefault();
    const role = String(new FormData(event.currentTarget as HTMLFormElement).get('role')) as Role;
    void this.#change({ role }, (u) => t('users.done.role', { name: u.name, role: t(`role.${u.role}`) }));
  }

  #changeOffice(event: SubmitEvent): void {
    event.preventDefault();
    const office = String(new FormData(event.currentTarget as HTMLFormElement).get('office') ?? '').trim() || null;
    void this.#change({ office }, (u) =>
      u.office ? t('users.done.office', { name: u.name, office: u.office }) : t('users.done.noOffice', { name: u.name }),
    );
  }

  async #setPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const password = String(new FormData(form).get('password') ?? '');
    if (await this.#change({ password }, (u) => t('users.done.password', { name: u.name }))) form.reset();
  }

  async #askDisable(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-yes')?.focus();
  }

  async #cancelDisable(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#toggle')?.focus();
  }

  async #setDisabled(disabled: boolean): Promise<void> {
    const ok = await this.#change({ disabled }, (u) =>
      disabled ? t('users.done.disabled', { name: u.name }) : t('users.done.enabled', { name: u.name }),
    );
    this.confirming = false;
    await this.updateComplete;
    // The button now offers the opposite: keep the keyboard on it.
    if (ok) this.renderRoot.querySelector<HTMLElement>('#toggle')?.focus();
  }

  /** A hidden suffix naming the user, so every row's fields and buttons have their own accessible name. */
  #for(): TemplateResult {
    return html`<span class="visually-hidden"> ${t('users.row.for', { name: this.user.name })}</span>`;
  }

  #roleForm(): TemplateResult {
    const u = this.user;
    return html`<form @submit=${this.#changeRole}>
      <div>
        <label for="role">${t('users.row.role')}${this.#for()}</label>
        <select id="role" name="role">
          ${ROLE_CHOICES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${t(`role.${r}`)}</option>`)}
        </select>
      </div>
      <button type="submit" class="secondary" ?disabled=${this.busy}>${t('users.row.changeRole')}${this.#for()}</button>
    </form>`;
  }

  #officeForm(): TemplateResult {
    return html`<form @submit=${this.#changeOffice}>
      <div>
        <label for="office">${t('users.row.office')}${this.#for()}</label>
        <input id="office" name="office" maxlength="100" autocomplete="off" .value=${this.user.office ?? ''} />
      </div>
      <button type="submit" class="secondary" ?disabled=${this.busy}>${t('users.row.changeOffice')}${this.#for()}</button>
    </form>`;
  }

  #passwordForm(): TemplateResult {
    return html`<form novalidate @submit=${this.#setPassword}>
      <div>
        <label for="password">${t('users.row.password')}${this.#for()}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          aria-describedby="password-rule"
          aria-invalid=${this.passwordInvalid ? 'true' : 'false'}
        />
        <span class="visually-hidden" id="password-rule">${t('users.passwordRule')}</span>
      </div>
      <button type="submit" class="secondary" ?disabled=${this.busy}>${t('users.row.setPassword')}${this.#for()}</button>
    </form>`;
  }

  /** Disable (asking first) or enable: one button whose words change, so the keyboard stays on it. */
  #toggle(): TemplateResult {
    const disabled = this.user.disabled;
    return html`<button
      id="toggle"
      type="button"
      class="secondary"
      aria-expanded=${disabled ? nothing : this.confirming ? 'true' : 'false'}
      ?disabled=${this.busy}
      @click=${() => (disabled ? this.#setDisabled(false) : this.#askDisable())}
    >
      ${disabled ? t('users.row.enable') : t('users.row.disable')}${this.#for()}
    </button>`;
  }

  #confirm(): TemplateResult | typeof nothing {
    if (!this.confirming) return nothing;
    return html`<div class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text">${t('users.row.confirmDisable', { name: this.user.name })}</p>
      <button id="confirm-yes" type="button" class="danger" ?disabled=${this.busy} @click=${() => this.#setDisabled(true)}>
        ${t('users.row.confirmYes')}
      </button>
      <button type="button" class="secondary" @click=${this.#cancelDisable}>${t('users.row.confirmNo')}</button>
    </div>`;
  }

  override render(): TemplateResult {
    return html`<div class="actions">
      ${this.self ? html`<p class="muted">${t('users.row.self')}</p>` : this.#roleForm()} ${this.#officeForm()}
      ${this.#passwordForm()}
      ${this.self ? nothing : this.#toggle()} ${this.#confirm()}
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
    </div>`;
  }
}

customElements.define('ri-user-actions', RiUserActions);

declare global {
  interface HTMLElementTagNameMap {
    'ri-user-actions': RiUserActions;
  }
}
