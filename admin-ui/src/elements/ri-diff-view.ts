import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { unifiedMergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, api, call } from '../api/client.ts';
import { editorTheme } from '../editor/theme.ts';
import { Worded } from '../editor/worded.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { language } from '../i18n/language.ts';
import { t } from '../i18n/messages.ts';
import { LocalizedElement } from '../shell/localized-element.ts';
import { sharedStyles } from '../styles/shared.ts';

/** The published version a rule-set draft started from, by its file (`rules/pai-referral/2019-06-15.yaml`). */
function versionOf(path: string): { question: string; version: string } | undefined {
  const m = /^rules\/([^/]+)\/([^/]+)\.ya?ml$/.exec(path);
  return m && m[1] !== 'parameters' ? { question: m[1] ?? '', version: m[2] ?? '' } : undefined;
}

/**
 * What the draft changes against the version it started from: the server's semantic diff in plain words
 * (of the saved draft, reloaded after each save), and the text itself, the published lines struck out above
 * the draft's (unsaved edits included).
 */
export class RiDiffView extends LocalizedElement {
  static override properties = {
    draftId: { type: String },
    path: { type: String },
    text: { attribute: false },
    revision: { type: Number },
    lines: { state: true },
    error: { state: true },
    base: { state: true },
  };
  declare draftId: string;
  /** The file the draft started from. */
  declare path: string;
  /** The editor's text now. */
  declare text: string;
  /** The saved revision: the words describe it, so they are fetched again when it changes. */
  declare revision: number;
  declare lines: { pl: string[]; en: string[] } | undefined;
  declare error: unknown;
  declare base: string | undefined;
  #view: EditorView | undefined;
  #request = 0;
  readonly #wording = new Worded(() => [
    EditorView.contentAttributes.of({ 'aria-label': t('editor.diff.textLabel') }),
    EditorState.phrases.of({ '$ unchanged lines': t('editor.conflict.unchanged') }),
  ]);

  constructor() {
    super();
    this.draftId = '';
    this.path = '';
    this.text = '';
    this.revision = 0;
    this.lines = undefined;
    this.error = undefined;
    this.base = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      ul.words {
        padding-left: 1.25rem;
      }
      ul.words li {
        margin-bottom: 0.3rem;
      }
      .text {
        border: 2px solid #505a5f;
        max-height: 28rem;
        overflow: auto;
      }
      .text:focus-within {
        outline: 3px solid #0b0c0c;
        outline-offset: 2px;
      }
      h3 {
        font-size: 1.05rem;
        margin: 1rem 0 0.5rem;
      }
    `,
  ];

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('draftId') || changed.has('revision')) void this.#loadWords();
    if (changed.has('path')) void this.#loadBase();
    if (this.base !== undefined && !this.#view) this.#mount(this.base);
    const view = this.#view;
    this.#wording.follow(view);
    if (view && changed.has('text') && view.state.doc.toString() !== this.text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: this.text } });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.destroy();
    this.#view = undefined;
  }

  async #loadWords(): Promise<void> {
    if (!this.draftId) return;
    const id = ++this.#request;
    try {
      const diff = await call(api.GET('/api/v1/drafts/{id}/diff', { params: { path: { id: this.draftId } } }));
      if (id !== this.#request) return;
      const split = (s: string) => s.split('\n').filter((l) => l.trim());
      this.lines = { pl: split(diff.text.pl), en: split(diff.text.en) };
      this.error = undefined;
    } catch (e) {
      if (id === this.#request) {
        this.error = e;
        this.lines = undefined;
      }
    }
  }

  async #loadBase(): Promise<void> {
    const v = versionOf(this.path);
    if (!v) return;
    try {
      const detail = await call(
        api.GET('/api/v1/questions/{question}/versions/{version}', {
          params: { path: { question: v.question, version: v.version } },
        }),
      );
      this.base = detail.yaml;
    } catch {
      // Without the published text the words still say what changed.
      this.base = undefined;
    }
  }

  #mount(base: string): void {
    const parent = this.renderRoot.querySelector('.text');
    if (!parent) return;
    this.#view = new EditorView({
      parent,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({
        doc: this.text,
        extensions: [
          lineNumbers(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          yaml(),
          editorTheme,
          EditorView.lineWrapping,
          EditorState.readOnly.of(true),
          this.#wording.extension(),
          unifiedMergeView({ original: base, mergeControls: false, collapseUnchanged: { margin: 2, minSize: 5 } }),
        ],
      }),
    });
  }

  #words(): TemplateResult {
    if (this.error instanceof ApiError && this.error.code === 'NO_BASE') return html`<p>${t('editor.diff.noBase')}</p>`;
    if (this.error instanceof ApiError && this.error.code === 'INVALID_DRAFT') return html`<p>${t('editor.diff.invalid')}</p>`;
    if (this.error) return html`<p class="alert">${errorMessage(this.error)}</p>`;
    if (!this.lines) return html`<p role="status">${t('app.loading')}</p>`;
    const lines = this.lines[language()];
    if (!lines.length) return html`<p>${t('editor.diff.none')}</p>`;
    return html`<ul class="words">
      ${lines.map((l) => html`<li>${l}</li>`)}
    </ul>`;
  }

  override render(): TemplateResult {
    return html`<h3>${t('editor.diff.wordsTitle')}</h3>
      ${this.#words()}
      <h3>${t('editor.diff.textTitle')}</h3>
      ${versionOf(this.path) ? nothing : html`<p>${t('editor.diff.noText')}</p>`}
      <div class="text" ?hidden=${this.base === undefined}></div>`;
  }
}

customElements.define('ri-diff-view', RiDiffView);

declare global {
  interface HTMLElementTagNameMap {
    'ri-diff-view': RiDiffView;
  }
}
