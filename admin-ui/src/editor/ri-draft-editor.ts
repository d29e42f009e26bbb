import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { Catalogue } from './completions.ts';
import { draftEditorStyles } from './draft-editor-styles.ts';
import { fileOf, openingPath, pathAfterSave, questionOfPath, storedPath } from './draft-files.ts';
import { DraftSaving } from './draft-saving.ts';
import { DraftTestRun } from './draft-test-run.ts';
import { isParametersPath, type Problem } from './local-check.ts';
import type { NewCase } from './ri-case-form.ts';
import type { ConflictResolution } from './ri-conflict-view.ts';
import type { AcceptRequest } from './ri-test-results.ts';
import type { RiYamlEditor } from './ri-yaml-editor.ts';
import { ruleAt, rulesIn } from './rules-in-text.ts';
import { checkOnServer } from './server-check.ts';
import { UnsavedGuard } from './unsaved-guard.ts';
import { validFromOf } from './valid-from-of.ts';
import type { ValidationState } from './validation.ts';
import './ri-case-form.ts';
import './ri-conflict-view.ts';
import './ri-draft-files.ts';
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
    path: { state: true },
    addingCase: { state: true },
    working: { state: true },
    workError: { state: true },
    workNote: { state: true },
    refusal: { state: true },
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
  /** The open file of the draft (a change set of files), relative to rules/. */
  declare path: string;
  /** The form for a new test case is open. */
  declare addingCase: boolean;
  /** A change of the draft's files other than a save is under way (adding, dropping, accepting, a case). */
  declare working: boolean;
  declare workError: unknown;
  /** What the last such change did, in a sentence. */
  declare workNote: string;
  /** Why the server refused to submit or publish: shown at the top of the page, where the reviewer looks first. */
  declare refusal: unknown;

  readonly #saving = new DraftSaving(this, {
    saved: (d, text) => {
      // A version whose valid_from moved now lies at the path of its new date.
      if (this.draft) this.path = pathAfterSave(this.draft, d, this.path);
      this.draft = d;
      this.saved = text;
    },
    conflicted: () => this.renderRoot.querySelector('ri-conflict-view')?.focusTitle(),
  });
  readonly #tests = new DraftTestRun(this);
  /**
   * Counts the files opened: the text editor is made anew for another file (its undo history is that file's), and
   * kept when a save moves the same file to the path of its new date.
   */
  #opened = 0;
  /** The server's check of unsaved text; one function, so the editor does not see a new one on each render. */
  readonly #remote = (text: string): Promise<Problem[]> => checkOnServer(this.draftId, text, this.path);

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
    this.path = '';
    this.addingCase = false;
    this.working = false;
    this.workError = undefined;
    this.workNote = '';
    this.refusal = undefined;
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
    return isParametersPath(this.path);
  }

  /** A file of rules (a version or a proposal), which the condition builder edits. */
  get #rules(): boolean {
    const kind = fileOf(this.draft, this.path)?.kind;
    return kind === 'ruleset' || kind === 'proposal';
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

  /** Takes the server's draft as the saved state, and the text of its file at `path` (else its first) into the editor. */
  #adopt(d: Draft, path = this.path): void {
    this.draft = d;
    this.path = openingPath(d, path);
    const yaml = fileOf(d, this.path)?.yaml ?? '';
    this.text = yaml;
    this.saved = yaml;
  }

  /** Saves `text` as the open file over `revision`; on 409 shows the conflict with nothing lost. True when saved. */
  #save(text = this.text, revision = this.draft?.revision ?? 0): Promise<boolean> {
    return this.draft ? this.#saving.save(this.draft.id, this.path, text, revision) : Promise.resolve(false);
  }

  /** The newer draft of a conflict, as the open file's text (the conflict view compares texts). */
  #theirs(d: Draft): Draft {
    return { ...d, yaml: fileOf(d, this.path)?.yaml ?? '' };
  }

  /** Runs a change of the draft's files on the server, then shows the draft as it came back. */
  async #work(change: (d: Draft) => Promise<{ draft: Draft; path?: string; note?: string }>): Promise<boolean> {
    const d = this.draft;
    if (!d) return false;
    this.working = true;
    this.workError = undefined;
    this.workNote = '';
    try {
      const r = await change(d);
      const before = this.path;
      this.#adopt(r.draft, r.path ?? this.path);
      if (this.path !== before) this.#opened++;
      this.workNote = r.note ?? '';
      return true;
    } catch (e) {
      this.workError = e;
      return false;
    } finally {
      this.working = false;
    }
  }

  #open(e: CustomEvent<string>): void {
    if (this.#dirty || !this.draft) return;
    this.#adopt(this.draft, e.detail);
    this.#opened++;
    this.cursorRule = undefined;
    this.validation = undefined;
  }

  #addFile(e: CustomEvent<string>): void {
    const path = e.detail;
    void this.#work(async (d) => {
      const published = await call(api.GET('/api/v1/law/files/{path}', { params: { path: { path } } }));
      const draft = await call(
        api.PUT('/api/v1/drafts/{id}/files/{path}', {
          params: { path: { id: d.id, path } },
          body: { yaml: published.yaml },
          headers: { 'If-Match': `"${d.revision}"` },
        }),
      );
      return { draft, path };
    });
  }

  #dropFile(e: CustomEvent<string>): void {
    const path = e.detail;
    void this.#work(async (d) => {
      const draft = await call(
        api.DELETE('/api/v1/drafts/{id}/files/{path}', {
          params: { path: { id: d.id, path } },
          headers: { 'If-Match': `"${d.revision}"` },
        }),
      );
      return { draft, path: '' };
    });
  }

  async #addCase(e: CustomEvent<NewCase>): Promise<void> {
    const c = e.detail;
    const done = await this.#work(async (d) => {
      const draft = await call(
        api.POST('/api/v1/drafts/{id}/cases', {
          params: { path: { id: d.id } },
          body: { case: c },
          headers: { 'If-Match': `"${d.revision}"` },
        }),
      );
      const file = draft.files.find(
        (f) => f.kind === 'tests' && f.path.startsWith(`${c.question}/tests/`) && f.yaml.includes(c.name),
      );
      return { draft, note: t('changeSet.case.added', { name: c.name, path: file?.path ?? '' }) };
    });
    if (done) {
      this.addingCase = false;
      await this.#runTests();
    }
  }

  async #accept(e: CustomEvent<AcceptRequest>): Promise<void> {
    const { file, index, reason } = e.detail;
    const done = await this.#work(async (d) => {
      const r = await call(
        api.POST('/api/v1/drafts/{id}/expectations', {
          params: { path: { id: d.id } },
          body: { file, index, reason },
          headers: { 'If-Match': `"${d.revision}"` },
        }),
      );
      return { draft: r.draft, note: t('changeSet.accept.done', { line: r.line[language()] }) };
    });
    if (done) await this.#runTests();
  }

  async #setRevives(e: Event): Promise<void> {
    const revives = (e.target as HTMLInputElement).checked;
    await this.#work(async (d) => ({
      draft: await call(
        api.PATCH('/api/v1/drafts/{id}', {
          params: { path: { id: d.id } },
          body: { revives_repealed: revives },
          headers: { 'If-Match': `"${d.revision}"` },
        }),
      ),
    }));
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
    if (!this.#rules) return;
    this.cursorRule = ruleAt(rulesIn(this.text), e.detail.offset);
  }

  #onYamlChange(e: CustomEvent<{ yaml: string }>): void {
    if (this.#editable) this.text = e.detail.yaml;
  }

  #onDraftUpdated(e: CustomEvent<Draft>): void {
    const d = e.detail;
    this.refusal = undefined;
    // Publishing writes the reviewer's valid_from into the text (and moves the file); nothing unsaved is lost by then.
    if (!this.#dirty) this.#adopt(d, fileOf(d, this.path) ? this.path : '');
    else this.draft = d;
  }

  #goTo(e: CustomEvent<{ line: number; col: number }>): void {
    (this.renderRoot.querySelector('ri-yaml-editor') as RiYamlEditor | null)?.goTo(e.detail.line, e.detail.col);
  }

  #refusalBox(): TemplateResult | typeof nothing {
    if (!this.refusal) return nothing;
    return html`<div class="refusal" role="alert">
      <p><strong>${t('changeSet.review.refused')}:</strong> ${errorMessage(this.refusal)}</p>
    </div>`;
  }

  #caseSection(d: Draft): TemplateResult | typeof nothing {
    if (!this.#editable) return nothing;
    const question = questionOfPath(this.path) ?? d.question ?? '';
    return html`<section aria-labelledby="case-title">
      <h2 id="case-title" class="visually-hidden">${t('changeSet.case.title')}</h2>
      ${
        this.addingCase
          ? html`<ri-case-form .question=${question} ?busy=${this.working} @ri-case-add=${this.#addCase}></ri-case-form>
              <button type="button" class="secondary" @click=${() => (this.addingCase = false)}>${t('changeSet.case.cancel')}</button>`
          : html`<button type="button" class="secondary" ?disabled=${this.#dirty} @click=${() => (this.addingCase = true)}>${t('changeSet.case.open')}</button>`
      }
    </section>`;
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
    const hasFile = Boolean(fileOf(d, this.path));
    return html`${this.#refusalBox()}
      <ri-draft-header
        .draft=${d}
        .path=${this.path}
        ?editable=${this.#editable && hasFile}
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
      ${this.workError ? html`<p class="alert" role="alert">${errorMessage(this.workError)}</p>` : nothing}
      <p role="status" class="muted">${this.working ? t('app.loading') : this.workNote}</p>
      ${
        conflict
          ? keyed(
              conflict.theirs.revision,
              html`<ri-conflict-view
                .mine=${conflict.mine}
                .theirs=${this.#theirs(conflict.theirs)}
                ?busy=${saving}
                @ri-conflict-resolve=${this.#resolve}
              ></ri-conflict-view>`,
            )
          : nothing
      }
      <ri-draft-files
        .draft=${d}
        .active=${this.path}
        ?editable=${this.#editable && !this.working}
        ?dirty=${this.#dirty}
        @ri-file-select=${this.#open}
        @ri-file-add=${this.#addFile}
        @ri-file-drop=${this.#dropFile}
      ></ri-draft-files>
      ${
        hasFile
          ? html`<div class="workspace ${this.#editable && (this.#rules || this.#parameters) ? 'with-side' : ''}" ?hidden=${Boolean(conflict)}>
        <section aria-labelledby="text-title">
          <h2 id="text-title">${t('editor.text.title')}</h2>
          ${this.#editable ? html`<p class="help muted" id="text-help">${t('editor.text.help')}</p>` : nothing}
          ${keyed(
            this.#opened,
            html`<ri-yaml-editor
              .value=${this.text}
              .path=${storedPath(this.path)}
              .label=${t('editor.text.label')}
              .catalogue=${this.catalogue}
              .remote=${session.can('draft') ? this.#remote : undefined}
              ?readonly=${!this.#editable}
              @ri-text-change=${this.#onText}
              @ri-cursor-change=${this.#onCursor}
              @ri-problems-change=${(e: CustomEvent<ValidationState>) => (this.validation = e.detail)}
              @ri-save-request=${() => this.#editable && !conflict && this.#save()}
            ></ri-yaml-editor>`,
          )}
          <h3 class="visually-hidden">${t('editor.problems.title')}</h3>
          <ri-draft-problems
            .state=${this.validation}
            ?serverChecks=${session.can('draft')}
            @ri-problem-select=${this.#goTo}
          ></ri-draft-problems>
        </section>
        ${
          // The builder writes the text: a reader who may not change it would only be misled by its live controls.
          this.#editable && (this.#rules || this.#parameters)
            ? html`<ri-draft-side-panel
                .text=${this.text}
                .catalogue=${this.catalogue}
                ?parameters=${this.#parameters}
                .cursorRule=${this.cursorRule}
                @yaml-change=${this.#onYamlChange}
              ></ri-draft-side-panel>`
            : nothing
        }
      </div>`
          : nothing
      }
      ${this.#caseSection(d)}
      <div @ri-accept-expectation=${this.#accept}>
        ${this.#tests.render(this.text, this.#editable, this.catalogue?.outcomes ?? {}, this.working)}
      </div>
      <section aria-labelledby="diff-title">
        <h2 id="diff-title">${t('editor.diff.title')}</h2>
        ${
          hasFile
            ? html`<ri-diff-view
          .draftId=${d.id}
          .path=${storedPath(this.path)}
          .text=${this.text}
          .revision=${d.revision}
          .validFrom=${this.#rules ? validFromOf(this.saved) : ''}
        ></ri-diff-view>`
            : nothing
        }
      </section>
      <section aria-labelledby="review-title">
        <h2 id="review-title">${t('editor.review.title')}</h2>
        ${
          this.#editable && !d.proposal
            ? html`<p><label><input type="checkbox" .checked=${d.revives_repealed} ?disabled=${this.working || this.#dirty} @change=${this.#setRevives} />
                ${t('changeSet.review.revivesLabel')}</label></p>`
            : nothing
        }
        <ri-review-panel
          .draft=${d}
          .me=${session.current}
          ?dirty=${this.#dirty}
          ?hasErrors=${hasErrors}
          ?parameters=${!d.files.some((f) => f.kind === 'ruleset')}
          .validFrom=${validFromOf(fileOf(d, this.path)?.kind === 'ruleset' ? this.text : (d.files.find((f) => f.kind === 'ruleset')?.yaml ?? ''))}
          @ri-draft-updated=${this.#onDraftUpdated}
          @ri-review-refused=${(e: CustomEvent<unknown>) => void this.#showRefusal(e.detail)}
        ></ri-review-panel>
      </section>`;
  }

  async #showRefusal(error: unknown): Promise<void> {
    this.refusal = error;
    await this.updateComplete;
    this.renderRoot.querySelector('.refusal')?.scrollIntoView({ block: 'start' });
  }
}

customElements.define('ri-draft-editor', RiDraftEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ri-draft-editor': RiDraftEditor;
  }
}
