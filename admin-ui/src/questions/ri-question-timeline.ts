import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { rulesStyles } from '../shared/law/law-styles.ts';
import { localText } from '../shared/law/local-text.ts';
import { inForce, position, type Question, type TimelineEntry } from '../shared/law/timeline.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { cssProps } from './css-props.ts';

/** The span every timeline of a page is drawn over, so they line up. */
export interface Axis {
  start: string;
  end: string;
}

/**
 * One question's versions over time: a drawn timeline (decorative, hidden from screen readers) and, beneath it,
 * the same in a table: valid from and until, the act and its Dz.U. position, the status, a repealed version's
 * successor, and the proposals and drafts on their way.
 */
export class RiQuestionTimeline extends LocalizedElement {
  static override properties = {
    question: { attribute: false },
    entries: { attribute: false },
    axis: { attribute: false },
    titles: { attribute: false },
    today: { type: String },
    level: { type: Number },
  };
  declare question: Question | undefined;
  declare entries: TimelineEntry[];
  declare axis: Axis;
  /** Every question's title, for naming a successor. */
  declare titles: ReadonlyMap<string, Question['title']>;
  declare today: string;
  /** The heading level of the question's title: 1 on its own page, 2 in the list. */
  declare level: 1 | 2;

  constructor() {
    super();
    this.question = undefined;
    this.entries = [];
    this.axis = { start: '2004-01-01', end: '2028-01-01' };
    this.titles = new Map();
    this.today = '';
    this.level = 2;
  }

  static override styles = [
    sharedStyles,
    rulesStyles,
    css`
      :host {
        margin: 0 0 2rem;
      }
      h1,
      h2 {
        margin-bottom: 0.25rem;
      }
      .meta {
        margin: 0 0 0.5rem;
      }
      .draw {
        margin: 0.75rem 0 0.25rem;
      }
      .track {
        position: relative;
        height: 2rem;
        background: #f1f3f4;
        border: 1px solid #b7cde0;
      }
      .seg {
        position: absolute;
        top: 0;
        bottom: 0;
        overflow: hidden;
        white-space: nowrap;
        font-size: 0.8rem;
        line-height: 2rem;
        padding-left: 0.3rem;
        color: #ffffff;
        background: #0b4f8a;
        border-right: 2px solid #ffffff;
        box-sizing: border-box;
      }
      .seg.alt {
        background: #245f93;
      }
      .seg.inForce {
        background: #1d5e20;
      }
      .seg.repealed {
        color: #1b1b1b;
        background: repeating-linear-gradient(135deg, #d9dcde 0 6px, #eceeef 6px 12px);
      }
      .mark {
        position: absolute;
        top: -0.45rem;
        width: 0.7rem;
        height: 0.7rem;
        margin-left: -0.35rem;
        transform: rotate(45deg);
        background: #5a2a82;
        border: 1px solid #ffffff;
      }
      .mark.draft {
        background: #3b3f42;
      }
      .today {
        position: absolute;
        top: -0.3rem;
        bottom: -0.3rem;
        width: 0;
        border-left: 2px dashed #8a1c14;
      }
      .years {
        position: relative;
        height: 1.2rem;
        font-size: 0.75rem;
        color: #3b3f42;
      }
      .years span {
        position: absolute;
        transform: translateX(-50%);
      }
      .title-sub {
        display: block;
        font-size: 0.85rem;
        color: #3b3f42;
      }
      .law {
        min-width: 16rem;
      }
    `,
  ];

  /** Years to label on the axis: about six, on round numbers. */
  #years(): number[] {
    const from = Number(this.axis.start.slice(0, 4));
    const to = Number(this.axis.end.slice(0, 4));
    const step = Math.max(1, Math.ceil((to - from) / 6));
    const out: number[] = [];
    for (let y = Math.ceil(from / step) * step; y < to; y += step) if (y > from) out.push(y);
    return out;
  }

  #pct(day: string): string {
    return `${(position(day, this.axis) * 100).toFixed(3)}%`;
  }

  #drawing(): TemplateResult {
    const law = this.entries.filter((e) => e.status === 'published' || e.status === 'repealed');
    const others = this.entries.filter((e) => !(e.status === 'published' || e.status === 'repealed') && e.validFrom);
    return html`<div class="draw" aria-hidden="true">
      <div class="track">
        ${law.map((e, i) => {
          const from = e.validFrom ?? this.axis.start;
          const until = e.validUntil ?? this.axis.end;
          const left = position(from, this.axis);
          const width = Math.max(0, position(until, this.axis) - left);
          const kind = e.status === 'repealed' ? 'repealed' : e.inForce ? 'inForce' : i % 2 ? 'alt' : '';
          return html`<span class="seg ${kind}" ${cssProps({ left: `${left * 100}%`, width: `${width * 100}%` })}
            >${from.slice(0, 4)}</span
          >`;
        })}
        ${others.map(
          (e) =>
            html`<span
              class="mark ${e.status === 'proposal' || e.status === 'proposalDraft' ? '' : 'draft'}"
              ${cssProps({ left: this.#pct(e.validFrom ?? this.axis.start) })}
            ></span>`,
        )}
        ${this.today ? html`<span class="today" ${cssProps({ left: this.#pct(this.today) })}></span>` : nothing}
      </div>
      <div class="years">
        ${this.#years().map((y) => html`<span ${cssProps({ left: this.#pct(`${y}-01-01`) })}>${y}</span>`)}
      </div>
    </div>`;
  }

  #name(e: TimelineEntry): string {
    if (e.status === 'published' || e.status === 'repealed') return e.validFrom ? formatDate(e.validFrom) : e.name;
    if (e.status === 'proposal') return t('questions.proposalName', { name: e.name });
    return t('questions.draftName', { id: e.name });
  }

  #status(e: TimelineEntry): TemplateResult {
    const successor = e.successor;
    return html`<span class="badge ${e.status}">${t(`status.${e.status}`)}</span>
      ${e.inForce ? html` <span class="badge inForce">${t('status.inForce')}</span>` : nothing}
      ${
        successor
          ? html`<br />${t('questions.successor')} <a href="/questions/${encodeURIComponent(successor)}"
                >${localText(this.titles.get(successor), successor)}</a
              >`
          : nothing
      }
      ${e.author ? html`<br /><span class="muted">${t('questions.byAuthor', { author: e.author })}</span>` : nothing}`;
  }

  #until(e: TimelineEntry): string {
    if (e.validUntil) return formatDate(e.validUntil);
    if (e.status === 'published') return t('questions.untilNow');
    return '—';
  }

  #table(q: Question): TemplateResult {
    const title = localText(q.title, q.id);
    const captionId = `caption-${q.id}`;
    return html`<div class="table-wrap" role="region" aria-labelledby=${captionId} tabindex="0">
      <table>
        <caption id=${captionId}>${t('questions.caption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">${t('questions.col.version')}</th>
            <th scope="col">${t('questions.col.from')}</th>
            <th scope="col">${t('questions.col.until')}</th>
            <th scope="col">${t('questions.col.law')}</th>
            <th scope="col">${t('questions.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.entries.map(
            (e) => html`<tr class=${e.inForce ? 'current' : ''}>
              <th scope="row">
                <a href=${e.href}>${this.#name(e)}</a>
                ${e.title ? html`<span class="title-sub">${localText(e.title)}</span>` : nothing}
              </th>
              <td class="day">${e.validFrom ? html`<time datetime=${e.validFrom}>${formatDate(e.validFrom)}</time>` : t('questions.noDate')}</td>
              <td class="day">${this.#until(e)}</td>
              <td class="law">
                ${e.law ? html`<span lang="pl">${e.law.act}</span><br /><strong>${e.law.dz_u}</strong>, ${e.law.basis}` : '—'}
              </td>
              <td>${this.#status(e)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const q = this.question;
    if (!q) return html``;
    const title = localText(q.title, q.id);
    const current = inForce(this.entries);
    const last = q.versions.at(-1);
    const heading =
      this.level === 1
        ? html`<h1 id="q-title">${title}</h1>`
        : html`<h2 id="q-title"><a href="/questions/${encodeURIComponent(q.id)}">${title}</a></h2>`;
    return html`<section aria-labelledby="q-title">
      ${heading}
      <p class="meta muted">
        ${t('questions.id', { id: q.id })}.
        ${current?.validFrom ? t('questions.inForceNow', { date: formatDate(current.validFrom) }) : nothing}
        ${last?.repealed ? t('questions.repealedNow', { date: formatDate(last.validFrom) }) : nothing}
      </p>
      ${this.#drawing()} ${this.#table(q)}
    </section>`;
  }
}

customElements.define('ri-question-timeline', RiQuestionTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'ri-question-timeline': RiQuestionTimeline;
  }
}
