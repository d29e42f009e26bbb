import { css, html, nothing, type TemplateResult } from 'lit';
import type { Schemas } from '../shared/api/client.ts';
import { formatDate, formatDateTime, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { tableStyles } from '../shared/styles/table.ts';

/** Failed sign-ins as the audit page's answer counts them. */
export type SignInFailures = Schemas['AuditPage']['sign_in'];

/** Failed sign-ins: the last day's count, blocks for too many, and counts per day and per user name tried (14 days). */
export class RiSignInFailures extends LocalizedElement {
  static override properties = { failures: { attribute: false } };
  declare failures: SignInFailures | undefined;

  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      .tables {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
        align-items: flex-start;
      }
      td.num {
        text-align: right;
      }
    `,
  ];

  #table(caption: string, head: string, rows: { key: string; label: string; count: number }[]): TemplateResult {
    return html`<table>
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${head}</th>
          <th scope="col">${t('audit.signIn.col.count')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="num">${formatNumber(r.count)}</td></tr>`)}
      </tbody>
    </table>`;
  }

  override render(): TemplateResult {
    const f = this.failures;
    if (!f) return html``;
    return html`<section aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${t('audit.signIn.title')}</h2>
      <p>
        ${t('audit.signIn.lastDay', { count: formatNumber(f.failed_last_24h) })}
        ${t('audit.signIn.throttled', { count: formatNumber(f.throttled_last_24h) })}
        ${f.last_failed_at ? t('audit.signIn.last', { at: formatDateTime(f.last_failed_at) }) : nothing}
      </p>
      ${
        f.by_day.length
          ? html`<div class="tables">
              ${this.#table(
                t('audit.signIn.byDay'),
                t('audit.signIn.col.day'),
                f.by_day.map((d) => ({ key: d.day, label: formatDate(d.day), count: d.count })),
              )}
              ${this.#table(
                t('audit.signIn.byName'),
                t('audit.signIn.col.name'),
                f.by_name.map((n) => ({ key: n.name, label: n.name, count: n.count })),
              )}
            </div>`
          : html`<p class="muted">${t('audit.signIn.none')}</p>`
      }
    </section>`;
  }
}

customElements.define('ri-sign-in-failures', RiSignInFailures);

declare global {
  interface HTMLElementTagNameMap {
    'ri-sign-in-failures': RiSignInFailures;
  }
}
