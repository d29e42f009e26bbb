import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import type { Role } from '../shared/api/session.ts';
import { formatDateTime } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';
import { ROLE_CHOICES } from '../users/roles.ts';

type Token = Schemas['ApiToken'];

/**
 * API tokens (/tokens, admins only): every token with its owner, role, issue, expiry and last use; a form that issues
 * one (POST /api/v1/tokens) and shows its secret once; revoking one (DELETE) after a confirmation.
 */
export class RiTokensPage extends LocalizedElement {
  static override properties = {
    tokens: { state: true },
    loading: { state: true },
    busy: { state: true },
    error: { state: true },
    created: { state: true },
    confirming: { state: true },
    done: { state: true },
  };
  declare tokens: Token[];
  declare loading: boolean;
  declare busy: boolean;
  declare error: unknown;
  /** The token just issued, with its secret: shown once, gone on the next action. */
  declare created: (Token & { token: string }) | undefined;
  /** The id of the token whose revocation is being confirmed. */
  declare confirming: string;
  declare done: string;

  constructor() {
    super();
    this.tokens = [];
    this.loading = true;
    this.busy = false;
    this.error = undefined;
    this.created = undefined;
    this.confirming = '';
    this.done = '';
  }

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      form {
        display: grid;
        gap: 1rem;
        max-width: 36rem;
      }
      input,
      select {
        width: 100%;
        box-sizing: border-box;
      }
      .hint {
        margin: 0.25rem 0 0;
        font-size: 0.95rem;
      }
      .secret,
      .done {
        border-left: 6px solid #1d6b36;
        background: #eef7f0;
        padding: 0.75rem 1rem;
        margin: 1rem 0;
        max-width: none;
      }
      .secret code {
        display: block;
        font-size: 1rem;
        overflow-wrap: anywhere;
        padding: 0.5rem;
        background: #ffffff;
        border: 1px solid #b7cde0;
      }
      .confirm {
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
      .revoked {
        color: #8a1c15;
        font-weight: 600;
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
      this.tokens = (await call(api.GET('/api/v1/tokens'))).tokens;
      this.error = undefined;
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  async #issue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const given = String(data.get('days') ?? '').trim();
    const body = {
      name: String(data.get('name') ?? '').trim(),
      role: String(data.get('role')) as Role,
      // Left empty: the server's default (90 days); anything else it checks and names if wrong.
      days: given === '' ? 90 : Number(given),
    };
    this.busy = true;
    this.error = undefined;
    this.done = '';
    try {
      const created = await call(api.POST('/api/v1/tokens', { body }));
      form.reset();
      this.created = created;
      const { token: _secret, ...listed } = created;
      this.tokens = [...this.tokens, listed].sort((a, b) => a.name.localeCompare(b.name));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#secret-title')?.focus();
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  async #revoke(token: Token): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      const revoked = await call(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id: token.id } } }));
      this.tokens = this.tokens.map((x) => (x.id === revoked.id ? revoked : x));
      this.confirming = '';
      this.created = undefined;
      this.done = t('tokens.done.revoked', { name: revoked.name });
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  async #ask(token: Token): Promise<void> {
    this.confirming = token.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-yes')?.focus();
  }

  #when(iso: string | null, none: string): TemplateResult {
    return iso ? html`<time datetime=${iso}>${formatDateTime(iso)}</time>` : html`<span class="muted">${none}</span>`;
  }

  #actions(x: Token): TemplateResult | typeof nothing {
    if (x.state === 'revoked') return nothing;
    if (this.confirming === x.id) {
      return html`<div class="confirm" role="group" aria-labelledby="confirm-text">
        <p id="confirm-text">${t('tokens.confirm', { name: x.name })}</p>
        <button id="confirm-yes" type="button" class="danger" ?disabled=${this.busy} @click=${() => this.#revoke(x)}>
          ${t('tokens.confirmYes')}
        </button>
        <button type="button" class="secondary" @click=${() => (this.confirming = '')}>${t('tokens.confirmNo')}</button>
      </div>`;
    }
    return html`<button type="button" class="secondary" aria-expanded="false" @click=${() => this.#ask(x)}>
      ${t('tokens.revoke')}<span class="visually-hidden"> ${t('tokens.revokeWhich', { name: x.name })}</span>
    </button>`;
  }

  #table(): TemplateResult {
    if (!this.tokens.length) return html`<p>${t('tokens.empty')}</p>`;
    return html`<div class="table-wrap" role="region" aria-labelledby="tokens-caption" tabindex="0">
      <table>
        <caption id="tokens-caption">${t('tokens.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('tokens.col.name')}</th>
            <th scope="col">${t('tokens.col.role')}</th>
            <th scope="col">${t('tokens.col.created')}</th>
            <th scope="col">${t('tokens.col.expires')}</th>
            <th scope="col">${t('tokens.col.lastUsed')}</th>
            <th scope="col">${t('tokens.col.state')}</th>
            <th scope="col">${t('tokens.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.tokens.map(
            (x) => html`<tr>
              <th scope="row">${x.name}</th>
              <td>${t(`role.${x.role as Role}`)}</td>
              <td>${this.#when(x.created_at, '')}</td>
              <td>${this.#when(x.expires_at, t('tokens.noExpiry'))}</td>
              <td>${this.#when(x.last_used_at, t('tokens.never'))}</td>
              <td class=${x.state === 'revoked' ? 'revoked' : ''}>${t(`tokens.state.${x.state}`)}</td>
              <td>${this.#actions(x)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #secret(): TemplateResult | typeof nothing {
    const c = this.created;
    if (!c) return nothing;
    return html`<section class="secret" aria-labelledby="secret-title">
      <h2 id="secret-title" tabindex="-1">${t('tokens.created.title', { name: c.name })}</h2>
      <p>${t('tokens.created.once')}</p>
      <p><span class="visually-hidden">${t('tokens.created.label')}: </span><code aria-label=${t('tokens.created.label')}>${c.token}</code></p>
      ${c.expires_at ? html`<p>${t('tokens.created.expires', { date: formatDateTime(c.expires_at) })}</p>` : nothing}
    </section>`;
  }

  #form(): TemplateResult {
    return html`<form @submit=${this.#issue}>
      <div>
        <label for="name">${t('tokens.new.name')}</label>
        <input id="name" name="name" required maxlength="100" autocomplete="off" aria-describedby="name-hint" />
        <p class="hint muted" id="name-hint">${t('tokens.new.nameHint')}</p>
      </div>
      <div>
        <label for="role">${t('tokens.new.role')}</label>
        <select id="role" name="role">
          ${ROLE_CHOICES.map((r) => html`<option value=${r} ?selected=${r === 'caseworker'}>${t(`role.${r}`)}</option>`)}
        </select>
      </div>
      <div>
        <label for="days">${t('tokens.new.days')}</label>
        <input id="days" name="days" type="number" min="1" max="3650" value="90" aria-describedby="days-hint" />
        <p class="hint muted" id="days-hint">${t('tokens.new.daysHint')}</p>
      </div>
      <div>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('tokens.new.busy') : t('tokens.new.submit')}</button>
      </div>
    </form>`;
  }

  override render(): TemplateResult {
    return html`<h1>${t('tokens.title')}</h1>
      <p>${t('tokens.intro')}</p>
      <div role="status">${this.done ? html`<p class="done">${this.done}</p>` : nothing}</div>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.#secret()}
      ${this.loading ? html`<p>${t('app.loading')}</p>` : this.#table()}
      <h2>${t('tokens.new.title')}</h2>
      ${this.#form()}`;
  }
}

customElements.define('ri-tokens-page', RiTokensPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-tokens-page': RiTokensPage;
  }
}
