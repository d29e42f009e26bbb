import { css, html, nothing, type TemplateResult } from 'lit';
import { formatMoney, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { factText } from './fact-text.ts';
import { factLabel, kindLabel } from './labels.ts';
import type { Catalogue, TrialResult } from './types.ts';
import './ri-trial-answer.ts';

type Example = TrialResult['examples'][string][number];

/**
 * Example persons for each kind of change, each one expandable to their facts and their answers with reasons
 * under both versions, side by side.
 */
export class RiTrialExamples extends LocalizedElement {
  static override properties = {
    examples: { attribute: false },
    catalogue: { attribute: false },
    facts: { attribute: false },
  };
  declare examples: TrialResult['examples'];
  declare catalogue: Catalogue | undefined;
  /** The facts the question reads, shown first; the person's other facts follow behind a toggle. */
  declare facts: string[];

  constructor() {
    super();
    this.examples = {};
    this.catalogue = undefined;
    this.facts = [];
  }

  static override styles = [
    sharedStyles,
    css`
      h4 {
        margin: 1.25rem 0 0.5rem;
        font-size: 1.1rem;
      }
      details.person {
        border: 1px solid #b7cde0;
        margin: 0.5rem 0;
      }
      details.person > summary {
        cursor: pointer;
        padding: 0.5rem 0.75rem;
        font-weight: 600;
        background: #f3f7fa;
      }
      details.person[open] > summary {
        border-bottom: 1px solid #b7cde0;
      }
      .body {
        padding: 0.75rem;
      }
      .answers {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(10rem, max-content) 1fr;
        gap: 0.2rem 1rem;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      details.more > summary {
        cursor: pointer;
        color: #0b4f8a;
        margin-top: 0.5rem;
      }
    `,
  ];

  #facts(entries: [string, unknown][]): TemplateResult {
    return html`<dl>
      ${entries.map(
        ([name, value]) => html`<dt>${factLabel(name, this.catalogue)} <code>${name}</code></dt>
          <dd><code>${factText(value)}</code></dd>`,
      )}
    </dl>`;
  }

  #person(e: Example): TemplateResult {
    const amounts = Object.keys({ ...e.baseline.amounts, ...e.proposal.amounts });
    const money = amounts
      .map((a) => `${formatMoney(e.baseline.amounts[a] ?? 0)} → ${formatMoney(e.proposal.amounts[a] ?? 0)}`)
      .join('; ');
    const read = this.facts.filter((f) => Object.hasOwn(e.facts, f));
    const others = Object.entries(e.facts).filter(([f]) => !read.includes(f));
    return html`<details class="person">
      <summary>
        ${t('trials.example.summary', { line: formatNumber(e.line), before: e.baseline.outcome, after: e.proposal.outcome })}${
          money ? html`, ${money}` : nothing
        }
      </summary>
      <div class="body">
        ${read.length ? this.#facts(read.map((f) => [f, e.facts[f]])) : this.#facts(Object.entries(e.facts))}
        ${
          read.length && others.length
            ? html`<details class="more">
              <summary>${t('trials.example.otherFacts', { count: others.length })}</summary>
              ${this.#facts(others)}
            </details>`
            : nothing
        }
        <div class="answers">
          <ri-trial-answer .answer=${e.baseline} .catalogue=${this.catalogue} heading=${t('trials.example.baseline')}></ri-trial-answer>
          <ri-trial-answer .answer=${e.proposal} .catalogue=${this.catalogue} heading=${t('trials.example.proposal')}></ri-trial-answer>
        </div>
      </div>
    </details>`;
  }

  override render(): TemplateResult {
    const kinds = Object.entries(this.examples);
    if (!kinds.length) return html`<p>${t('trials.example.none')}</p>`;
    return html`${kinds.map(
      ([kind, people]) => html`<section aria-label=${kindLabel(kind, this.catalogue)}>
        <h4>${kindLabel(kind, this.catalogue)} <code>${kind}</code></h4>
        <p class="muted">${t('trials.example.shown', { count: formatNumber(people.length) })}</p>
        ${people.map((p) => this.#person(p))}
      </section>`,
    )}`;
  }
}

customElements.define('ri-trial-examples', RiTrialExamples);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-examples': RiTrialExamples;
  }
}
