import { css, html, nothing, type TemplateResult } from 'lit';
import { formatMoney, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { describeProblem } from './problem-text.ts';
import { parseFailure } from './test-failure.ts';

/** What an answer says that a reader compares: its outcome and its amounts. */
export interface AnswerGist {
  outcome: string;
  amounts: Record<string, number>;
}

/** One test case's result, as POST /api/v1/drafts/{id}/test gives it. */
export interface CaseResult {
  file: string;
  line: number;
  /** Its place in its file, to name it when accepting a new expectation. */
  index: number;
  name: string;
  question: string;
  passed: boolean;
  failures: string[];
  /** The draft's answer, and the published law's beside a failing case. */
  answer?: AnswerGist;
  published?: AnswerGist;
}

/** Detail of `ri-accept-expectation`: the case and why its new answer is right. */
export interface AcceptRequest {
  file: string;
  index: number;
  reason: string;
}

/** Fired when the author accepts the draft's answer as a failing case's expectation. */
export const ACCEPT_EVENT = 'ri-accept-expectation';

function gist(v: unknown): AnswerGist | undefined {
  const a = v as { outcome?: unknown; amounts?: unknown } | undefined;
  if (!a || typeof a.outcome !== 'string') return undefined;
  const amounts = typeof a.amounts === 'object' && a.amounts !== null ? (a.amounts as Record<string, number>) : {};
  return { outcome: a.outcome, amounts };
}

/** A run of the draft's tests: whether the draft validated, the counts, each case, and problems in the test files. */
export interface TestRun {
  valid: boolean;
  passed: number;
  failed: number;
  results: CaseResult[];
  problems: { file: string; line: number; col: number; code: string; message: string }[];
  /** The changes of the draft that no passing case shows: publishing is refused while there are any. */
  untested: { text: { pl: string; en: string } }[];
}

/** Reads a case result from the server's loosely typed record, or undefined when it is not one. */
export function toCaseResult(r: Record<string, unknown>): CaseResult | undefined {
  if (typeof r.name !== 'string' || typeof r.passed !== 'boolean') return undefined;
  const answer = gist(r.answer);
  const published = gist(r.published_answer);
  return {
    file: typeof r.file === 'string' ? r.file : '',
    line: typeof r.line === 'number' ? r.line : 0,
    index: typeof r.index === 'number' ? r.index : 0,
    name: r.name,
    question: typeof r.question === 'string' ? r.question : '',
    passed: r.passed,
    failures: Array.isArray(r.failures) ? r.failures.map(String) : [],
    ...(answer ? { answer } : {}),
    ...(published ? { published } : {}),
  };
}

/**
 * The draft's test run, inline: a summary, then each case that failed, with what was expected and what came
 * out, then each case that passed. Pass and fail are said in words as well as shown in colour.
 */
export class RiTestResults extends LocalizedElement {
  static override properties = {
    run: { attribute: false },
    outcomes: { attribute: false },
    editable: { type: Boolean },
    busy: { type: Boolean },
  };
  declare run: TestRun | undefined;
  /** The outcomes in words, by code (the catalogue's). */
  declare outcomes: Record<string, { pl: string; en: string }>;
  /** The author may accept a new answer as a case's expectation. */
  declare editable: boolean;
  declare busy: boolean;

  constructor() {
    super();
    this.run = undefined;
    this.outcomes = {};
    this.editable = false;
    this.busy = false;
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
      .money {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      form.accept {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      form.accept input {
        flex: 1 1 20rem;
        min-width: 0;
      }
    `,
  ];

  #case(c: CaseResult): TemplateResult {
    return html`<li class=${c.passed ? 'passed' : 'failed'}>
      <span class="verdict">${c.passed ? `✓ ${t('editor.tests.passed')}` : `✗ ${t('editor.tests.failed')}`}</span>
      <span class="name">${c.name}</span>
      <span class="where">(${c.file}:${c.line})</span>
      ${c.failures.length ? this.#failures(c) : nothing}
      ${!c.passed && c.answer && c.published ? this.#sideBySide(c, c.published, c.answer) : nothing}
      ${!c.passed && c.answer && this.editable ? this.#accept(c) : nothing}
    </li>`;
  }

  #outcome(code: string): string {
    const words = this.outcomes[code];
    return words ? words[language()] : code;
  }

  /** The published law's answer beside the draft's: what the change does to this case. */
  #sideBySide(c: CaseResult, was: AnswerGist, now: AnswerGist): TemplateResult {
    const names = [...new Set([...Object.keys(was.amounts), ...Object.keys(now.amounts)])];
    const money = (v: number | undefined) => (v === undefined ? '—' : formatMoney(v));
    return html`<table class="compare">
      <caption class="visually-hidden">${t('editor.tests.failuresOf', { name: c.name })}</caption>
      <thead>
        <tr><td></td><th scope="col">${t('changeSet.accept.was')}</th><th scope="col">${t('changeSet.accept.now')}</th></tr>
      </thead>
      <tbody>
        <tr><th scope="row">${t('changeSet.accept.outcome')}</th><td>${this.#outcome(was.outcome)}</td><td>${this.#outcome(now.outcome)}</td></tr>
        ${names.map(
          (n) =>
            html`<tr><th scope="row">${t('changeSet.accept.amount', { name: n })}</th><td class="money">${money(was.amounts[n])}</td><td class="money">${money(now.amounts[n])}</td></tr>`,
        )}
      </tbody>
    </table>`;
  }

  #accept(c: CaseResult): TemplateResult {
    const id = `reason-${c.index}-${c.line}`;
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
      if (!reason) return;
      this.dispatchEvent(
        new CustomEvent<AcceptRequest>(ACCEPT_EVENT, {
          detail: { file: c.file, index: c.index, reason },
          bubbles: true,
          composed: true,
        }),
      );
    };
    return html`<form class="accept" @submit=${submit} aria-label=${`${t('changeSet.accept.title')}: ${c.name}`}>
      <label for=${id}>${t('changeSet.accept.reason')}</label>
      <input id=${id} name="reason" type="text" required minlength="3" maxlength="300" />
      <button type="submit" class="secondary" ?disabled=${this.busy}>${t('changeSet.accept.submit')}</button>
    </form>`;
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
