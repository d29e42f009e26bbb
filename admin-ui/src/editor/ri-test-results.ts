import { css, html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { describeProblem } from './problem-text.ts';
import { parseFailure } from './test-failure.ts';

/** One test case's result, as POST /api/v1/drafts/{id}/test gives it. */
export interface CaseResult {
  file: string;
  line: number;
  name: string;
  question: string;
  passed: boolean;
  failures: string[];
}

/** A run of the draft's tests: whether the draft validated, the counts, each case, and problems in the test files. */
export interface TestRun {
  valid: boolean;
  passed: number;
  failed: number;
  results: CaseResult[];
  problems: { file: string; line: number; col: number; code: string; message: string }[];
}

/** Reads a case result from the server's loosely typed record, or undefined when it is not one. */
export function toCaseResult(r: Record<string, unknown>): CaseResult | undefined {
  if (typeof r.name !== 'string' || typeof r.passed !== 'boolean') return undefined;
  return {
    file: typeof r.file === 'string' ? r.file : '',
    line: typeof r.line === 'number' ? r.line : 0,
    name: r.name,
    question: typeof r.question === 'string' ? r.question : '',
    passed: r.passed,
    failures: Array.isArray(r.failures) ? r.failures.map(String) : [],
  };
}

/**
 * The draft's test run, inline: a summary, then each case that failed, with what was expected and what came
 * out, then each case that passed. Pass and fail are said in words as well as shown in colour.
 */
export class RiTestResults extends LocalizedElement {
  static override properties = { run: { attribute: false } };
  declare run: TestRun | undefined;

  constructor() {
    super();
    this.run = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      ol {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0 0;
      }
      li {
        padding: 0.4rem 0.75rem;
        border-left: 5px solid #1d6b35;
        background: #eef7f0;
        margin-bottom: 0.35rem;
      }
      li.failed {
        border-left-color: #b3261e;
        background: #fdf0ef;
      }
      .verdict {
        font-weight: 700;
        margin-right: 0.5rem;
      }
      .where {
        color: #4a5257;
        font-size: 0.9rem;
      }
      table {
        border-collapse: collapse;
        margin-top: 0.4rem;
        font-size: 0.95rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.25rem 0.6rem;
        border: 1px solid #d5e0ea;
        background: #ffffff;
      }
      .summary {
        font-weight: 700;
      }
    `,
  ];

  #case(c: CaseResult): TemplateResult {
    return html`<li class=${c.passed ? 'passed' : 'failed'}>
      <span class="verdict">${c.passed ? `✓ ${t('editor.tests.passed')}` : `✗ ${t('editor.tests.failed')}`}</span>
      <span class="name">${c.name}</span>
      <span class="where">(${c.file}:${c.line})</span>
      ${c.failures.length ? this.#failures(c) : nothing}
    </li>`;
  }

  #failures(c: CaseResult): TemplateResult {
    const rows = c.failures.map(parseFailure);
    return html`<table>
      <caption class="visually-hidden">${t('editor.tests.failuresOf', { name: c.name })}</caption>
      <thead>
        <tr>
          <th scope="col">${t('editor.tests.field')}</th>
          <th scope="col">${t('editor.tests.expected')}</th>
          <th scope="col">${t('editor.tests.actual')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((f) =>
          f.expected === undefined
            ? html`<tr><td colspan="3">${f.text}</td></tr>`
            : html`<tr><th scope="row"><code>${f.field}</code></th><td><code>${f.expected}</code></td><td><code>${f.actual}</code></td></tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render(): TemplateResult {
    const run = this.run;
    if (!run) return html``;
    if (!run.valid) {
      return html`<p class="alert" role="status">${t('editor.tests.invalid')}</p>
        <ul>
          ${run.problems.map((p) => html`<li>${t('editor.problems.at', { line: p.line, col: p.col })}: ${describeProblem(p).text}</li>`)}
        </ul>`;
    }
    const failed = run.results.filter((r) => !r.passed);
    const passed = run.results.filter((r) => r.passed);
    const summary =
      run.failed === 0
        ? t('editor.tests.allPassed', { passed: formatNumber(run.passed) })
        : t('editor.tests.someFailed', { failed: formatNumber(run.failed), total: formatNumber(run.passed + run.failed) });
    return html`<p class="summary" role="status">${summary}</p>
      ${
        run.problems.length
          ? html`<p class="alert">${t('editor.tests.fileProblems')}</p>
            <ul>
              ${run.problems.map((p) => html`<li>${p.file}:${p.line}:${p.col} ${describeProblem(p).text}</li>`)}
            </ul>`
          : nothing
      }
      <ol aria-label=${t('editor.tests.list')}>
        ${[...failed, ...passed].map((c) => this.#case(c))}
      </ol>`;
  }
}

customElements.define('ri-test-results', RiTestResults);

declare global {
  interface HTMLElementTagNameMap {
    'ri-test-results': RiTestResults;
  }
}
