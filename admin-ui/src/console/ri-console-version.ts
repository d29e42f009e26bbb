import { css, html, nothing, type TemplateResult } from 'lit';
import type { Schemas } from '../shared/api/client.ts';
import { formatDate } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { local } from './local-text.ts';
import { firstVersion, readVersionDocument, versionOn } from './version-on.ts';

/**
 * Which version of the law answers on the chosen day: its date, title and act, with a link to read it;
 * or that the day is before the first version, or that the law was repealed (and what replaced it).
 */
export class RiConsoleVersion extends LocalizedElement {
  static override properties = {
    summary: { attribute: false },
    date: { type: String },
    detail: { attribute: false },
    successorTitle: { type: String },
  };
  /** The question with its versions. */
  declare summary: Schemas['QuestionSummary'] | undefined;
  declare date: string;
  /** The version in force on the date, once loaded. */
  declare detail: Schemas['VersionDetail'] | undefined;
  /** The title of the question that replaced a repealed one. */
  declare successorTitle: string;

  constructor() {
    super();
    this.summary = undefined;
    this.date = '';
    this.detail = undefined;
    this.successorTitle = '';
  }

  static override styles = [
    sharedStyles,
    css`
      .box {
        border-left: 6px solid #0b4f8a;
        background: #e8f1f8;
        padding: 0.6rem 1rem;
        margin: 0 0 1.25rem;
      }
      .box.warn {
        border-color: #8a5300;
        background: #fff4e0;
      }
      p {
        margin: 0.2rem 0;
      }
      .title {
        font-weight: 700;
      }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const s = this.summary;
    if (!s || !this.date) return nothing;
    const date = formatDate(this.date);
    const version = versionOn(s.versions, this.date);
    if (!version) {
      const first = firstVersion(s.versions);
      return html`<div class="box warn" role="status">
        <p>${first ? t('console.version.before', { date, first: formatDate(first.validFrom) }) : t('console.version.noVersions')}</p>
      </div>`;
    }
    const info = this.detail && this.detail.version === version.version ? readVersionDocument(this.detail.document) : undefined;
    const act = info?.act ? (info.dzU ? `${info.act} (${info.dzU})` : info.act) : '';
    const link = html`<a href="/questions/${encodeURIComponent(s.id)}/${encodeURIComponent(version.version)}"
      >${t('console.version.open')}</a
    >`;
    if (version.repealed) {
      return html`<div class="box warn" role="status">
        <p class="title">${t('console.version.repealed', { date, from: formatDate(version.validFrom) })}</p>
        ${info?.repealedText ? html`<p>${local(info.repealedText)}</p>` : nothing}
        ${
          info?.successor
            ? html`<p>
              ${t('console.version.successor')}
              <a href="/console?question=${encodeURIComponent(info.successor)}&date=${this.date}">${this.successorTitle || info.successor}</a>
            </p>`
            : nothing
        }
        ${act ? html`<p>${t('console.version.act')} <span lang="pl">${act}</span></p>` : nothing}
        <p>${link}</p>
      </div>`;
    }
    return html`<div class="box" role="status">
      <p class="title">${t('console.version.inForce', { date, from: formatDate(version.validFrom) })}</p>
      ${info?.title ? html`<p>${local(info.title)}</p>` : nothing} ${act ? html`<p>${t('console.version.act')} <span lang="pl">${act}</span></p>` : nothing}
      <p>${link}</p>
    </div>`;
  }
}

customElements.define('ri-console-version', RiConsoleVersion);

declare global {
  interface HTMLElementTagNameMap {
    'ri-console-version': RiConsoleVersion;
  }
}
