import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ApiError, api, call, type Schemas } from '../api/client.ts';
import { session } from '../api/session.ts';
import type { Catalogue } from '../editor/completions.ts';
import { isParametersPath, type Problem } from '../editor/local-check.ts';
import { loadConditionBuilder, loadParametersTable } from '../editor/optional-parts.ts';
import { ruleAt, rulesIn } from '../editor/rules-in-text.ts';
import { validFromOf } from '../editor/valid-from-of.ts';
import type { ValidationState } from '../editor/validation.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { formatDateTime } from '../i18n/format.ts';
import { isMessageKey, t, translate } from '../i18n/messages.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { sharedStyles } from '../styles/shared.ts';
import type { ConflictResolution, RiConflictView } from './ri-conflict-view.ts';
import { type TestRun, toCaseResult } from './ri-test-results.ts';
import type { RiYamlEditor } from './ri-yaml-editor.ts';
import './ri-conflict-view.ts';
import './ri-diff-view.ts';
import './ri-draft-problems.ts';
import './ri-review-panel.ts';
import './ri-test-results.ts';
import './ri-yaml-editor.ts';

type Draft = Schemas['Draft'];
/** How far an embedded part (condition builder, parameters table) has loaded. */
type PartState = 'loading' | 'ready' | 'missing' | 'failed';

/** True for a draft as the server sends it (the 409's details carry the newer one). */
function isDraft(value: unknown): value is Draft {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Draft).id === 'string' &&
    typeof (value as Draft).yaml === 'string' &&
    typeof (value as Draft).revision === 'number'
  );
}

/** A problem as the server words it, typed as the core's (its codes are the core's stable codes). */
const asProblem = (p: { severity: string } & Omit<Problem, 'severity' | 'code'> & { code: string }): Problem =>
  ({ ...p, severity: p.severity === 'warning' ? 'warning' : 'error' }) as Problem;

/**
 * The draft page (/drafts/:id): the YAML in an editor that validates as you type, the condition builder for the
 * rule under the cursor (or the parameters table for a parameters file), the problems, saving with conflict
 * handling, the tests run inline, the diff against the version it started from or the one in force on its date,
 * and review. CodeMirror comes with this module, which the router loads on demand.
 */
export class RiDraftEditor extends LocalizedElement {
  static override properties = {
    draftId: { type: String },
    draft: { state: true },
    text: { state: true },
    saved: { state: true },
    catalogue: { state: true },
    validation: { state: true },
    conflict: { state: true },
    saving: { state: true },
    notice: { state: true },
    error: { state: true },
    loadError: { state: true },
    run: { state: true },
    runText: { state: true },
    testing: { state: true },
    testError: { state: true },
    cursorRule: { state: true },
    pickedRule: { state: true },
    embedded: { state: true },
  };
  declare draftId: string;
  declare draft: Draft | undefined;
  /** The text in the editor now; setting it replaces the editor's text (one undoable step), unsaved until saved. */
  declare text: string;
  /** The text as last saved (or loaded): the editor is dirty when they differ. */
  declare saved: string;
  declare catalogue: Catalogue | undefined;
  declare validation: ValidationState | undefined;
  /** A save refused because someone saved first: the author's text and the newer draft. */
  declare conflict: { mine: string; theirs: Draft } | undefined;
  declare saving: boolean;
  /** A sentence for the status line: saved, taken over… */
  declare notice: string;
  declare error: unknown;
  declare loadError: unknown;
  declare run: TestRun | undefined;
  /** The text the last run tested: when the editor's differs, the results are said to be out of date. */
  declare runText: string;
  declare testing: boolean;
  declare testError: unknown;
  /** The id of the rule under the cursor. */
  declare cursorRule: string | undefined;
  /** The rule chosen in the list, which wins over the cursor; '' to follow the cursor. */
  declare pickedRule: string;
  declare embedded: PartState;

  /** The server's check of unsaved text; one function, so the editor does not see a new one on each render. */
  readonly #remote = async (text: string): Promise<Problem[]> => {
    const r = await call(
      api.POST('/api/v1/drafts/{id}/validate-text', { params: { path: { id: this.draftId } }, body: { yaml: text } }),
    );
    return r.problems.map(asProblem);
  };
  readonly #beforeUnload = (e: BeforeUnloadEvent) => {
    if (this.#dirty) e.preventDefault();
  };

  constructor() {
    super();
    this.draftId = '';
    this.draft = undefined;
    this.text = '';
    this.saved = '';
    this.catalogue = undefined;
    this.validation = undefined;
    this.conflict = undefined;
    this.saving = false;
    this.notice = '';
    this.error = undefined;
    this.loadError = undefined;
    this.run = undefined;
    this.runText = '';
    this.testing = false;
    this.testError = undefined;
    this.cursorRule = undefined;
    this.pickedRule = '';
    this.embedded = 'loading';
  }

  static override styles = [
    sharedStyles,
    css`
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
        margin: 1rem 0;
      }
      .state {
        font-weight: 600;
      }
      .state.dirty {
        color: #8a5a00;
      }
      .workspace {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 1.5rem;
      }
      .workspace[hidden] {
        display: none;
      }
      @media (min-width: 1100px) {
        .workspace.with-side {
          grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr);
        }
      }
      .side {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem 1rem;
        align-self: start;
      }
      .side h2 {
        margin-top: 0;
      }
      .help {
        font-size: 0.9rem;
      }
      select {
        max-width: 100%;
        margin-bottom: 0.75rem;
      }
      section {
        margin-top: 1.5rem;
      }
      .stale {
        border-left: 5px solid #8a5a00;
        background: #fff8e5;
        padding: 0.5rem 0.75rem;
      }
    `,
  ];

  get #dirty(): boolean {
    return this.text !== this.saved;
  }

  get #editable(): boolean {
    return session.can('draft') && this.draft?.status !== 'published';
  }

  get #parameters(): boolean {
    return isParametersPath(this.draft?.path ?? '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#beforeUnload);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeunload', this.#beforeUnload);
    super.disconnectedCallback();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftId') && this.draftId) void this.#load();
  }

  async #load(): Promise<void> {
    this.loadError = undefined;
    const id = this.draftId;
    const [draft, catalogue] = await Promise.allSettled([
      call(api.GET('/api/v1/drafts/{id}', { params: { path: { id } } })),
      call(api.GET('/api/v1/catalogue')),
    ]);
    if (id !== this.draftId) return;
    if (catalogue.status === 'fulfilled') this.catalogue = catalogue.value;
    if (draft.status === 'rejected') {
      this.loadError = draft.reason;
      return;
    }
    this.#adopt(draft.value);
    void this.#loadPart();
  }

  /** Takes the server's draft as the saved state, and its text into the editor. */
  #adopt(d: Draft): void {
    this.draft = d;
    this.text = d.yaml;
    this.saved = d.yaml;
  }

  async #loadPart(): Promise<void> {
    try {
      const found = await (this.#parameters ? loadParametersTable() : loadConditionBuilder());
      this.embedded = found ? 'ready' : 'missing';
    } catch {
      this.embedded = 'failed';
    }
  }

  /** Saves `text` over `revision`; on 409 shows the conflict with nothing lost. True when saved. */
  async #save(text = this.text, revision = this.draft?.revision ?? 0): Promise<boolean> {
    if (!this.draft) return false;
    this.saving = true;
    this.error = undefined;
    this.notice = '';
    try {
      const d = await call(
        api.PUT('/api/v1/drafts/{id}', {
          params: { path: { id: this.draft.id } },
          body: { yaml: text },
          headers: { 'If-Match': `"${revision}"` },
        }),
      );
      this.draft = d;
      this.saved = text;
      this.conflict = undefined;
      this.notice = t('editor.saved', { revision: d.revision });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_DRAFT' && isDraft(e.details)) {
        this.conflict = { mine: text, theirs: e.details };
        await this.updateComplete;
        (this.renderRoot.querySelector('ri-conflict-view') as RiConflictView | null)?.focusTitle();
      } else {
        this.error = e;
      }
      return false;
    } finally {
      this.saving = false;
    }
  }

  async #resolve(event: CustomEvent<ConflictResolution>): Promise<void> {
    const conflict = this.conflict;
    if (!conflict) return;
    if (event.detail.action === 'theirs') {
      // The editor replaces its text in one undoable step: Ctrl+Z there still brings the author's text back.
      this.#adopt(conflict.theirs);
      this.conflict = undefined;
      this.notice = t('editor.conflict.took', { revision: conflict.theirs.revision });
      return;
    }
    const text = event.detail.text;
    this.text = text;
    await this.#save(text, conflict.theirs.revision);
  }

  async #runTests(): Promise<void> {
    if (!this.draft) return;
    // The server tests the saved draft: unsaved changes are saved first, or nothing runs.
    if (this.#dirty && !(await this.#save())) return;
    this.testing = true;
    this.testError = undefined;
    this.run = undefined;
    this.runText = this.saved;
    try {
      const r = await call(api.POST('/api/v1/drafts/{id}/test', { params: { path: { id: this.draft.id } } }));
      this.run = {
        valid: r.valid,
        passed: r.passed,
        failed: r.failed,
        results: r.results.flatMap((x) => toCaseResult(x) ?? []),
        problems: r.problems,
      };
    } catch (e) {
      this.testError = e;
    } finally {
      this.testing = false;
    }
  }

  #onText(e: CustomEvent<{ text: string }>): void {
    this.text = e.detail.text;
    if (this.notice) this.notice = '';
  }

  #onCursor(e: CustomEvent<{ offset: number }>): void {
    if (this.#parameters) return;
    this.cursorRule = ruleAt(rulesIn(this.text), e.detail.offset);
  }

  #onYamlChange(e: CustomEvent<{ yaml: string }>): void {
    if (this.#editable && typeof e.detail?.yaml === 'string') this.text = e.detail.yaml;
  }

  #onDraftUpdated(e: CustomEvent<Draft>): void {
    const d = e.detail;
    // Publishing writes the reviewer's valid_from into the text; nothing unsaved is there to lose by then.
    if (d.yaml !== this.saved && !this.#dirty) this.#adopt(d);
    else this.draft = d;
  }

  #goTo(e: CustomEvent<{ line: number; col: number }>): void {
    (this.renderRoot.querySelector('ri-yaml-editor') as RiYamlEditor | null)?.goTo(e.detail.line, e.detail.col);
  }

  #statusWord(d: Draft): string {
    const key = `editor.status.${d.status}`;
    return isMessageKey(key) ? translate(key) : d.status;
  }

  #header(d: Draft): TemplateResult {
    const mine = d.author === session.current?.id;
    return html`<p><a href="/drafts">${t('editor.back')}</a></p>
      <h1>${d.question ? t('editor.heading', { question: d.question }) : t('editor.headingParameters')}</h1>
      <ul class="meta">
        <li>${t('editor.meta.path')}: <code>${d.path}</code></li>
        <li>${t('editor.meta.status')}: <strong>${this.#statusWord(d)}</strong>${d.proposal ? ` (${t('editor.meta.proposal')})` : ''}</li>
        <li>${t('editor.meta.revision', { revision: d.revision })}</li>
        <li>${mine ? t('editor.meta.mine') : t('editor.meta.other')}</li>
        <li>${t('editor.meta.updated', { when: formatDateTime(d.updated_at) })}</li>
      </ul>`;
  }

  #toolbar(): TemplateResult {
    if (!this.#editable) return html`<p class="muted">${t('editor.readOnly')}</p>`;
    return html`<div class="toolbar">
      <button type="button" ?disabled=${this.saving || Boolean(this.conflict)} @click=${() => this.#save()}>
        ${this.saving ? t('editor.saving') : t('editor.save')}
      </button>
      <button type="button" class="secondary" ?disabled=${this.testing || this.saving || Boolean(this.conflict)} @click=${this.#runTests}>
        ${this.testing ? t('editor.tests.running') : t('editor.tests.run')}
      </button>
      <span class="state ${this.#dirty ? 'dirty' : ''}" role="status">
        ${this.notice || (this.#dirty ? t('editor.unsaved') : t('editor.allSaved'))}
      </span>
    </div>`;
  }

  #side(): TemplateResult | typeof nothing {
    if (this.#parameters) {
      return html`<section class="side" aria-labelledby="side-title">
        <h2 id="side-title">${t('editor.parameters.title')}</h2>
        ${this.#partNote() ?? html`<ri-parameters-table .yaml=${this.text} .catalogue=${this.catalogue} @yaml-change=${this.#onYamlChange}></ri-parameters-table>`}
      </section>`;
    }
    const rules = rulesIn(this.text);
    const ruleId = this.pickedRule || this.cursorRule || rules[0]?.id || '';
    // The builder heads itself; until it is there, the panel says what it is.
    const note = this.#partNote();
    return html`<section class="side" aria-label=${t('editor.builder.title')}>
      ${note ? html`<h2>${t('editor.builder.title')}</h2>` : nothing}
      <label for="rule-pick">${t('editor.builder.rule')}</label>
      <select id="rule-pick" @change=${(e: Event) => (this.pickedRule = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.pickedRule}>
          ${this.cursorRule ? t('editor.builder.atCursor', { id: this.cursorRule }) : t('editor.builder.followCursor')}
        </option>
        ${rules.map((r) => html`<option value=${r.id} ?selected=${this.pickedRule === r.id}>${r.id}</option>`)}
      </select>
      ${
        note ??
        (ruleId
          ? html`<ri-condition-builder
              .yaml=${this.text}
              .ruleId=${ruleId}
              .catalogue=${this.catalogue}
              @yaml-change=${this.#onYamlChange}
            ></ri-condition-builder>`
          : html`<p>${t('editor.builder.noRules')}</p>`)
      }
    </section>`;
  }

  /** What stands in the embedded part's place while it loads, or when it is not there. */
  #partNote(): TemplateResult | undefined {
    if (this.embedded === 'ready') return undefined;
    if (this.embedded === 'loading') return html`<p role="status">${t('app.loading')}</p>`;
    return html`<p class="muted">${this.embedded === 'missing' ? t('editor.part.missing') : t('route.loadFailed')}</p>`;
  }

  override render(): TemplateResult {
    if (this.loadError) {
      return html`<h1>${t('editor.title')}</h1>
        <p class="alert" role="alert">${errorMessage(this.loadError)}</p>
        <p><a href="/drafts">${t('editor.back')}</a></p>`;
    }
    const d = this.draft;
    if (!d) return html`<h1>${t('editor.title')}</h1><p role="status">${t('app.loading')}</p>`;
    const hasErrors = this.validation?.problems.some((p) => p.severity === 'error') ?? false;
    return html`${this.#header(d)}
      ${this.#toolbar()}
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${
        this.conflict
          ? keyed(
              this.conflict.theirs.revision,
              html`<ri-conflict-view
                .mine=${this.conflict.mine}
                .theirs=${this.conflict.theirs}
                ?busy=${this.saving}
                @ri-conflict-resolve=${this.#resolve}
              ></ri-conflict-view>`,
            )
          : nothing
      }
      <div class="workspace ${this.#editable ? 'with-side' : ''}" ?hidden=${Boolean(this.conflict)}>
        <section aria-labelledby="text-title">
          <h2 id="text-title">${t('editor.text.title')}</h2>
          ${this.#editable ? html`<p class="help muted" id="text-help">${t('editor.text.help')}</p>` : nothing}
          <ri-yaml-editor
            .value=${this.text}
            .path=${d.path}
            .label=${t('editor.text.label')}
            .catalogue=${this.catalogue}
            .remote=${session.can('draft') ? this.#remote : undefined}
            ?readonly=${!this.#editable}
            @ri-text-change=${this.#onText}
            @ri-cursor-change=${this.#onCursor}
            @ri-problems-change=${(e: CustomEvent<ValidationState>) => (this.validation = e.detail)}
            @ri-save-request=${() => this.#editable && !this.conflict && this.#save()}
          ></ri-yaml-editor>
          <h3 class="visually-hidden">${t('editor.problems.title')}</h3>
          <ri-draft-problems
            .state=${this.validation}
            ?serverChecks=${session.can('draft')}
            @ri-problem-select=${this.#goTo}
          ></ri-draft-problems>
        </section>
        ${
          // The builder writes the text: a reader who may not change it would only be misled by its live controls.
          this.#editable ? this.#side() : nothing
        }
      </div>
      <section aria-labelledby="tests-title">
        <h2 id="tests-title">${t('editor.tests.title')}</h2>
        ${this.testing ? html`<p role="status">${t('editor.tests.running')}</p>` : nothing}
        ${this.testError ? html`<p class="alert" role="alert">${errorMessage(this.testError)}</p>` : nothing}
        ${!this.run && !this.testing && !this.testError ? html`<p class="muted">${t('editor.tests.none')}</p>` : nothing}
        ${this.run && this.text !== this.runText ? html`<p class="stale" role="status">${t('editor.tests.stale')}</p>` : nothing}
        <ri-test-results .run=${this.run}></ri-test-results>
      </section>
      <section aria-labelledby="diff-title">
        <h2 id="diff-title">${t('editor.diff.title')}</h2>
        <ri-diff-view
          .draftId=${d.id}
          .path=${d.path}
          .text=${this.text}
          .revision=${d.revision}
          .validFrom=${validFromOf(this.saved)}
        ></ri-diff-view>
      </section>
      <section aria-labelledby="review-title">
        <h2 id="review-title">${t('editor.review.title')}</h2>
        <ri-review-panel
          .draft=${d}
          .me=${session.current}
          ?dirty=${this.#dirty}
          ?hasErrors=${hasErrors}
          ?parameters=${this.#parameters}
          .validFrom=${validFromOf(this.text)}
          @ri-draft-updated=${this.#onDraftUpdated}
        ></ri-review-panel>
      </section>`;
  }
}

customElements.define('ri-draft-editor', RiDraftEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ri-draft-editor': RiDraftEditor;
  }
}
