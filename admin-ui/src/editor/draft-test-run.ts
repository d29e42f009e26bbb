import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { type TestRun, toCaseResult } from './ri-test-results.ts';

/** POST /api/v1/drafts/{id}/test's answer, its case results still loosely typed. */
interface TestAnswer {
  valid: boolean;
  passed: number;
  failed: number;
  results: Record<string, unknown>[];
  problems: TestRun['problems'];
  untested: { text: { pl: string; en: string } }[];
}

/** The run as `<ri-test-results>` shows it, keeping only the case results it can read. */
function toTestRun(r: TestAnswer): TestRun {
  return {
    valid: r.valid,
    passed: r.passed,
    failed: r.failed,
    results: r.results.flatMap((x) => toCaseResult(x) ?? []),
    problems: r.problems,
    untested: r.untested,
  };
}

/**
 * Running a saved draft's tests on the server: the last run, the text it tested, whether one is under way, its
 * error, and the page's section that shows them. Each change asks the host to render again.
 */
export class DraftTestRun {
  run: TestRun | undefined = undefined;
  /** The text the last run tested: when the editor's differs, the results are said to be out of date. */
  runText = '';
  busy = false;
  error: unknown = undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Runs the tests of draft `id`, whose saved text is `text`. */
  async start(id: string, text: string): Promise<void> {
    this.busy = true;
    this.error = undefined;
    this.run = undefined;
    this.runText = text;
    this.#host.requestUpdate();
    try {
      this.run = toTestRun(await call(api.POST('/api/v1/drafts/{id}/test', { params: { path: { id } } })));
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
      this.#host.requestUpdate();
    }
  }

  /**
   * The tests' section of the page, `text` being the editor's now (results for another text are said to be stale);
   * `editable` says whether running them saves unsaved changes first.
   */
  render(
    text: string,
    editable: boolean,
    outcomes: Record<string, { pl: string; en: string }> = {},
    accepting = false,
  ): TemplateResult {
    const { run, busy, error } = this;
    return html`<section aria-labelledby="tests-title">
      <h2 id="tests-title">${t('editor.tests.title')}</h2>
      ${busy ? html`<p role="status">${t('editor.tests.running')}</p>` : nothing}
      ${error ? html`<p class="alert" role="alert">${errorMessage(error)}</p>` : nothing}
      ${!run && !busy && !error ? html`<p class="muted">${t(editable ? 'editor.tests.none' : 'editor.tests.noneReadOnly')}</p>` : nothing}
      ${run && text !== this.runText ? html`<p class="stale" role="status">${t('editor.tests.stale')}</p>` : nothing}
      <ri-test-results .run=${run} .outcomes=${outcomes} ?editable=${editable} ?busy=${accepting}></ri-test-results>
      ${
        run?.untested.length
          ? html`<div class="untested" role="status">
            <p><strong>${t('changeSet.untested.title')}</strong></p>
            <ul>${run.untested.map((u) => html`<li>${u.text[language()]}</li>`)}</ul>
          </div>`
          : nothing
      }
    </section>`;
  }
}
