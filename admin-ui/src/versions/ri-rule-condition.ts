import { css, html, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { ConditionNode } from './condition-tree.ts';
import { sentenceHtml } from './sentence-html.ts';

/**
 * A condition as nested lists a lawyer reads: "wszystkie z:", "co najmniej jedno z:", "nie:" over sentences
 * such as "Dni nieusprawiedliwionej nieobecności: więcej niż 3". Lists, so screen readers announce the nesting.
 */
export class RiRuleCondition extends LocalizedElement {
  static override properties = { node: { attribute: false } };
  /** The condition, as `conditionTree` builds it. */
  declare node: ConditionNode | undefined;

  constructor() {
    super();
    this.node = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      ul {
        margin: 0.25rem 0;
        padding-left: 1.4rem;
      }
      ul.top {
        padding-left: 0;
        list-style: none;
      }
      li {
        margin: 0.2rem 0;
      }
      .group {
        font-weight: 700;
        color: #3b3f42;
      }
      .ref {
        text-decoration-style: dotted;
      }
    `,
  ];

  #item(node: ConditionNode): TemplateResult {
    switch (node.kind) {
      case 'leaf':
        return html`<li>${sentenceHtml(node.sentence)}</li>`;
      case 'not':
        return html`<li><span class="group">${t('cond.not')}</span><ul>${this.#item(node.item)}</ul></li>`;
      default:
        return html`<li>
          <span class="group">${t(node.kind === 'all' ? 'cond.all' : 'cond.any')}</span>
          <ul>${node.items.map((i) => this.#item(i))}</ul>
        </li>`;
    }
  }

  override render(): TemplateResult {
    return this.node ? html`<ul class="top">${this.#item(this.node)}</ul>` : html``;
  }
}

customElements.define('ri-rule-condition', RiRuleCondition);

declare global {
  interface HTMLElementTagNameMap {
    'ri-rule-condition': RiRuleCondition;
  }
}
