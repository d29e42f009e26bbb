import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDate } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { navigate } from '../shared/router/navigation.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

type Question = Schemas['QuestionSummary'];

/**
 * Starts a draft (POST /api/v1/drafts) from a published version of a question, or from a parameters file,
 * then opens it. `?question=…&version=…` in the address preselects the version.
 */
export class RiDraftNewForm extends LocalizedElement {
  static override properties = {
    questions: { state: true },
    topics: { state: true },
    question: { state: true },
    version: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  declare questions: Question[];
  /** Topics of the parameters files, from the parameter ids (`pai.total_months` → `pai`). */
  declare topics: string[];
  declare question: string;
  declare version: string;
  declare busy: boolean;
  declare error: unknown;

  constructor() {
    super();
    const query = new URLSearchParams(location.search);
    this.questions = [];
    this.topics = [];
    this.question = query.get('question') ?? '';
    this.version = query.get('version') ?? '';
    this.busy = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      .forms {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
      }
      fieldset {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem 1rem;
        margin: 0;
        flex: 1 1 24rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .field {
        margin-bottom: 0.75rem;
      }
      select {
        max-width: 100%;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        font-weight: 400;
      }
      .check input {
        margin-top: 0.3rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const [q, catalogue] = await Promise.all([call(api.GET('/api/v1/questions')), call(api.GET('/api/v1/catalogue'))]);
      this.questions = q.questions.filter((x) => x.versions.length > 0);
      this.topics = [...new Set(Object.keys(catalogue.parameters).map((id) => id.split('.')[0] ?? ''))].filter(Boolean).sort();
      if (!this.questions.some((x) => x.id === this.question)) this.question = this.questions[0]?.id ?? '';
      this.#defaultVersion();
    } catch (e) {
      this.error = e;
    }
  }

  /** Keeps the chosen version when the question has it, else picks its latest version. */
  #defaultVersion(): void {
    const versions = this.questions.find((x) => x.id === this.question)?.versions ?? [];
    if (!versions.some((v) => v.version === this.version)) this.version = versions.at(-1)?.version ?? '';
  }

  async #open(body: Schemas['OpenDraft']): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      const draft = await call(api.POST('/api/v1/drafts', { body }));
      navigate(`/drafts/${encodeURIComponent(draft.id)}`);
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  #fromVersion(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void this.#open({
      from: { question: String(data.get('question')), version: String(data.get('version')) },
      proposal: data.get('proposal') === 'on',
    });
  }

  #fromParameters(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void this.#open({ parameters: String(data.get('topic')), proposal: false });
  }

  #versionLabel(v: Question['versions'][number]): string {
    const from = formatDate(v.validFrom);
    return v.repealed ? t('drafts.new.versionRepealed', { from }) : t('drafts.new.versionFrom', { from });
  }

  override render(): TemplateResult {
    const versions = this.questions.find((x) => x.id === this.question)?.versions ?? [];
    const lang = language();
    return html`<div class="forms">
        <form @submit=${this.#fromVersion}>
          <fieldset>
            <legend>${t('drafts.new.fromVersion')}</legend>
            <div class="field">
              <label for="question">${t('drafts.new.question')}</label>
              <select
                id="question"
                name="question"
                @change=${(e: Event) => {
                  this.question = (e.target as HTMLSelectElement).value;
                  this.#defaultVersion();
                }}
              >
                ${this.questions.map(
                  (q) => html`<option value=${q.id} ?selected=${q.id === this.question}>${q.id} — ${q.title[lang]}</option>`,
                )}
              </select>
            </div>
            <div class="field">
              <label for="version">${t('drafts.new.version')}</label>
              <select id="version" name="version" @change=${(e: Event) => (this.version = (e.target as HTMLSelectElement).value)}>
                ${versions.map(
                  (v) =>
                    html`<option value=${v.version} ?selected=${v.version === this.version}>${this.#versionLabel(v)}</option>`,
                )}
              </select>
            </div>
            <div class="field">
              <label class="check"><input type="checkbox" name="proposal" /> ${t('drafts.new.proposal')}</label>
            </div>
            <button type="submit" ?disabled=${this.busy || !this.question}>${t('drafts.new.create')}</button>
          </fieldset>
        </form>
        <form @submit=${this.#fromParameters}>
          <fieldset>
            <legend>${t('drafts.new.fromParameters')}</legend>
            <div class="field">
              <label for="topic">${t('drafts.new.topic')}</label>
              <select id="topic" name="topic">
                ${this.topics.map((topic) => html`<option value=${topic}>rules/parameters/${topic}.yaml</option>`)}
              </select>
            </div>
            <button type="submit" class="secondary" ?disabled=${this.busy || !this.topics.length}>
              ${t('drafts.new.createParameters')}
            </button>
          </fieldset>
        </form>
      </div>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}`;
  }
}

customElements.define('ri-draft-new-form', RiDraftNewForm);

declare global {
  interface HTMLElementTagNameMap {
    'ri-draft-new-form': RiDraftNewForm;
  }
}
