import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { formatDate } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { followFragment } from '../shared/law/fragment-links.ts';
import { rulesStyles } from '../shared/law/law-styles.ts';
import type { Catalogue } from '../shared/law/lexicon.ts';
import { type Draft, todayIso } from '../shared/law/timeline.ts';
import { navigate } from '../shared/router/navigation.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import './ri-parameter-values.ts';
import './ri-stale-list.ts';
import { readableDrafts } from '../shared/api/readable-drafts.ts';

/** A parameter's topic is its id's prefix, and the name of its file: `zasilek.first_90_days` → `zasilek`. */
const topicOf = (id: string) => id.split('.')[0] ?? id;

/**
 * Every dated parameter of the catalogue, read-only, grouped by its file (/parameters): the value in force today
 * and every dated value with its basis and confidence. Editors can open a draft of a file to add new values.
 */
export class RiParameterListPage extends LocalizedElement {
  static override properties = {
    catalogue: { state: true },
    drafts: { state: true },
    search: { state: true },
    loading: { state: true },
    opening: { state: true },
    error: { state: true },
  };
  declare catalogue: Catalogue | undefined;
  declare drafts: Draft[];
  declare search: string;
  declare loading: boolean;
  /** The topic whose draft is being created. */
  declare opening: string;
  declare error: unknown;

  constructor() {
    super();
    this.catalogue = undefined;
    this.drafts = [];
    this.search = '';
    this.loading = false;
    this.opening = '';
    this.error = undefined;
    this.addEventListener('click', (e) => followFragment(e, this.renderRoot as ShadowRoot));
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
      section.topic {
        border-top: 3px solid #0b4f8a;
        margin: 1.5rem 0;
        padding-top: 0.25rem;
      }
      .topic-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: baseline;
        justify-content: space-between;
      }
      ri-parameter-values {
        border-top: 1px solid #d5e0ea;
        padding: 0.75rem 0;
      }
      ul.drafts {
        margin: 0.25rem 0;
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
      const [catalogue, drafts] = await Promise.all([call(api.GET('/api/v1/catalogue')), readableDrafts()]);
      this.catalogue = catalogue;
      this.drafts = drafts;
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  async #openDraft(topic: string): Promise<void> {
    this.opening = topic;
    this.error = undefined;
    try {
      const draft = await call(api.POST('/api/v1/drafts', { body: { parameters: topic, proposal: false } }));
      navigate(`/drafts/${encodeURIComponent(draft.id)}`);
    } catch (e) {
      this.error = e;
    } finally {
      this.opening = '';
    }
  }

  #matches(id: string): boolean {
    const s = this.search.trim().toLowerCase();
    if (!s) return true;
    const label = this.catalogue?.parameters[id]?.label;
    return [id, label?.pl ?? '', label?.en ?? ''].some((x) => x.toLowerCase().includes(s));
  }

  #topic(topic: string, ids: string[], today: string): TemplateResult {
    const path = `rules/parameters/${topic}.yaml`;
    const open = this.drafts.filter((d) => d.path === path && (d.status === 'draft' || d.status === 'submitted'));
    return html`<section class="topic" aria-labelledby="topic-${topic}">
      <div class="topic-head">
        <h2 id="topic-${topic}">${t('parameters.file', { path })}</h2>
        ${
          session.can('draft')
            ? html`<button type="button" class="secondary" ?disabled=${this.opening !== ''} @click=${() => this.#openDraft(topic)}>
              ${this.opening === topic ? t('parameters.openingDraft') : t('parameters.openDraft', { topic })}
            </button>`
            : nothing
        }
      </div>
      ${
        open.length
          ? html`<p>${t('parameters.openDrafts')}</p>
            <ul class="drafts">
              ${open.map(
                (d) =>
                  html`<li><a href="/drafts/${encodeURIComponent(d.id)}">${t('parameters.draftLink', { id: d.id, status: t(`status.${d.status === 'submitted' ? 'submitted' : 'draft'}`) })}</a></li>`,
              )}
            </ul>`
          : nothing
      }
      ${ids.map(
        (id) =>
          html`<ri-parameter-values id="param-${id}" parameterId=${id} .definition=${this.catalogue?.parameters[id]} day=${today}></ri-parameter-values>`,
      )}
    </section>`;
  }

  override render(): TemplateResult {
    const today = todayIso();
    const ids = Object.keys(this.catalogue?.parameters ?? {}).filter((id) => this.#matches(id));
    const topics = new Map<string, string[]>();
    for (const id of ids) topics.set(topicOf(id), [...(topics.get(topicOf(id)) ?? []), id]);
    return html`<h1>${t('parameters.title')}</h1>
      <p>${t('parameters.intro')}</p>
      <p>${t('parameters.today', { date: formatDate(today) })}</p>
      <ri-stale-list></ri-stale-list>
      <div class="search" role="search">
        <label for="search">${t('parameters.filter')}</label>
        <input id="search" type="search" .value=${this.search}
          @input=${(e: InputEvent) => {
            this.search = (e.target as HTMLInputElement).value;
          }} />
      </div>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.loading ? html`<p role="status">${t('app.loading')}</p>` : nothing}
      ${this.catalogue && !ids.length ? html`<p role="status">${t('parameters.none')}</p>` : nothing}
      ${[...topics.entries()].map(([topic, list]) => this.#topic(topic, list, today))}`;
  }
}

customElements.define('ri-parameter-list-page', RiParameterListPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-parameter-list-page': RiParameterListPage;
  }
}
