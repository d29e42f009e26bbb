import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { Catalogue } from './completions.ts';
import { draftEditorStyles } from './draft-editor-styles.ts';
import { DraftSaving } from './draft-saving.ts';
import { DraftTestRun } from './draft-test-run.ts';
import { isParametersPath, type Problem } from './local-check.ts';
import type { ConflictResolution } from './ri-conflict-view.ts';
import type { RiYamlEditor } from './ri-yaml-editor.ts';
import { ruleAt, rulesIn } from './rules-in-text.ts';
import { checkOnServer } from './server-check.ts';
import { UnsavedGuard } from './unsaved-guard.ts';
import { validFromOf } from './valid-from-of.ts';
import type { ValidationState } from './validation.ts';
import './ri-conflict-view.ts';
import './ri-diff-view.ts';
import './ri-draft-header.ts';
import './ri-draft-problems.ts';
import './ri-draft-side-panel.ts';
import './ri-review-panel.ts';
import './ri-test-results.ts';
import './ri-yaml-editor.ts';

type Draft = Schemas['Draft'];

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
    loadError: { state: true },
    cursorRule: { state: true },
  };
  declare draftId: string;
  declare draft: Draft | undefined;
  /** The text in the editor now; setting it replaces the editor's text (one undoable step), unsaved until saved. */
  declare text: string;
  /** The text as last saved (or loaded): the editor is dirty when they differ. */
  declare saved: string;
  declare catalogue: Catalogue | undefined;
  declare validation: ValidationState | undefined;
  declare loadError: unknown;
  /** The id of the rule under the cursor. */
  declare cursorRule: string | undefined;

  readonly #saving = new DraftSaving(this, {
    saved: (d, text) => {
      this.draft = d;
      this.saved = text;
    },
    conflicted: () => this.renderRoot.querySelector('ri-conflict-view')?.focusTitle(),
  });
  readonly #tests = new DraftTestRun(this);
  /** The server's check of unsaved text; one function, so the editor does not see a new one on each render. */
  readonly #remote = (text: string): Promise<Problem[]> => checkOnServer(this.draftId, text);

  constructor() {
    super();
    this.draftId = '';
    this.draft = undefined;
    this.text = '';
    this.saved = '';
    this.catalogue = undefined;
    this.validation = undefined;
    this.loadError = undefined;
    this.cursorRule = undefined;
    new UnsavedGuard(this, () => this.#dirty);
  }

  static override styles = [sharedStyles, draftEditorStyles];

  get #dirty(): boolean {
    return this.text !== this.saved;
  }

  get #editable(): boolean {
    return session.can('draft') && this.draft?.status !== 'published';
  }

  get #parameters(): boolean {
    return isParametersPath(this.draft?.path ?? '');
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
    if (draft.status === 'rejected') this.loadError = draft.reason;
    else this.#adopt(draft.value);
  }

  /** Takes the server's draft as the saved state, and its text into the editor. */
  #adopt(d: Draft): void {
    this.draft = d;
    this.text = d.yaml;
    this.saved = d.yaml;
  }

  /** Saves `text` over `revision`; on 409 shows the conflict with nothing lost. True when saved. */
  #save(text = this.text, revision = this.draft?.revision ?? 0): Promise<boolean> {
    return this.draft ? this.#saving.save(this.draft.id, text, revision) : Promise.resolve(false);
  }

  async #resolve(event: CustomEvent<ConflictResolution>): Promise<void> {
    const conflict = this.#saving.conflict;
    if (!conflict) return;
    if (event.detail.action === 'theirs') {
      // The editor replaces its text in one undoable step: Ctrl+Z there still brings the author's text back.
      this.#adopt(conflict.theirs);
      this.#saving.tookTheirs(conflict.theirs.revision);
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
    await this.#tests.start(this.draft.id, this.saved);
  }

  #onText(e: CustomEvent<{ text: string }>): void {
    this.text = e.detail.text;
    this.#saving.clearNotice();
  }

  #onCursor(e: CustomEvent<{ offset: number }>): void {
    if (this.#parameters) return;
    this.cursorRule = ruleAt(rulesIn(this.text), e.detail.offset);
  }

  #onYamlChange(e: CustomEvent<{ yaml: string }>): void {
    if (this.#editable) this.text = e.detail.yaml;
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

  override render(): TemplateResult {
    if (this.loadError) {
      return html`<h1>${t('editor.title')}</h1>
        <p class="alert" role="alert">${errorMessage(this.loadError)}</p>
        <p><a href="/drafts">${t('editor.back')}</a></p>`;
    }
    const d = this.draft;
    if (!d) return html`<h1>${t('editor.title')}</h1><p role="status">${t('app.loading')}</p>`;
    const { busy: saving, conflict, notice, error } = this.#saving;
    const hasErrors = this.validation?.problems.some((p) => p.severity === 'error') ?? false;
    return html`<ri-draft-header
        .draft=${d}
        ?editable=${this.#editable}
        ?mayTest=${this.#editable || session.can('review')}
        ?dirty=${this.#dirty}
        ?saving=${saving}
        ?testing=${this.#tests.busy}
        ?blocked=${Boolean(conflict)}
        .notice=${notice}
        @ri-save-request=${() => this.#save()}
        @ri-tests-request=${this.#runTests}
      ></ri-draft-header>
      ${error ? html`<p class="alert" role="alert">${errorMessage(error)}</p>` : nothing}
      ${
        conflict
          ? keyed(
              conflict.theirs.revision,
              html`<ri-conflict-view
                .mine=${conflict.mine}
                .theirs=${conflict.theirs}
                ?busy=${saving}
                @ri-conflict-resolve=${this.#resolve}
              ></ri-conflict-view>`,
            )
          : nothing
      }
      <div class="workspace ${this.#editable ? 'with-side' : ''}" ?hidden=${Boolean(conflict)}>
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
            @ri-save-request=${() => this.#editable && !conflict && this.#save()}
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
          this.#editable
            ? html`<ri-draft-side-panel
                .text=${this.text}
                .catalogue=${this.catalogue}
                ?parameters=${this.#parameters}
                .cursorRule=${this.cursorRule}
                @yaml-change=${this.#onYamlChange}
              ></ri-draft-side-panel>`
            : nothing
        }
      </div>
      ${this.#tests.render(this.text, this.#editable)}
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
