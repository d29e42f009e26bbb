import { css, html, type TemplateResult } from 'lit';
import type { Schemas } from '../shared/api/client.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

/** The audit chain's verification, as the server reports it with every page of the log. */
export type ChainStatus = Schemas['AuditPage']['chain'];

/** A prominent banner: the chain holds (how many entries checked), or where it breaks and why. */
export class RiChainStatus extends LocalizedElement {
  static override properties = { chain: { attribute: false } };
  declare chain: ChainStatus | undefined;

  static override styles = [
    sharedStyles,
    css`
      section {
        display: flex;
        gap: 1rem;
        align-items: flex-start;
        padding: 1rem 1.25rem;
        border: 2px solid;
        border-left-width: 10px;
        margin: 1rem 0 1.5rem;
      }
      .ok {
        border-color: #00703c;
        background: #eef7f1;
      }
      .broken {
        border-color: #b3261e;
        background: #fdf0ef;
      }
      .mark {
        font-size: 2rem;
        line-height: 1;
        font-weight: 700;
      }
      .ok .mark {
        color: #00703c;
      }
      .broken .mark {
        color: #b3261e;
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.25rem;
      }
      p {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  /** Why the chain breaks, in the page's language; a code this page does not know shows the server's English. */
  #why(chain: ChainStatus): TemplateResult {
    switch (chain.code) {
      case 'MISSING_ENTRY':
        return html`${t('audit.chain.break.MISSING_ENTRY', { missing: chain.missing ?? '?' })}`;
      case 'BROKEN_LINK':
        return html`${t('audit.chain.break.BROKEN_LINK')}`;
      case 'CONTENT_CHANGED':
        return html`${t('audit.chain.break.CONTENT_CHANGED')}`;
      case 'HEAD_NOT_FOUND':
        return html`${t('audit.chain.break.HEAD_NOT_FOUND')}`;
      default:
        return html`<span lang="en">${chain.reason ?? ''}</span>`;
    }
  }

  override render(): TemplateResult {
    const chain = this.chain;
    if (!chain) return html``;
    return chain.ok
      ? html`<section class="ok" data-chain="ok" aria-labelledby="chain-title">
          <span class="mark" aria-hidden="true">✓</span>
          <div>
            <h2 id="chain-title">${t('audit.chain.ok')}</h2>
            <p>${t('audit.chain.okDetail', { count: chain.entries ?? 0 })}</p>
            ${chain.checkedHead ? html`<p>${t('audit.chain.headFound')} <code>${chain.checkedHead}</code></p>` : ''}
          </div>
        </section>`
      : html`<section class="broken" data-chain="broken" role="alert" aria-labelledby="chain-title">
          <span class="mark" aria-hidden="true">✗</span>
          <div>
            <h2 id="chain-title">${t('audit.chain.broken')}</h2>
            <p>
              ${chain.code === 'HEAD_NOT_FOUND' ? '' : t('audit.chain.brokenDetail', { seq: chain.seq ?? '?' })}
              ${this.#why(chain)}
            </p>
          </div>
        </section>`;
  }
}

customElements.define('ri-chain-status', RiChainStatus);

declare global {
  interface HTMLElementTagNameMap {
    'ri-chain-status': RiChainStatus;
  }
}
