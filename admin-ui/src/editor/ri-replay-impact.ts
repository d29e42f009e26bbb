import { css, html, nothing, type TemplateResult } from 'lit';
import { formatFactValue } from '../console/fact-display.ts';
import { questionTitle } from '../console/question-title.ts';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { formatDate, formatMoney, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { amountLabel, factLabel, outcomeLabel } from '../trials/labels.ts';
import { pollUntilDone } from '../trials/poll.ts';

type Run = Schemas['ReplayImpact'];
type Result = NonNullable<Run['result']>;
type Side = Result['examples'][number]['before'];

/** Today and the first day of last year, as the period first offered. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: today };
}

/**
 * "Wpływ na wydane decyzje": a reviewer picks a period, the server replays every stored decision of it under the
 * change set on its worker pool, and this panel shows the progress, then the counts, the from→to table of
 * outcomes, the money gained and lost, and examples with their reasons then and now.
 */
export class RiReplayImpact extends LocalizedElement {
  static override properties = {
    draftId: { type: String },
    run: { state: true },
    error: { state: true },
    catalogue: { state: true },
    questions: { state: true },
  };
  declare draftId: string;
  declare run: Run | undefined;
  declare error: unknown;
  declare catalogue: Schemas['Catalogue'] | undefined;
  declare questions: Schemas['QuestionSummary'][] | undefined;
  #generation = 0;

  constructor() {
    super();
    this.draftId = '';
    this.run = undefined;
    this.error = undefined;
    this.catalogue = undefined;
    this.questions = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      section {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem 1rem;
        margin: 0.75rem 0;
      }
      h3 {
        font-size: 1.05rem;
        margin: 0 0 0.5rem;
      }
      h4 {
        font-size: 1rem;
        margin: 1rem 0 0.4rem;
      }
      .period {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
        align-items: end;
      }
      table {
        border-collapse: collapse;
        margin: 0.25rem 0 0.75rem;
      }
      th,
      td {
        border: 1px solid #b7cde0;
        padding: 0.35rem 0.6rem;
        text-align: left;
      }
      td.n {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .example {
        border-top: 1px solid #b7cde0;
        padding-top: 0.5rem;
      }
      .sides {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 1rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void Promise.all([call(api.GET('/api/v1/catalogue')), call(api.GET('/api/v1/questions'))])
      .then(([catalogue, questions]) => {
        this.catalogue = catalogue;
        this.questions = questions.questions;
      })
      .catch((e: unknown) => {
        this.error = e;
      });
  }

  override disconnectedCallback(): void {
    this.#generation++;
    super.disconnectedCallback();
  }

  async #start(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body = { from: String(form.get('from') ?? ''), to: String(form.get('to') ?? '') };
    const generation = ++this.#generation;
    const id = this.draftId;
    this.error = undefined;
    try {
      const first = await call(api.POST('/api/v1/drafts/{id}/replay-impact', { params: { path: { id } }, body }));
      await pollUntilDone(
        first,
        (run) => call(api.GET('/api/v1/drafts/{id}/replay-impact/{run}', { params: { path: { id, run } } })),
        (run) => {
          this.run = run;
        },
        () => generation !== this.#generation,
      );
    } catch (e) {
      if (generation === this.#generation) this.error = e;
    }
  }

  async #cancel(): Promise<void> {
    const run = this.run;
    if (!run) return;
    try {
      this.run = await call(
        api.DELETE('/api/v1/drafts/{id}/replay-impact/{run}', { params: { path: { id: this.draftId, run: run.id } } }),
      );
    } catch (e) {
      this.error = e;
    }
  }

  #outcome(side: Side): string {
    const money = Object.entries(side.amounts)
      .map(([name, v]) => `${amountLabel(name)} ${formatMoney(v)}`)
      .join(', ');
    const label = outcomeLabel(side.outcome, this.catalogue);
    return money ? t('impact.outcome', { outcome: label, amount: money }) : label;
  }

  #progress(run: Run): TemplateResult {
    if (run.status === 'failed')
      return html`<p class="alert" role="alert">${t('impact.failed', { reason: run.error ?? '' })}</p>`;
    if (run.status !== 'running') return html``;
    const waiting = run.queue?.state === 'queued';
    return html`<p role="status">
        ${waiting ? t('impact.queued') : t('impact.progress', { done: formatNumber(run.processed), total: formatNumber(run.total ?? 0) })}
      </p>
      <progress aria-label=${t('impact.title')} max=${run.total ?? 0} value=${run.processed}></progress>
      <button type="button" class="secondary" @click=${() => void this.#cancel()}>${t('impact.cancel')}</button>`;
  }

  #result(r: Result): TemplateResult {
    const lang = language();
    return html`<h4>${t('impact.summaryTitle')}</h4>
      <table class="summary">
        <tr><th scope="row">${t('impact.replayed')}</th><td class="n">${formatNumber(r.replayed)}</td></tr>
        <tr><th scope="row">${t('impact.changed')}</th><td class="n">${formatNumber(r.changed)}</td></tr>
        ${r.skipped ? html`<tr><th scope="row">${t('impact.skipped')}</th><td class="n">${formatNumber(r.skipped)}</td></tr>` : nothing}
        ${r.failed ? html`<tr><th scope="row">${t('impact.failedCount')}</th><td class="n">${formatNumber(r.failed)}</td></tr>` : nothing}
      </table>
      ${r.changed === 0 ? html`<p>${t('impact.none')}</p>` : nothing}
      <h4>${t('impact.matrixTitle')}</h4>
      <table class="matrix">
        <thead><tr><th>${t('impact.question')}</th><th>${t('impact.before')}</th><th>${t('impact.after')}</th><th>${t('impact.count')}</th></tr></thead>
        <tbody>
          ${r.matrix.map(
            (c) => html`<tr>
              <td>${questionTitle(this.questions, c.question)}</td>
              <td>${outcomeLabel(c.from, this.catalogue)}</td>
              <td>${outcomeLabel(c.to, this.catalogue)}</td>
              <td class="n">${formatNumber(c.count)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${
        r.amounts.length
          ? html`<h4>${t('impact.moneyTitle')}</h4>
            <table class="money">
              <thead><tr>
                <th>${t('impact.question')}</th><th>${t('impact.amount')}</th><th>${t('impact.gained')}</th><th>${t('impact.gainedCount')}</th>
                <th>${t('impact.lost')}</th><th>${t('impact.lostCount')}</th><th>${t('impact.net')}</th>
              </tr></thead>
              <tbody>
                ${r.amounts.map(
                  (a) => html`<tr>
                    <td>${questionTitle(this.questions, a.question)}</td>
                    <td>${amountLabel(a.amount)}</td>
                    <td class="n">${formatMoney(Number(a.gained.total))}</td>
                    <td class="n">${formatNumber(a.gained.count)}</td>
                    <td class="n">${formatMoney(Number(a.lost.total))}</td>
                    <td class="n">${formatNumber(a.lost.count)}</td>
                    <td class="n">${formatMoney(Number(a.net))}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
      ${
        r.examples.length
          ? html`<h4>${t('impact.examplesTitle')}</h4>
            ${r.examples.map(
              (e) => html`<div class="example">
                <p><strong>${t('impact.example', { date: formatDate(e.date), question: questionTitle(this.questions, e.question) })}</strong></p>
                ${
                  e.facts
                    ? html`<p>${t('impact.facts')}: ${Object.entries(e.facts)
                        .map(([k, v]) => `${factLabel(k, this.catalogue)}: ${formatFactValue(k, this.catalogue?.facts[k], v)}`)
                        .join('; ')}</p>`
                    : html`<p class="muted">${t('impact.factsHidden')}</p>`
                }
                <div class="sides">
                  ${(
                    [
                      ['impact.reasonsBefore', e.before],
                      ['impact.reasonsAfter', e.after],
                    ] as const
                  ).map(
                    ([title, side]) => html`<div>
                      <p><strong>${t(title)}</strong>: ${this.#outcome(side)}</p>
                      <ul>${side.reasons.map((reason) => html`<li>${reason.text[lang]}</li>`)}</ul>
                    </div>`,
                  )}
                </div>
              </div>`,
            )}`
          : nothing
      }`;
  }

  override render(): TemplateResult {
    const period = defaultPeriod();
    const running = this.run?.status === 'running';
    return html`<section aria-labelledby="impact-title">
      <h3 id="impact-title">${t('impact.title')}</h3>
      <p>${t('impact.intro')}</p>
      <form class="period" @submit=${(e: SubmitEvent) => void this.#start(e)}>
        <div>
          <label for="impact-from">${t('impact.from')}</label>
          <input id="impact-from" name="from" type="date" required .value=${period.from} />
        </div>
        <div>
          <label for="impact-to">${t('impact.to')}</label>
          <input id="impact-to" name="to" type="date" required .value=${period.to} />
        </div>
        <button type="submit" ?disabled=${running}>${t('impact.start')}</button>
      </form>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.run ? this.#progress(this.run) : nothing}
      ${this.run?.result ? this.#result(this.run.result) : nothing}
    </section>`;
  }
}

customElements.define('ri-replay-impact', RiReplayImpact);

declare global {
  interface HTMLElementTagNameMap {
    'ri-replay-impact': RiReplayImpact;
  }
}
