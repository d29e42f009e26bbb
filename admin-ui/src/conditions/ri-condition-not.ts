import { html, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { type ConditionContext, conditionChange, renderNode } from './render-node.ts';
import { conditionStyles } from './styles.ts';
import type { NotNode } from './tree.ts';
import './ri-condition-comparison.ts';
import './ri-condition-group.ts';

/**
 * `not`: "it is not true that …" around one node (a row or a group). Negating and un-negating is the parent
 * group's "Nie" button; this element edits what is negated and fires `ri-condition-change` with the new `not`.
 */
export class RiConditionNot extends LocalizedElement {
  static override properties = {
    node: { attribute: false },
    context: { attribute: false },
    label: { type: String },
  };
  declare node: NotNode;
  declare context: ConditionContext;
  declare label: string;

  constructor() {
    super();
    this.node = { kind: 'not', item: { kind: 'test', expr: '' } };
    this.context = { names: [], known: new Set() };
    this.label = '';
  }

  static override styles = [sharedStyles, conditionStyles];

  /** Focuses the first field of what is negated. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('fieldset > :not(legend)')?.focus(options);
  }

  override render(): TemplateResult {
    const legend = this.label ? `${this.label}: ${t('conditions.not.legend')}` : t('conditions.not.legend');
    return html`<fieldset class="not">
      <legend>${legend}</legend>
      ${renderNode(this.node.item, this.context, this.label, (item) => this.dispatchEvent(conditionChange({ kind: 'not', item })))}
    </fieldset>`;
  }
}

customElements.define('ri-condition-not', RiConditionNot);

declare global {
  interface HTMLElementTagNameMap {
    'ri-condition-not': RiConditionNot;
  }
}
