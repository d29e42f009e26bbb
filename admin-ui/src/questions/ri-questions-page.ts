import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { rulesStyles } from '../shared/law/law-styles.ts';
import {
  axisOf,
  type Draft,
  type Question,
  type TimelineEntry,
  timelineOf,
  todayIso,
  type VersionDetail,
} from '../shared/law/timeline.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import './ri-question-timeline.ts';
import { mayReadDrafts, readableDrafts } from '../shared/api/readable-drafts.ts';

/**
 * Every question with its versions on a timeline (/questions), or one question (/questions/:question): law
 * versions with their dates and acts, repealed ones with their successor, bundled proposals, and the drafts the
 * user may read.
 */
export class RiQuestionsPage extends LocalizedElement {
  static override properties = {
    question: { type: String },
    questions: { state: true },
    drafts: { state: true },
    proposals: { state: true },
    search: { state: true },
    loading: { state: true },
    error: { state: true },
  };
  /** The question picked by the address, if any. */
  declare question: string | undefined;
  declare questions: Question[];
  declare drafts: Draft[];
  /** Bundled proposals' details, by `<question>/<name>`. */
  declare proposals: Map<string, VersionDetail>;
  declare search: string;
  declare loading: boolean;
  declare error: unknown;

  constructor() {
    super();
    this.question = undefined;
    this.questions = [];
    this.drafts = [];
    this.proposals = new Map();
    this.search = '';
    this.loading = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    rulesStyles,
    css`
      .search {
        margin: 1rem 0;
      }
      .search input {
        width: min(28rem, 100%);
      }
      .hint {
        font-size: 0.9rem;
        margin: 0.25rem 0 0;
      }
      .legend ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        list-style: none;
        padding: 0;
      }
      .swatch {
        display: inline-block;
        width: 1.5rem;
        height: 0.9rem;
        margin-right: 0.4rem;
        vertical-align: middle;
        background: #0b4f8a;
      }
      .swatch.in-force {
        background: #1d5e20;
      }
      .swatch.repealed {
        background: repeating-linear-gradient(135deg, #d9dcde 0 6px, #eceeef 6px 12px);
        border: 1px solid #b7cde0;
      }
      .swatch.mark {
        width: 0.7rem;
        height: 0.7rem;
        transform: rotate(45deg);
        background: #5a2a82;
      }
      .swatch.today {
        width: 0;
        border-left: 2px dashed #8a1c14;
        background: none;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      const [list, drafts] = await Promise.all([call(api.GET('/api/v1/questions')), readableDrafts()]);
      this.questions = list.questions;
      this.drafts = drafts;
      // Proposals are few; their details give the day they are evaluated on and their act.
      const wanted = list.questions.flatMap((q) => q.proposals.map((name) => ({ question: q.id, name })));
      const details = await Promise.all(
        wanted.map((p) =>
          call(
            api.GET('/api/v1/questions/{question}/versions/{version}', {
              params: { path: { question: p.question, version: p.name } },
            }),
          ).catch(() => undefined),
        ),
      );
      this.proposals = new Map(details.flatMap((d, i) => (d ? [[`${wanted[i]?.question}/${wanted[i]?.name}`, d] as const] : [])));
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  #entries(q: Question, today: string): TimelineEntry[] {
    const proposals = new Map(
      q.proposals.flatMap((name) => {
        const d = this.proposals.get(`${q.id}/${name}`);
        return d ? [[name, d] as const] : [];
      }),
    );
    return timelineOf(q, this.drafts, proposals, today);
  }

  #matches(q: Question): boolean {
    const s = this.search.trim().toLowerCase();
    return !s || [q.id, q.title.pl, q.title.en].some((x) => x.toLowerCase().includes(s));
  }

  /** What the drawn timelines' colours and marks mean (the tables say it in words). */
  #legend(): TemplateResult {
    const items = [
      ['seg', 'timeline.version'],
      ['seg in-force', 'timeline.inForce'],
      ['seg repealed', 'timeline.repealed'],
      ['mark', 'timeline.proposal'],
      ['today', 'timeline.today'],
    ] as const;
    return html`<details class="legend">
      <summary>${t('timeline.legend')}</summary>
      <ul>
        ${items.map(([swatch, key]) => html`<li><span class="swatch ${swatch}" aria-hidden="true"></span>${t(key)}</li>`)}
      </ul>
    </details>`;
  }

  override render(): TemplateResult {
    const today = todayIso();
    const days = this.questions.flatMap((q) => [
      ...q.versions.map((v) => v.validFrom),
      ...q.proposals.flatMap((n) => this.proposals.get(`${q.id}/${n}`)?.valid_from ?? []),
    ]);
    const axis = axisOf(days, today);
    const titles = new Map(this.questions.map((q) => [q.id, q.title]));
    const status = html`${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
    ${this.loading ? html`<p role="status">${t('app.loading')}</p>` : nothing}`;
    const timeline = (q: Question, level: 1 | 2) =>
      html`<ri-question-timeline .question=${q} .entries=${this.#entries(q, today)} .axis=${axis} .titles=${titles}
        today=${today} level=${level}></ri-question-timeline>`;
    const drafts = mayReadDrafts() ? nothing : html`<p class="muted">${t('questions.draftsHidden')}</p>`;

    if (this.question) {
      const q = this.questions.find((x) => x.id === this.question);
      return html`<p><a href="/questions">${t('questions.all')}</a></p>
        ${q ? timeline(q, 1) : html`<h1>${t('questions.title')}</h1>`}
        ${!q && !this.loading && !this.error ? html`<p role="status">${t('questions.unknown', { question: this.question })}</p>` : nothing}
        ${status} ${drafts}`;
    }

    const shown = this.questions.filter((q) => this.#matches(q));
    return html`<h1>${t('questions.title')}</h1>
      <p>${t('questions.intro')}</p>
      ${drafts} ${this.#legend()}
      <div class="search" role="search">
        <label for="search">${t('questions.filter')}</label>
        <input id="search" type="search" aria-describedby="search-hint" .value=${this.search}
          @input=${(e: InputEvent) => {
            this.search = (e.target as HTMLInputElement).value;
          }} />
        <p class="hint muted" id="search-hint">${t('questions.filterHint')}</p>
      </div>
      ${status}
      ${
        this.questions.length
          ? html`<p role="status">${t('questions.shown', { count: formatNumber(shown.length), total: formatNumber(this.questions.length) })}</p>`
          : nothing
      }
      ${this.questions.length && !shown.length ? html`<p>${t('questions.none')}</p>` : nothing}
      ${shown.map((q) => timeline(q, 2))}`;
  }
}

customElements.define('ri-questions-page', RiQuestionsPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-questions-page': RiQuestionsPage;
  }
}
