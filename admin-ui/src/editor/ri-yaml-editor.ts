import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, lintKeymap } from '@codemirror/lint';
import { Compartment, EditorSelection, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { type Catalogue, ruleSetCompletions } from './completions.ts';
import { checkLocally, type Problem } from './local-check.ts';
import { minimalChange } from './minimal-change.ts';
import { describeProblem } from './problem-text.ts';
import { editorTheme } from './theme.ts';
import { checkerOf, type ShownProblem, type ValidationState, validation } from './validation.ts';

/** Fired with `{ text }` after each change the author makes. */
export const TEXT_CHANGE_EVENT = 'ri-text-change';
/** Fired with `{ offset }` when the cursor moves. */
export const CURSOR_EVENT = 'ri-cursor-change';
/** Fired with the {@link ValidationState} each time the findings change. */
export const PROBLEMS_EVENT = 'ri-problems-change';
/** Fired when the author asks to save from the keyboard (Ctrl+S / Cmd+S). */
export const SAVE_EVENT = 'ri-save-request';

/**
 * A reader's editor is not editable at all (contenteditable="false", read-only to assistive technology), yet stays
 * in the tab order so the keyboard can still reach and scroll the text.
 */
const readOnlyIf = (readonly: boolean) =>
  readonly
    ? [EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.contentAttributes.of({ tabindex: '0' })]
    : [];

/**
 * A YAML editor for a draft (CodeMirror 6): syntax colours, completion of facts, parameters and outcomes,
 * and validation as you type, at once in the browser (the core's parser and zod schema) and, after a pause,
 * by the server (`remote`), each problem marked on its line and column with its message in the UI's language.
 * Tab leaves the editor, as everywhere else; indentation is Ctrl+] and Ctrl+[.
 */
export class RiYamlEditor extends LocalizedElement {
  static override properties = {
    value: { attribute: false },
    path: { type: String },
    label: { type: String },
    readonly: { type: Boolean },
    catalogue: { attribute: false },
    remote: { attribute: false },
  };
  /** The text to show; setting a text that differs from the editor's replaces it (one undoable step). */
  declare value: string;
  /** The draft's path, which tells a rule set from a parameters file. */
  declare path: string;
  /** The accessible name of the text area. */
  declare label: string;
  declare readonly: boolean;
  declare catalogue: Catalogue | undefined;
  /** The server's check of unsaved text; absent for a reader who may not ask it. */
  declare remote: ((text: string) => Promise<Problem[]>) | undefined;

  #view: EditorView | undefined;
  readonly #checks = validation({
    local: (text) => checkLocally(this.path, text),
    remote: (text) => (this.remote ? this.remote(text) : Promise.resolve([])),
    diagnostic: (p) => this.#diagnostic(p),
    onChange: (state) => this.#emit(PROBLEMS_EVENT, state),
  });
  readonly #readonly = new Compartment();
  readonly #label = new Compartment();
  #language = language();

  constructor() {
    super();
    this.value = '';
    this.path = '';
    this.label = '';
    this.readonly = false;
    this.catalogue = undefined;
    this.remote = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      .host {
        border: 2px solid #505a5f;
        border-radius: 3px;
        background: #ffffff;
      }
      .host:focus-within {
        outline: 3px solid #0b0c0c;
        outline-offset: 2px;
        box-shadow: 0 0 0 5px #ffdd00;
      }
    `,
  ];

  /** The text as it is now in the editor. */
  get text(): string {
    return this.#view?.state.doc.toString() ?? this.value;
  }

  override firstUpdated(): void {
    const parent = this.renderRoot.querySelector('.host') as HTMLElement;
    this.#view = new EditorView({
      parent,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({
        doc: this.value,
        extensions: [
          lineNumbers(),
          lintGutter(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          yaml(),
          autocompletion({ override: [ruleSetCompletions(() => this.catalogue)] }),
          keymap.of([
            {
              key: 'Mod-s',
              preventDefault: true,
              run: () => {
                this.#emit(SAVE_EVENT, {});
                return true;
              },
            },
            ...completionKeymap,
            ...lintKeymap,
            ...historyKeymap,
            ...defaultKeymap,
          ]),
          this.#checks,
          editorTheme,
          EditorView.lineWrapping,
          this.#readonly.of(readOnlyIf(this.readonly)),
          this.#label.of(EditorView.contentAttributes.of({ 'aria-label': this.label })),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) {
              this.value = u.state.doc.toString();
              this.#emit(TEXT_CHANGE_EVENT, { text: this.value });
            }
            if (u.selectionSet || u.docChanged) this.#emit(CURSOR_EVENT, { offset: u.state.selection.main.head });
          }),
        ],
      }),
    });
  }

  override updated(changed: PropertyValues<this>): void {
    const view = this.#view;
    if (!view) return;
    if (changed.has('value') && this.value !== view.state.doc.toString()) {
      // Only what differs is replaced, so the cursor and the markers elsewhere stay put.
      view.dispatch({ changes: minimalChange(view.state.doc.toString(), this.value), userEvent: 'input.replace' });
    }
    if (changed.has('readonly')) view.dispatch({ effects: this.#readonly.reconfigure(readOnlyIf(this.readonly)) });
    if (changed.has('label'))
      view.dispatch({ effects: this.#label.reconfigure(EditorView.contentAttributes.of({ 'aria-label': this.label })) });
    if (changed.has('remote')) checkerOf(view, this.#checks)?.checkNow();
    // A change of language re-renders this element: the markers' messages follow it.
    if (language() !== this.#language) {
      this.#language = language();
      checkerOf(view, this.#checks)?.refresh();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.destroy();
    this.#view = undefined;
  }

  /** Puts the cursor at a 1-based line and column, scrolls it into view, and focuses the editor. */
  goTo(line: number, col: number): void {
    const view = this.#view;
    if (!view) return;
    const l = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
    const pos = Math.min(l.from + Math.max(col, 1) - 1, l.to);
    view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
    view.focus();
  }

  /** Checks the text now, in the browser and on the server (after a save, say). */
  checkNow(): void {
    if (this.#view) checkerOf(this.#view, this.#checks)?.checkNow();
  }

  #emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #diagnostic(p: ShownProblem): Diagnostic {
    const said = describeProblem(p);
    const suggestion = /did you mean "([^"]+)"/.exec(p.message)?.[1];
    return {
      from: p.from,
      to: p.to,
      severity: p.severity,
      source: p.code,
      message: said.hint ? `${said.text} ${said.hint}` : said.text,
      ...(suggestion
        ? {
            actions: [
              {
                name: t('editor.problem.replaceWith', { name: suggestion }),
                apply: (view: EditorView, from: number, to: number) =>
                  view.dispatch({ changes: { from, to, insert: suggestion } }),
              },
            ],
          }
        : {}),
    };
  }

  override render(): TemplateResult {
    return html`<div class="host"></div>`;
  }
}

customElements.define('ri-yaml-editor', RiYamlEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ri-yaml-editor': RiYamlEditor;
  }
}

export type { ShownProblem, ValidationState };
