import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { formatDateTime } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';
import { USER_CHANGED, type UserChanged } from './ri-user-actions.ts';
import { USER_ADDED } from './ri-user-new-form.ts';
import './ri-user-actions.ts';
import './ri-user-new-form.ts';

type User = Schemas['User'];

/**
 * User management (/users, admins only): every user with role and status, a form to add one, and per row a
 * new role, a new password, disabling or enabling; a status line says what each action did.
 */
export class RiUsersPage extends LocalizedElement {
  static override properties = {
    users: { state: true },
    loading: { state: true },
    error: { state: true },
    done: { state: true },
  };
  declare users: User[];
  declare loading: boolean;
  declare error: unknown;
  /** The sentence saying what the last action did, read out by the status region. */
  declare done: string;

  constructor() {
    super();
    this.users = [];
    this.loading = true;
    this.error = undefined;
    this.done = '';
    this.addEventListener(USER_ADDED, (e) => this.#added((e as CustomEvent<User>).detail));
    this.addEventListener(USER_CHANGED, (e) => this.#changed((e as CustomEvent<UserChanged>).detail));
  }

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      .done {
        border-left: 6px solid #1d6b36;
        background: #eef7f0;
        padding: 0.75rem 1rem;
        margin: 1rem 0;
        max-width: none;
      }
      .disabled {
        color: #8a1c15;
        font-weight: 600;
      }
      td.actions {
        min-width: 30rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    this.loading = true;
    try {
      this.users = (await call(api.GET('/api/v1/users'))).users;
      this.error = undefined;
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  #added(user: User): void {
    this.users = [...this.users, user].sort((a, b) => a.name.localeCompare(b.name));
    this.done = t('users.done.added', { name: user.name, role: t(`role.${user.role}`) });
  }

  #changed({ user, message }: UserChanged): void {
    this.users = this.users.map((u) => (u.id === user.id ? user : u));
    this.done = message;
  }

  #status(u: User): TemplateResult {
    if (!u.disabled || !u.disabled_at) return html`${t('users.status.active')}`;
    return html`<span class="disabled">${t('users.status.disabled', { date: formatDateTime(u.disabled_at) })}</span>`;
  }

  #table(): TemplateResult {
    if (!this.users.length) return html`<p>${t('users.empty')}</p>`;
    const me = session.current?.id;
    return html`<div class="table-wrap" role="region" aria-labelledby="users-caption" tabindex="0">
      <table>
        <caption id="users-caption">${t('users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('users.col.name')}</th>
            <th scope="col">${t('users.col.role')}</th>
            <th scope="col">${t('users.col.office')}</th>
            <th scope="col">${t('users.col.created')}</th>
            <th scope="col">${t('users.col.status')}</th>
            <th scope="col">${t('users.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.users.map(
            (u) => html`<tr>
              <th scope="row">${u.name} ${u.id === me ? html`<span class="muted">${t('users.you')}</span>` : nothing}</th>
              <td>${t(`role.${u.role}`)}</td>
              <td>${u.office ?? html`<span class="muted">${t('users.noOffice')}</span>`}</td>
              <td><time datetime=${u.created_at}>${formatDateTime(u.created_at)}</time></td>
              <td>${this.#status(u)}</td>
              <td class="actions"><ri-user-actions .user=${u} ?self=${u.id === me}></ri-user-actions></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    return html`<h1>${t('users.title')}</h1>
      <p>${t('users.intro')}</p>
      <div role="status">${this.done ? html`<p class="done">${this.done}</p>` : nothing}</div>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.loading ? html`<p>${t('app.loading')}</p>` : this.#table()}
      <h2>${t('users.new.title')}</h2>
      <ri-user-new-form></ri-user-new-form>`;
  }
}

customElements.define('ri-users-page', RiUsersPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-users-page': RiUsersPage;
  }
}
