import { css, html, nothing, type TemplateResult } from 'lit';
import { parseExpression } from '../../../src/expr/parser.ts';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import type { Lexicon } from '../shared/law/lexicon.ts';
import { type LocalText, localText } from '../shared/law/local-text.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { ExpressionWords } from './expression-words.ts';
import { sentenceHtml } from './sentence-html.ts';
import type { Effect } from './version-document.ts';

type ValueSpec = string | number | boolean | (string | number | boolean)[];

/** What a rule decides, in words: the outcome by its name in the UI's language, values and amounts as formulas of labels. */
export class RiRuleEffect extends LocalizedElement {
  static override properties = {
    effect: { attribute: false },
    lex: { attribute: false },
    outcomes: { attribute: false },
  };
  declare effect: Effect | undefined;
  /** What the names of the version stand for. */
  declare lex: Lexicon | undefined;
  /** The outcomes' names, from the catalogue. */
  declare outcomes: Readonly<Record<string, LocalText>>;

  constructor() {
    super();
    this.effect = undefined;
    this.lex = undefined;
    this.outcomes = {};
  }

  static override styles = [
    sharedStyles,
    css`
      p {
        margin: 0.2rem 0;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2rem 0.75rem;
        margin: 0.25rem 0 0.5rem;
      }
      dt {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 0.9em;
      }
      dd {
        margin: 0;
      }
      .outcome {
        font-weight: 700;
      }
      .sub {
        font-weight: 600;
        margin: 0.4rem 0 0;
      }
      .ref {
        text-decoration-style: dotted;
      }
    `,
  ];

  #outcome(code: string): string {
    return localText(this.outcomes[code], code);
  }

  #value(spec: ValueSpec): TemplateResult | string {
    if (Array.isArray(spec)) return spec.map((s) => String(s)).join(', ') || '—';
    if (typeof spec === 'number') return formatNumber(spec);
    if (typeof spec === 'boolean') return t(spec ? 'expr.true' : 'expr.false');
    if (!this.lex) return spec;
    try {
      return sentenceHtml(new ExpressionWords(this.lex).phrase(parseExpression(spec)));
    } catch {
      return html`<code>${spec}</code>`;
    }
  }

  #list(entries: [string, ValueSpec][]): TemplateResult {
    return html`<dl>${entries.map(([name, spec]) => html`<dt>${name}</dt><dd>${this.#value(spec)}</dd>`)}</dl>`;
  }

  override render(): TemplateResult {
    const e = this.effect;
    if (e === undefined) return html``;
    if (typeof e === 'string') return html`<p class="outcome">${t('effect.outcome', { outcome: this.#outcome(e) })}</p>`;
    const values = Object.entries(e.values ?? {});
    const amounts = Object.entries(e.amounts ?? {});
    const append = Object.entries(e.append ?? {});
    return html`${e.outcome ? html`<p class="outcome">${t('effect.outcome', { outcome: this.#outcome(e.outcome) })}</p>` : nothing}
    ${values.length ? html`<p class="sub">${t('effect.values')}</p>${this.#list(values)}` : nothing}
    ${amounts.length ? html`<p class="sub">${t('effect.amounts')}</p>${this.#list(amounts)}` : nothing}
    ${append.map(([list, codes]) => html`<p>${t('effect.append', { list })} <code>${codes.join(', ')}</code></p>`)}`;
  }
}

customElements.define('ri-rule-effect', RiRuleEffect);

declare global {
  interface HTMLElementTagNameMap {
    'ri-rule-effect': RiRuleEffect;
  }
}
