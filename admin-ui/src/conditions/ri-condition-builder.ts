import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { stringify } from 'yaml';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { type Catalogue, conditionNames } from './names.ts';
import { conditionToTree } from './read.ts';
import type { ConditionChangeEvent, ConditionContext } from './render-node.ts';
import { type RuleContext, readRuleContext, writeRuleWhen } from './rule-when.ts';
import { conditionStyles } from './styles.ts';
import { asRootGroup, type GroupNode } from './tree.ts';
import { isWritable } from './validate.ts';
import { toCondition } from './write.ts';
import './ri-condition-group.ts';

/** The event the builder fires with the whole new YAML text after each complete edit. */
export type YamlChangeEvent = CustomEvent<{ yaml: string }>;

/**
 * The structured condition builder of one rule: its id and article, its `when` as a tree of elements (all / any
 * groups, not, comparisons and tests), and a preview of the YAML it writes.
 *
 * ```html
 * <ri-condition-builder .yaml=${fullYamlText} .ruleId=${ruleId} .catalogue=${catalogue}
 *   @yaml-change=${(e: YamlChangeEvent) => e.detail.yaml}></ri-condition-builder>
 * ```
 *
 * - `yaml`: the whole rule-set text. A new text is read again, unless it is the one the builder last fired.
 * - `ruleId`: the `id` of the rule whose `when` is edited.
 * - `catalogue`: the body of GET /api/v1/catalogue (labels and types of facts and parameters); optional, the
 *   builder works with bare names until it comes.
 * - `yaml-change` (not bubbling): `detail.yaml` is the whole new text, fired once every field is complete. Only that
 *   rule's `when` changes (compact text for one and / or chain, `all:` / `any:` / `not:` mappings otherwise, no
 *   `when` once the condition is emptied); every other byte stays as it was.
 */
export class RiConditionBuilder extends LocalizedElement {
  static override properties = {
    yaml: { attribute: false },
    ruleId: { type: String },
    catalogue: { attribute: false },
    rule: { state: true },
    tree: { state: true },
    status: { state: true },
  };
  declare yaml: string;
  declare ruleId: string;
  declare catalogue: Catalogue | undefined;
  declare rule: RuleContext | 'yaml' | 'no-rule' | undefined;
  declare tree: GroupNode;
  /** `pending` while a field is incomplete (nothing is written), `written` after a change went to the YAML. */
  declare status: 'idle' | 'pending' | 'written';
  /** The text this builder last fired, which coming back as `yaml` must not reset the tree being edited. */
  #fired: string | undefined;
  #context: ConditionContext = { names: [], known: new Set() };

  constructor() {
    super();
    this.yaml = '';
    this.ruleId = '';
    this.catalogue = undefined;
    this.rule = undefined;
    this.tree = asRootGroup(undefined);
    this.status = 'idle';
  }

  static override styles = [
    sharedStyles,
    conditionStyles,
    css`
      .rule {
        margin: 0 0 0.75rem;
      }
      .status {
        min-height: 1.5em;
        margin: 0.75rem 0 0;
      }
      .pending {
        color: #6b4500;
      }
      pre {
        background: #f3f2f1;
        border: 1px solid #b1b4b6;
        padding: 0.5rem 0.75rem;
        overflow-x: auto;
        margin: 0.25rem 0 0;
      }
      h3 {
        font-size: 1rem;
        margin: 1rem 0 0;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('yaml') && this.yaml !== this.#fired) || changed.has('ruleId')) {
      this.rule = readRuleContext(this.yaml, this.ruleId);
      if (typeof this.rule !== 'string') this.tree = asRootGroup(conditionToTree(this.rule.when));
      this.status = 'idle';
    }
    if (changed.has('yaml') || changed.has('ruleId') || changed.has('catalogue')) {
      const names = conditionNames(
        typeof this.rule === 'object' ? this.rule : { facts: [], parameters: [], defines: [] },
        this.catalogue,
      );
      this.#context = { names, known: new Set(names.map((n) => n.name)) };
    }
  }

  #onTree(e: ConditionChangeEvent): void {
    const tree = e.detail.node;
    if (tree.kind !== 'all' && tree.kind !== 'any') return;
    this.tree = tree;
    if (!isWritable(tree)) {
      this.status = 'pending';
      return;
    }
    let yaml: string;
    try {
      yaml = writeRuleWhen(this.yaml, this.ruleId, toCondition(tree));
    } catch {
      // The text changed under the builder to one without the rule: read it again.
      this.rule = readRuleContext(this.yaml, this.ruleId);
      return;
    }
    this.status = 'written';
    if (yaml === this.yaml) return;
    this.#fired = yaml;
    this.yaml = yaml;
    this.dispatchEvent(new CustomEvent('yaml-change', { detail: { yaml } }) satisfies YamlChangeEvent);
  }

  /** The `when:` as it stands in the YAML (or will once complete), for the reader who knows the file. */
  #preview(): TemplateResult {
    const when = isWritable(this.tree) ? toCondition(this.tree) : undefined;
    const text = when === undefined ? t('conditions.none') : stringify({ when }, { lineWidth: 0, singleQuote: true }).trimEnd();
    return html`<h3 id="preview-title">${t('conditions.preview')}</h3>
      <pre aria-labelledby="preview-title" tabindex="0"><code>${text}</code></pre>`;
  }

  override render(): TemplateResult {
    const rule = this.rule;
    const header = html`<h2>${t('conditions.title')}</h2>
      <p class="rule">
        <strong>${t('conditions.rule', { id: this.ruleId })}</strong>
        ${typeof rule === 'object' && rule.basis ? html` · ${t('conditions.basis', { basis: rule.basis })}` : nothing}
      </p>`;
    if (rule === 'yaml') return html`${header}<p class="alert" role="status">${t('conditions.badYaml')}</p>`;
    if (rule === 'no-rule' || rule === undefined) {
      return html`${header}<p class="alert" role="status">${t('conditions.noRule', { id: this.ruleId })}</p>`;
    }
    return html`${header}
      <ri-condition-group root .node=${this.tree} .context=${this.#context} @ri-condition-change=${this.#onTree}></ri-condition-group>
      <p class="status ${this.status}" role="status">
        ${this.status === 'pending' ? t('conditions.pending') : this.status === 'written' ? t('conditions.written') : ''}
      </p>
      ${this.#preview()}`;
  }
}

customElements.define('ri-condition-builder', RiConditionBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'ri-condition-builder': RiConditionBuilder;
  }
}
