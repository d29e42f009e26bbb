import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { unifiedMergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDate } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { relativePath } from './draft-files.ts';
import { isParametersPath } from './local-check.ts';
import type { DiffAgainst } from './ri-diff-against.ts';
import { editorTheme } from './theme.ts';
import { Worded } from './worded.ts';
import './ri-diff-against.ts';

type Compared = Schemas['DiffAgainst'];

/** The published version a file holds, by its path (`rules/pai-referral/2019-06-15.yaml`). */
function versionOf(path: string): { question: string; version: string } | undefined {
  const m = /^rules\/([^/]+)\/([^/]+)\.ya?ml$/.exec(path);
  return m && m[1] !== 'parameters' ? { question: m[1] ?? '', version: m[2] ?? '' } : undefined;
}

/** What the server names as compared with, from its answer or from a refusal that still names it. */
function comparedIn(details: unknown): Compared | undefined {
  const against = (details as { against?: Compared } | null)?.against;
  return against && typeof against.path === 'string' ? against : undefined;
}

/**
 * What the draft changes against a published version (the one it started from, or the one in force on its own
 * valid_from): the server's semantic diff in plain words (of the saved draft, reloaded after each save), and the
 * text itself, the lines of the version the server compared with struck out above the draft's (unsaved edits
 * included).
 */
export class RiDiffView extends LocalizedElement {
  static override properties = {
    draftId: { type: String },
    path: { type: String },
    text: { attribute: false },
    revision: { type: Number },
    validFrom: { type: String },
    against: { state: true },
    compared: { state: true },
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
  /** The saved draft's valid_from, '' when it cannot be read. */
  declare validFrom: string;
  declare against: DiffAgainst;
  /** The version the server compared with. */
  declare compared: Compared | undefined;
  declare lines: { pl: string[]; en: string[] } | undefined;
  declare error: unknown;
  /** The text of the compared version. */
  declare base: string | undefined;
  #view: EditorView | undefined;
  #request = 0;
  /** Whether the reader chose; until then the choice follows whether the draft's date can be read. */
  #picked = false;
  /** `question/version` of the text in `base`, or of the one being fetched. */
  #baseKey = '';
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
    this.validFrom = '';
    this.against = 'base';
    this.compared = undefined;
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

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('validFrom') && !this.#picked) this.against = this.validFrom ? 'in_force' : 'base';
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('draftId') || changed.has('revision') || changed.has('against') || changed.has('path'))
      void this.#loadWords();
    if (changed.has('compared')) void this.#loadBase();
    if (this.base !== undefined && !this.#view) this.#mount(this.base);
    const view = this.#view;
    this.#wording.follow(view);
    if (view && changed.has('text') && view.state.doc.toString() !== this.text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: this.text } });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unmount();
  }

  get #parameters(): boolean {
    return isParametersPath(this.path);
  }

  async #loadWords(): Promise<void> {
    if (!this.draftId) return;
    const id = ++this.#request;
    // Nothing of the previous answer stays on screen while another is asked for.
    this.lines = undefined;
    this.error = undefined;
    try {
      const diff = await call(
        api.GET('/api/v1/drafts/{id}/diff', {
          params: { path: { id: this.draftId }, query: { against: this.against, path: relativePath(this.path) } },
        }),
      );
      if (id !== this.#request) return;
      const split = (s: string) => s.split('\n').filter((l) => l.trim());
      this.lines = { pl: split(diff.text.pl), en: split(diff.text.en) };
      this.compared = diff.against;
      this.error = undefined;
    } catch (e) {
      if (id !== this.#request) return;
      this.error = e;
      this.lines = undefined;
      // A draft that fails the schema is still compared as text with the version the server names.
      this.compared = e instanceof ApiError ? comparedIn(e.details) : undefined;
    }
  }

  /** Fetches the text of the version the server compared with, and shows the text diff against it. */
  async #loadBase(): Promise<void> {
    const compared = this.compared;
    const v = compared ? versionOf(compared.path) : undefined;
    const key = v ? `${v.question}/${compared?.version ?? v.version}` : (compared?.path ?? '');
    if (key === this.#baseKey) return;
    this.#baseKey = key;
    this.#unmount();
    this.base = undefined;
    if (!compared) return;
    try {
      // A version by its question and date; any other file (parameters, test cases, the catalogue) by its path.
      const yaml = v
        ? (
            await call(
              api.GET('/api/v1/questions/{question}/versions/{version}', {
                params: { path: { question: v.question, version: compared.version ?? v.version } },
              }),
            )
          ).yaml
        : (await call(api.GET('/api/v1/law/files/{path}', { params: { path: { path: relativePath(compared.path) } } }))).yaml;
      if (key === this.#baseKey) this.base = yaml;
    } catch {
      // Without the published text the words still say what changed.
      if (key === this.#baseKey) this.base = undefined;
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

  #unmount(): void {
    this.#view?.destroy();
    this.#view = undefined;
  }

  #choose(e: CustomEvent<DiffAgainst>): void {
    this.#picked = true;
    this.against = e.detail;
  }

  #refusal(): TemplateResult {
    const e = this.error;
    if (e instanceof ApiError && e.code === 'NO_BASE') return html`<p>${t('editor.diff.noBase')}</p>`;
    if (e instanceof ApiError && e.code === 'INVALID_DRAFT') return html`<p>${t('editor.diff.invalid')}</p>`;
    if (e instanceof ApiError && e.code === 'NO_VALID_FROM') return html`<p>${t('editor.diff.noDate')}</p>`;
    if (e instanceof ApiError && e.code === 'NO_VERSION_IN_FORCE') {
      const d = e.details as { valid_from?: string; first?: { valid_from?: string } | null } | null;
      if (d?.valid_from && d.first?.valid_from)
        return html`<p>
          ${t('editor.diff.beforeFirst', { date: formatDate(d.valid_from), first: formatDate(d.first.valid_from) })}
        </p>`;
    }
    return html`<p class="alert">${errorMessage(e)}</p>`;
  }

  #words(): TemplateResult {
    if (this.error) return this.#refusal();
    if (!this.lines) return html`<p role="status">${t('app.loading')}</p>`;
    const lines = this.lines[language()];
    if (!lines.length) return html`<p>${t('editor.diff.none')}</p>`;
    return html`<ul class="words">
      ${lines.map((l) => html`<li>${l}</li>`)}
    </ul>`;
  }

  #comparedWith(): TemplateResult | typeof nothing {
    const c = this.compared;
    if (!c?.valid_from) return nothing;
    return html`<p class="compared">${t('editor.diff.comparedWith', { date: formatDate(c.valid_from), path: c.path })}</p>`;
  }

  override render(): TemplateResult {
    // A parameters file is one file per topic: the one it started from is the one in force, so there is no choice;
    // test cases and the catalogue are compared with the published file at the same place.
    const choice =
      this.#parameters || !versionOf(this.path)
        ? nothing
        : html`<ri-diff-against
          .value=${this.against}
          .validFrom=${this.validFrom}
          @ri-diff-against-change=${this.#choose}
        ></ri-diff-against>`;
    return html`${choice}
      <div role="status">${this.error || this.lines ? this.#comparedWith() : nothing}</div>
      <h3>${t('editor.diff.wordsTitle')}</h3>
      ${this.#words()}
      <h3>${t('editor.diff.textTitle')}</h3>
      <div class="text" ?hidden=${this.base === undefined}></div>`;
  }
}

customElements.define('ri-diff-view', RiDiffView);

declare global {
  interface HTMLElementTagNameMap {
    'ri-diff-view': RiDiffView;
  }
}
