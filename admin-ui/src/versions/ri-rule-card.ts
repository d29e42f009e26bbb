import { css, html, nothing, type TemplateResult } from 'lit';
import { stringify } from 'yaml';
import { formatValue, valueOn } from '../parameters/parameter-values.ts';
import { t } from '../shared/i18n/translate.ts';
import { confidenceLabel } from '../shared/law/confidence.ts';
import { rulesStyles } from '../shared/law/law-styles.ts';
import type { Lexicon } from '../shared/law/lexicon.ts';
import { type LocalText, localText } from '../shared/law/local-text.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { bilingualTexts } from './bilingual-texts.ts';
import { conditionTree } from './condition-tree.ts';
import { type CaveatDoc, parametersOfRule, type RuleDoc, type VersionDocument } from './version-document.ts';
import './ri-rule-condition.ts';
import './ri-rule-effect.ts';
import '../shared/law/ri-act-link.ts';

/**
 * One rule as a lawyer reads it: its article, its condition in sentences, its Polish and English texts side by
 * side, what it decides, the dated parameters it uses (with their value on the version's first day), its caveat.
 */
export class RiRuleCard extends LocalizedElement {
  static override properties = {
    rule: { attribute: false },
    doc: { attribute: false },
    lex: { attribute: false },
    outcomes: { attribute: false },
    day: { type: String },
  };
  declare rule: RuleDoc | undefined;
  /** The version the rule belongs to (its definitions and parameters). */
  declare doc: VersionDocument | undefined;
  declare lex: Lexicon | undefined;
  declare outcomes: Readonly<Record<string, LocalText>>;
  /** The version's first day: the parameters' values are shown as on it. */
  declare day: string;

  constructor() {
    super();
    this.rule = undefined;
    this.doc = undefined;
    this.lex = undefined;
    this.outcomes = {};
    this.day = '';
  }

  static override styles = [
    sharedStyles,
    rulesStyles,
    css`
      article {
        border: 1px solid #b7cde0;
        border-radius: 4px;
        padding: 0.75rem 1rem;
        margin: 0 0 1rem;
      }
      h3 {
        font-size: 1.15rem;
        margin: 0;
      }
      .id {
        font-weight: 400;
        font-size: 0.9rem;
        color: #3b3f42;
        margin-left: 0.5rem;
      }
      h4 {
        font-size: 0.95rem;
        margin: 0.9rem 0 0.2rem;
      }
      ul.params {
        margin: 0.25rem 0;
        padding-left: 1.25rem;
      }
      .source {
        margin-top: 0.25rem;
        font-size: 0.9rem;
      }
      .source pre {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  #condition(rule: RuleDoc): TemplateResult {
    if (rule.when === undefined || !this.lex) return html`<p>${t('rule.always')}</p>`;
    const source = typeof rule.when === 'string' ? rule.when : stringify(rule.when, { lineWidth: 0 }).trimEnd();
    return html`<ri-rule-condition .node=${conditionTree(rule.when, this.lex)}></ri-rule-condition>
      <details class="source">
        <summary>${t('rule.source')}</summary>
        <pre tabindex="0" role="region" aria-label=${t('rule.source')}><code>${source}</code></pre>
      </details>`;
  }

  #parameters(rule: RuleDoc, doc: VersionDocument): TemplateResult | typeof nothing {
    const ids = parametersOfRule(rule, doc);
    if (!ids.length) return nothing;
    const defs = this.lex?.parameters ?? {};
    return html`<h4>${t('rule.parameters')}</h4>
      <ul class="params">
        ${ids.map((id) => {
          const def = defs[id];
          const now = def && this.day ? valueOn(def.values, this.day) : undefined;
          return html`<li>
            <a class="ref" href="#param-${id}">${localText(def?.label, id)}</a>${
              now && def ? html`: ${formatValue(now.value, def.unit)}` : nothing
            }
          </li>`;
        })}
      </ul>`;
  }

  #caveat(caveat: CaveatDoc): TemplateResult {
    return html`<div class="caveat">
      <h4>${t('rule.caveat', { code: caveat.code })}</h4>
      ${
        caveat.when !== undefined && this.lex
          ? html`<p>${t('rule.caveatWhen')}</p><ri-rule-condition .node=${conditionTree(caveat.when, this.lex)}></ri-rule-condition>`
          : nothing
      }
      ${bilingualTexts(caveat.text, this.lex)}
    </div>`;
  }

  override render(): TemplateResult {
    const rule = this.rule;
    const doc = this.doc;
    if (!rule || !doc) return html``;
    const effect = (key: 'then' | 'else', title: 'rule.then' | 'rule.else') =>
      rule[key] === undefined
        ? nothing
        : html`<h4>${t(title)}</h4>
            <ri-rule-effect .effect=${rule[key]} .lex=${this.lex} .outcomes=${this.outcomes}></ri-rule-effect>`;
    return html`<article aria-labelledby="rule-title">
      <h3 id="rule-title">${rule.basis}<span class="id">${rule.id}</span></h3>
      <p class="act-links"><ri-act-link basis=${rule.basis}></ri-act-link></p>
      ${
        rule.provision_text
          ? html`<figure class="provision">
              <figcaption>${t('act.provision')}</figcaption>
              <blockquote lang="pl">${rule.provision_text.pl}</blockquote>
              ${rule.provision_text.en ? html`<blockquote lang="en">${rule.provision_text.en}</blockquote>` : nothing}
              <p class="muted">${t('act.provisionSource', { source: rule.provision_text.source })}</p>
            </figure>`
          : nothing
      }
      ${
        rule.confidence
          ? html`<p><span class="badge repealed">${t('rule.confidence', { confidence: confidenceLabel(rule.confidence) })}</span></p>`
          : nothing
      }
      <h4>${t('rule.when')}</h4>
      ${this.#condition(rule)}
      ${bilingualTexts(rule.text, this.lex)}
      ${effect('then', 'rule.then')}
      ${rule.text_else ? bilingualTexts(rule.text_else, this.lex, ['rule.textElsePl', 'rule.textElseEn']) : nothing}
      ${effect('else', 'rule.else')}
      ${rule.then === undefined && rule.else === undefined ? html`<p class="muted">${t('rule.noEffect')}</p>` : nothing}
      ${this.#parameters(rule, doc)}
      ${rule.caveat ? this.#caveat(rule.caveat) : nothing}
      ${rule.note ? html`<h4>${t('rule.note')}</h4><p>${rule.note}</p>` : nothing}
    </article>`;
  }
}

customElements.define('ri-rule-card', RiRuleCard);

declare global {
  interface HTMLElementTagNameMap {
    'ri-rule-card': RiRuleCard;
  }
}
