import { Compartment, type Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { language } from '../shared/i18n/language.ts';

/**
 * An editor's words (its accessible name, CodeMirror's phrases), built in the UI's language and built again when
 * the language changes: CodeMirror keeps what it was configured with, so a switch must reconfigure it.
 */
export class Worded {
  readonly #compartment = new Compartment();
  #language = language();

  /** `build` gives the extensions that carry words, read with the catalogue's `t`. */
  constructor(readonly build: () => Extension) {}

  /** The extension to configure the editor with. */
  extension(): Extension {
    return this.#compartment.of(this.build());
  }

  /** Re-words `view` when the language has changed since it was worded; true when it did. */
  follow(view: EditorView | undefined): boolean {
    if (!view || language() === this.#language) return false;
    this.#language = language();
    view.dispatch({ effects: this.#compartment.reconfigure(this.build()) });
    return true;
  }
}
