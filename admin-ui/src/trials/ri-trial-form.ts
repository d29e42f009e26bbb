import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatDate, formatNumber } from '../shared/i18n/format.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { factLabel } from './labels.ts';
import type { RiTrialPopulation } from './ri-trial-population.ts';
import type { Catalogue, QuestionSummary, TrialLimits, TrialStart } from './types.ts';
import { type VersionInfo, versionInfo } from './version-info.ts';
import './ri-trial-population.ts';

/** Fired with a {@link TrialStart} when the analyst starts a run. */
export const TRIAL_START_EVENT = 'ri-trial-start';

/** Today as `YYYY-MM-DD` in the user's own time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * What to trial: a question that has proposals, the baseline (the law in force on the date unless another
 * version is chosen), a proposal, the date, months paid a year, the fact to break the results down by, and
 * the population.
 */
export class RiTrialForm extends LocalizedElement {
  static override properties = {
    questions: { attribute: false },
    catalogue: { attribute: false },
    limits: { attribute: false },
    busy: { type: Boolean },
    question: { state: true },
    proposal: { state: true },
    baseline: { state: true },
    date: { state: true },
    by: { state: true },
    info: { state: true },
  };
  /** Every question; only those with proposals are offered. */
  declare questions: QuestionSummary[];
  declare catalogue: Catalogue | undefined;
  declare limits: TrialLimits | undefined;
  /** True while a run is starting or running: the button waits. */
  declare busy: boolean;
  declare question: string;
  declare proposal: string;
  /** A version's valid_from, or '' for the law in force on the date. */
  declare baseline: string;
  declare date: string;
  /** The fact to break down by, or '' for none; undefined until the analyst chooses (the first fact is offered). */
  declare by: string | undefined;
  /** What is known of the chosen proposal and baseline, by version name. */
  declare info: Record<string, VersionInfo>;

  constructor() {
    super();
    this.questions = [];
    this.catalogue = undefined;
    this.limits = undefined;
    this.busy = false;
    this.question = '';
    this.proposal = '';
    this.baseline = '';
    this.date = today();
    this.by = undefined;
    this.info = {};
  }

  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: 1.25rem;
        max-width: 60rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 1.5rem;
        align-items: flex-start;
      }
      .row > div {
        min-width: 14rem;
      }
      select {
        max-width: 100%;
      }
      .wide {
        flex: 1 1 24rem;
      }
      .check {
        margin-top: 0.75rem;
      }
      .check input {
        width: auto;
        margin-right: 0.4rem;
      }
      .check label {
        display: inline;
      }
      fieldset.window {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem 1rem;
        margin: 0;
      }
      fieldset.window legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .wide select {
        width: 100%;
      }
      .hint {
        font-size: 0.9rem;
        color: #4a5257;
        margin: 0.25rem 0 0;
      }
      input[type='number'] {
        width: 6rem;
      }
      .submit {
        display: flex;
        gap: 1rem;
        align-items: center;
      }
    `,
  ];

  /** The questions a trial can run on: those with at least one proposal. */
  #offered(): QuestionSummary[] {
    return this.questions.filter((q) => q.proposals.length > 0);
  }

  #current(): QuestionSummary | undefined {
    return this.#offered().find((q) => q.id === this.question);
  }

  /** The law version in force on the date: the last one whose valid_from is not after it. */
  #inForce(q: QuestionSummary | undefined): QuestionSummary['versions'][number] | undefined {
    let found: QuestionSummary['versions'][number] | undefined;
    for (const v of q?.versions ?? []) if (v.validFrom <= this.date) found = v;
    return found;
  }

  /** The baseline as the server will take it: the chosen version, or the one in force on the date. */
  #baselineVersion(): string | undefined {
    return this.baseline || this.#inForce(this.#current())?.validFrom;
  }

  /** The facts the chosen baseline and proposal read, in the order they name them. */
  #facts(): string[] {
    const names = [this.proposal, this.#baselineVersion()].filter((v): v is string => Boolean(v));
    return [...new Set(names.flatMap((n) => this.info[`${this.question}/${n}`]?.facts ?? []))];
  }

  /** The facts of the current choice, for the result's example persons. */
  get facts(): string[] {
    return this.#facts();
  }

  /** The chosen proposal's title in both languages, once the server has told it. */
  get proposalTitle(): { pl: string; en: string } | undefined {
    return this.info[`${this.question}/${this.proposal}`]?.title;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Picks the first question and its first proposal once the list arrives, and keeps the choice valid.
    const offered = this.#offered();
    if (changed.has('questions') && offered.length && !this.#current()) this.question = offered[0]?.id ?? '';
    const q = this.#current();
    if (q && !q.proposals.includes(this.proposal)) this.proposal = q.proposals[0] ?? '';
    if (q && this.baseline && !q.versions.some((v) => v.validFrom === this.baseline)) this.baseline = '';
    if (q) this.#askInfo(q);
  }

  /** Asks for the title and facts of each proposal and of the baseline not yet known. */
  #askInfo(q: QuestionSummary): void {
    const wanted = [...q.proposals, this.#baselineVersion()].filter((v): v is string => Boolean(v));
    for (const v of wanted) {
      const key = `${q.id}/${v}`;
      if (key in this.info) continue;
      // Marked at once so a re-render does not ask twice; filled when the server answers.
      this.info = { ...this.info, [key]: { title: undefined, note: undefined, facts: [] } };
      versionInfo(q.id, v)
        .then((info) => {
          this.info = { ...this.info, [key]: info };
        })
        .catch(() => {
          // Titles and facts are a help, not a need: the choice still works by name.
        });
    }
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!form.reportValidity()) return;
    const population = this.renderRoot.querySelector<RiTrialPopulation>('ri-trial-population')?.choice();
    if (!population) return;
    const data = new FormData(form);
    const by = String(data.get('by') ?? '');
    const detail: TrialStart = {
      request: {
        question: this.question,
        date: this.date,
        ...(this.baseline ? { baseline: this.baseline } : {}),
        proposal: this.proposal,
        population: population.population,
        by: by ? [by] : [],
        months_per_year: Number(data.get('months')),
        ...(data.get('window') === 'on'
          ? {
              window: {
                from: Number(data.get('window-from')),
                to: Number(data.get('window-to')),
                rate_percent: Number(data.get('window-rate')),
              },
            }
          : {}),
      },
      rows: population.rows,
      ...(population.file ? { file: population.file } : {}),
    };
    this.dispatchEvent(new CustomEvent<TrialStart>(TRIAL_START_EVENT, { detail, bubbles: true, composed: true }));
  }

  #questionSelect(): TemplateResult {
    const lang = language();
    return html`<div class="wide">
      <label for="question">${t('trials.form.question')}</label>
      <select id="question" name="question" @change=${(e: Event) => {
        this.question = (e.currentTarget as HTMLSelectElement).value;
        this.by = undefined;
      }}>
        ${this.#offered().map((q) => html`<option value=${q.id} ?selected=${q.id === this.question}>${q.title[lang]}</option>`)}
      </select>
      <p class="hint">${t('trials.form.questionHint')}</p>
    </div>`;
  }

  #proposalSelect(q: QuestionSummary): TemplateResult {
    const lang = language();
    const chosen = this.info[`${q.id}/${this.proposal}`];
    return html`<div class="wide">
      <label for="proposal">${t('trials.form.proposal')}</label>
      <select id="proposal" name="proposal" aria-describedby="proposal-note" @change=${(e: Event) => {
        this.proposal = (e.currentTarget as HTMLSelectElement).value;
      }}>
        ${q.proposals.map((p) => {
          const title = this.info[`${q.id}/${p}`]?.title?.[lang];
          return html`<option value=${p} ?selected=${p === this.proposal}>${title ? `${title} (${p})` : p}</option>`;
        })}
      </select>
      <p class="hint" id="proposal-note">${chosen?.note ? html`<span lang="en">${chosen.note}</span>` : t('trials.form.proposalHint')}</p>
    </div>`;
  }

  #baselineSelect(q: QuestionSummary): TemplateResult {
    const lang = language();
    const inForce = this.#inForce(q);
    return html`<div class="wide">
      <label for="baseline">${t('trials.form.baseline')}</label>
      <select id="baseline" name="baseline" @change=${(e: Event) => {
        this.baseline = (e.currentTarget as HTMLSelectElement).value;
      }}>
        <option value="" ?selected=${!this.baseline}>
          ${
            inForce
              ? t('trials.form.baselineInForce', { from: formatDate(inForce.validFrom) })
              : t('trials.form.baselineNone', { date: formatDate(this.date) })
          }
        </option>
        ${q.versions.map(
          (v) =>
            html`<option value=${v.validFrom} ?selected=${v.validFrom === this.baseline}>
              ${t('trials.form.version', { from: formatDate(v.validFrom), title: v.title[lang] })}
            </option>`,
        )}
      </select>
    </div>`;
  }

  #bySelect(): TemplateResult {
    const facts = this.#facts();
    // Until the analyst chooses, the first fact is offered: a breakdown is part of the result at a glance.
    const by = this.by ?? facts[0] ?? '';
    return html`<div>
      <label for="by">${t('trials.form.by')}</label>
      <select id="by" name="by" aria-describedby="by-hint" @change=${(e: Event) => {
        this.by = (e.currentTarget as HTMLSelectElement).value;
      }}>
        <option value="" ?selected=${by === ''}>${t('trials.form.byNone')}</option>
        ${facts.map((f) => html`<option value=${f} ?selected=${f === by}>${factLabel(f, this.catalogue)} (${f})</option>`)}
      </select>
      <p class="hint" id="by-hint">${t('trials.form.byHint')}</p>
    </div>`;
  }

  #window(): TemplateResult {
    const year = Number(this.date.slice(0, 4)) || new Date().getFullYear();
    return html`<fieldset class="window">
      <legend>${t('trials.form.window')}</legend>
      <div class="check">
        <input id="window" name="window" type="checkbox" aria-describedby="window-hint" />
        <label for="window">${t('trials.form.windowOn')}</label>
      </div>
      <div class="row">
        <div>
          <label for="window-from">${t('trials.form.windowFrom')}</label>
          <input id="window-from" name="window-from" type="number" inputmode="numeric" min="1900" max="2100" step="1" .value=${String(year)} required />
        </div>
        <div>
          <label for="window-to">${t('trials.form.windowTo')}</label>
          <input id="window-to" name="window-to" type="number" inputmode="numeric" min="1900" max="2100" step="1" .value=${String(year + 4)} required />
        </div>
        <div>
          <label for="window-rate">${t('trials.form.windowRate')}</label>
          <input id="window-rate" name="window-rate" type="number" inputmode="decimal" min="-10" max="20" step="0.01" value="2.5" required />
        </div>
      </div>
      <p class="hint" id="window-hint">${t('trials.form.windowHint')}</p>
    </fieldset>`;
  }

  override render(): TemplateResult {
    const q = this.#current();
    if (!this.questions.length) return html``;
    if (!q) return html`<p>${t('trials.form.noProposals')}</p>`;
    return html`<form @submit=${this.#submit} novalidate>
      <div class="row">${this.#questionSelect()} ${this.#proposalSelect(q)}</div>
      <div class="row">
        <div>
          <label for="date">${t('trials.form.date')}</label>
          <input id="date" name="date" type="date" required .value=${this.date} aria-describedby="date-hint" @change=${(
            e: Event,
          ) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            if (v) this.date = v;
          }} />
          <p class="hint" id="date-hint">${t('trials.form.dateHint')}</p>
        </div>
        ${this.#baselineSelect(q)}
      </div>
      <div class="row">
        ${this.#bySelect()}
        <div>
          <label for="months">${t('trials.form.months')}</label>
          <input id="months" name="months" type="number" inputmode="numeric" min="1" max="12" step="1" value="12" required aria-describedby="months-hint" />
          <p class="hint" id="months-hint">${t('trials.form.monthsHint')}</p>
        </div>
      </div>
      ${this.#window()}
      <ri-trial-population .limits=${this.limits}></ri-trial-population>
      <div class="submit">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('trials.form.running') : t('trials.form.run')}</button>
        ${
          this.limits
            ? html`<span class="hint">${t('trials.form.limitNote', { max: formatNumber(this.limits.max_generated_persons) })}</span>`
            : nothing
        }
      </div>
    </form>`;
  }
}

customElements.define('ri-trial-form', RiTrialForm);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-form': RiTrialForm;
  }
}
