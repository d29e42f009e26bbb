import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { MergeView } from '@codemirror/merge';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { css, html, type TemplateResult } from 'lit';
import type { Schemas } from '../shared/api/client.ts';
import { formatDateTime } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { editorTheme } from './theme.ts';
import { Worded } from './worded.ts';

/** Fired with `{ action: 'mine', text }` (save this text over the newer revision) or `{ action: 'theirs' }`. */
export const CONFLICT_RESOLVE_EVENT = 'ri-conflict-resolve';
/** What the author decided about a conflict. */
export type ConflictResolution = { action: 'mine'; text: string } | { action: 'theirs' };

/** A side's words in the UI's language: its accessible name and the merge view's phrases. */
const wordsOf = (label: string): Extension => [
  EditorState.phrases.of({
    'Revert this chunk': t('editor.conflict.bringOver'),
    '$ unchanged lines': t('editor.conflict.unchanged'),
  }),
  EditorView.contentAttributes.of({ 'aria-label': label }),
];

/**
 * A save that came too late (409): the author's unsaved text on the left, editable, and the newer text someone
 * else saved on the right, side by side with the differences marked. The author keeps theirs (saving it over
 * the newer revision), takes the newer one, or merges by hand: editing the left side, or bringing a changed
 * part over with its arrow button. Nothing is lost: the left side is the author's text until they choose.
 */
export class RiConflictView extends LocalizedElement {
  static override properties = { mine: { attribute: false }, theirs: { attribute: false }, busy: { type: Boolean } };
  /** The author's text that the server refused. */
  declare mine: string;
  /** The newer draft, from the 409's details. */
  declare theirs: Schemas['Draft'] | undefined;
  declare busy: boolean;
  #merge: MergeView | undefined;
  /** Each side's words: its accessible name and the merge view's phrases. */
  readonly #words = {
    a: new Worded(() => wordsOf(t('editor.conflict.mineLabel'))),
    b: new Worded(() => wordsOf(t('editor.conflict.theirsLabel'))),
  };

  constructor() {
    super();
    this.mine = '';
    this.theirs = undefined;
    this.busy = false;
  }

  static override styles = [
    sharedStyles,
    css`
      .intro {
        border-left: 6px solid #8a5a00;
        background: #fff8e5;
        padding: 0.75rem 1rem;
      }
      .sides {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 1rem;
        margin-top: 1rem;
      }
      .sides h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .merge {
        border: 2px solid #505a5f;
        max-height: 32rem;
        overflow: auto;
      }
      .merge:focus-within {
        outline: 3px solid #0b0c0c;
        outline-offset: 2px;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin-top: 1rem;
      }
    `,
  ];

  /** The left side as it is now: the author's text, with whatever they merged into it. */
  get merged(): string {
    return this.#merge?.a.state.doc.toString() ?? this.mine;
  }

  override firstUpdated(): void {
    const parent = this.renderRoot.querySelector('.merge') as HTMLElement;
    const common = (words: Worded): Extension[] => [
      lineNumbers(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      yaml(),
      editorTheme,
      EditorView.lineWrapping,
      words.extension(),
    ];
    this.#merge = new MergeView({
      parent,
      root: this.renderRoot as ShadowRoot,
      a: { doc: this.mine, extensions: common(this.#words.a) },
      b: {
        doc: this.theirs?.yaml ?? '',
        extensions: [...common(this.#words.b), EditorState.readOnly.of(true), EditorView.editable.of(false)],
      },
      revertControls: 'b-to-a',
      renderRevertControl: () => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = '⇜';
        button.setAttribute('aria-label', t('editor.conflict.bringOver'));
        button.title = t('editor.conflict.bringOver');
        // The merge view acts on mousedown only; a button pressed from the keyboard clicks with detail 0.
        button.addEventListener('click', (e) => {
          if (e.detail === 0) button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
        });
        return button;
      },
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
  }

  override updated(): void {
    const merge = this.#merge;
    if (!merge) return;
    this.#words.b.follow(merge.b);
    if (!this.#words.a.follow(merge.a)) return;
    // The arrow buttons were made in the old language; the merge view makes them once, so re-word them here.
    for (const button of this.renderRoot.querySelectorAll<HTMLButtonElement>('.cm-merge-revert button')) {
      button.setAttribute('aria-label', t('editor.conflict.bringOver'));
      button.title = t('editor.conflict.bringOver');
    }
  }

  /** Moves focus to the conflict's heading, so the author (and a screen reader) starts there. */
  focusTitle(): void {
    (this.renderRoot.querySelector('#conflict-title') as HTMLElement | null)?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#merge?.destroy();
    this.#merge = undefined;
  }

  #resolve(detail: ConflictResolution): void {
    this.dispatchEvent(new CustomEvent(CONFLICT_RESOLVE_EVENT, { detail, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const theirs = this.theirs;
    return html`<div class="intro">
        <h2 id="conflict-title" tabindex="-1">${t('editor.conflict.title')}</h2>
        <p>
          ${t('editor.conflict.text', {
            revision: theirs?.revision ?? '?',
            when: theirs ? formatDateTime(theirs.updated_at) : '',
          })}
        </p>
        <p>${t('editor.conflict.how')}</p>
      </div>
      <div class="sides">
        <h3>${t('editor.conflict.mine')}</h3>
        <h3>${t('editor.conflict.theirs', { revision: theirs?.revision ?? '?' })}</h3>
      </div>
      <div class="merge" role="group" aria-labelledby="conflict-title"></div>
      <div class="buttons">
        <button type="button" ?disabled=${this.busy} @click=${() => this.#resolve({ action: 'mine', text: this.merged })}>
          ${t('editor.conflict.keepMine')}
        </button>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.#resolve({ action: 'theirs' })}>
          ${t('editor.conflict.takeTheirs')}
        </button>
      </div>`;
  }
}

customElements.define('ri-conflict-view', RiConflictView);

declare global {
  interface HTMLElementTagNameMap {
    'ri-conflict-view': RiConflictView;
  }
}
