import { css, html, nothing, type TemplateResult } from 'lit';
import type { Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { catalogueOnce } from './catalogue-once.ts';
import { describeProblem, exampleText } from './problem-text.ts';
import type { ShownProblem, ValidationState } from './validation.ts';

/** Fired with `{ line, col }` when the author picks a problem, to put the cursor there. */
export const PROBLEM_SELECT_EVENT = 'ri-problem-select';

/**
 * The editor's problems as a list beside the markers, for everyone (screen readers cannot see a squiggle):
 * each with its line and column (a button that puts the cursor there), its severity in words, and its message;
 * above them a status line that says whether the checks are done.
 */
export class RiDraftProblems extends LocalizedElement {
  static override properties = {
    state: { attribute: false },
    serverChecks: { type: Boolean },
    catalogue: { state: true },
  };
  declare state: ValidationState | undefined;
  /** Labels for the facts of a finding's example, read once a finding has one. */
  declare catalogue: Schemas['Catalogue'] | undefined;
  /** False for a reader the server does not check drafts for (a reviewer): only the browser's checks run. */
  declare serverChecks: boolean;

  constructor() {
    super();
    this.state = undefined;
    this.serverChecks = true;
    this.catalogue = undefined;
  }

  override updated(): void {
    if (!this.catalogue && this.state?.problems.some((p) => p.example))
      // Without the catalogue the facts keep their names: the finding itself is still shown.
      void catalogueOnce()
        .then((c) => {
          this.catalogue = c;
        })
        .catch(() => undefined);
  }

  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0 0;
      }
      li {
        border-left: 5px solid #b3261e;
        background: #fdf0ef;
        padding: 0.5rem 0.75rem;
        margin-bottom: 0.5rem;
      }
      li.warning {
        border-left-color: #8a5a00;
        background: #fff8e5;
      }
      .where {
        background: none;
        border: none;
        color: #0b4f8a;
        padding: 0;
        text-decoration: underline;
        font-weight: 700;
      }
      .where:hover {
        background: none;
        color: #062e52;
      }
      .severity {
        font-weight: 700;
      }
      .example {
        display: block;
        margin-top: 0.25rem;
      }
      .code {
        color: #4a5257;
      }
    `,
  ];

  #summary(): string {
    const s = this.state;
    if (!s) return t('editor.problems.checking');
    const errors = s.problems.filter((p) => p.severity === 'error').length;
    const warnings = s.problems.length - errors;
    const found = s.problems.length ? t('editor.problems.count', { errors, warnings }) : t('editor.problems.none');
    if (s.checking) return `${found} ${t('editor.problems.serverChecking')}`;
    if (!this.serverChecks) return `${found} ${t('editor.problems.browserOnly')}`;
    return found;
  }

  #select(p: ShownProblem): void {
    this.dispatchEvent(
      new CustomEvent(PROBLEM_SELECT_EVENT, { detail: { line: p.line, col: p.col }, bubbles: true, composed: true }),
    );
  }

  #item(p: ShownProblem): TemplateResult {
    const said = describeProblem(p);
    return html`<li class=${p.severity} data-line=${p.line} data-code=${p.code}>
      <button type="button" class="where" @click=${() => this.#select(p)}>
        ${t('editor.problems.at', { line: p.line, col: p.col })}
      </button>
      <span class="severity">${p.severity === 'error' ? t('editor.problems.error') : t('editor.problems.warning')}:</span>
      <span class="text">${said.text}</span>
      ${said.hint ? html`<span class="hint">${said.hint}</span>` : nothing}
      ${p.example ? html`<span class="example">${exampleText(p.example, this.catalogue)}</span>` : nothing}
      <span class="code">(${p.code}, ${p.origin === 'server' ? t('editor.problems.byServer') : t('editor.problems.byBrowser')})</span>
    </li>`;
  }

  override render(): TemplateResult {
    const problems = this.state?.problems ?? [];
    // data-checks says whether the findings are final for the text as it is now: what tests wait for.
    return html`<p role="status" class="summary" data-checks=${this.state?.settled ? 'done' : 'running'}>${this.#summary()}</p>
      ${
        this.state?.serverError
          ? html`<p class="alert">${t('editor.problems.serverFailed', { reason: errorMessage(this.state.serverError) })}</p>`
          : nothing
      }
      ${problems.length ? html`<ul>${problems.map((p) => this.#item(p))}</ul>` : nothing}`;
  }
}

customElements.define('ri-draft-problems', RiDraftProblems);

declare global {
  interface HTMLElementTagNameMap {
    'ri-draft-problems': RiDraftProblems;
  }
}
