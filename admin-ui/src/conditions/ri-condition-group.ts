import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { type ConditionContext, conditionChange, renderNode } from './render-node.ts';
import { conditionStyles } from './styles.ts';
import { blankComparison, blankGroup, type ConditionNode, type GroupNode, moveItem, toggleNot } from './tree.ts';
import './ri-condition-comparison.ts';
import './ri-condition-not.ts';

type Action = 'up' | 'down' | 'not' | 'remove';

/**
 * An `all` / `any` group: a switch between the two, its items in order (each with move up, move down, negate and
 * remove), and buttons to add a condition or a nested group. Fires `ri-condition-change` with the new group.
 * The root group (`root`) is the whole condition; emptied, it means the rule always applies.
 */
export class RiConditionGroup extends LocalizedElement {
  static override properties = {
    node: { attribute: false },
    context: { attribute: false },
    label: { type: String },
    root: { type: Boolean },
  };
  declare node: GroupNode;
  declare context: ConditionContext;
  declare label: string;
  declare root: boolean;
  /** Stable keys of the items, so a moved or edited row keeps its element (and its focus and field state). */
  #keys: number[] = [];
  #nextKey = 0;
  /** Where the keyboard goes once the parent hands back the group this element just changed. */
  #pendingFocus: { key: number; action?: Action } | undefined;

  constructor() {
    super();
    this.node = { kind: 'all', items: [] };
    this.context = { names: [], known: new Set() };
    this.label = '';
    this.root = false;
  }

  static override styles = [
    sharedStyles,
    conditionStyles,
    css`
      .mode {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin: 0.25rem 0 0.75rem;
      }
      .mode label {
        margin: 0;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      li {
        display: flex;
        flex-direction: column;
        gap: 0.35rem;
      }
      .joiner {
        font-weight: 700;
        text-transform: uppercase;
        font-size: 0.85rem;
        color: #4a5257;
      }
      .item {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: flex-start;
      }
      .body {
        flex: 1 1 32rem;
        min-width: 0;
      }
      .actions,
      .add {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
      }
      .add {
        margin-top: 0.75rem;
      }
      button[aria-pressed='true'] {
        background: #8a1c14;
        border-color: #8a1c14;
        color: #ffffff;
      }
    `,
  ];

  /** Focuses the all / any switch: where a newly added group takes the keyboard. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLSelectElement>('#mode')?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Keys follow this element's own edits; a node of another length came from outside and gets fresh ones.
    if (changed.has('node') && this.#keys.length !== this.node.items.length) {
      this.#keys = this.node.items.map(() => this.#nextKey++);
    }
  }

  #emit(items: ConditionNode[], keys: number[], focus?: { key: number; action?: Action }): void {
    this.#keys = keys;
    this.dispatchEvent(conditionChange({ kind: this.node.kind, items }));
    this.#pendingFocus = focus;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The edited group comes back from the parent as a new node; only then are the rows to focus in place.
    const focus = this.#pendingFocus;
    if (changed.has('node') && focus) {
      this.#pendingFocus = undefined;
      void this.#focus(focus.key, focus.action);
    }
  }

  /** After the list changed, puts the keyboard back where the user was (a button of the same row), or on the new row. */
  async #focus(key: number, action?: Action): Promise<void> {
    const row = this.renderRoot.querySelector(`li[data-key="${key}"]`);
    if (!row) {
      this.renderRoot.querySelector<HTMLButtonElement>('.add button')?.focus();
      return;
    }
    const button = (a: Action) => row.querySelector<HTMLButtonElement>(`:scope > .item > .actions button[data-action="${a}"]`);
    const target =
      action === 'up' || action === 'down'
        ? [button(action), button(action === 'up' ? 'down' : 'up')]
        : [button(action ?? 'remove')];
    const enabled = target.find((b) => b && !b.disabled);
    if (action) {
      enabled?.focus();
      return;
    }
    const body = row.querySelector(':scope > .item > .body > *') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await body?.updateComplete;
    body?.focus();
  }

  #act(index: number, action: Action): void {
    const { items } = this.node;
    const keys = [...this.#keys];
    const key = keys[index] ?? -1;
    if (action === 'remove') {
      keys.splice(index, 1);
      const next = keys[index] ?? keys[index - 1];
      this.#emit(
        items.filter((_, i) => i !== index),
        keys,
        next === undefined ? { key: -1 } : { key: next, action: 'remove' },
      );
    } else if (action === 'not') {
      this.#emit(
        items.map((n, i) => (i === index ? toggleNot(n) : n)),
        keys,
      );
    } else {
      const to = action === 'up' ? index - 1 : index + 1;
      if (to < 0 || to >= items.length) return;
      this.#emit(moveItem(items, index, to), moveItem(keys, index, to), { key, action });
    }
  }

  #add(node: ConditionNode): void {
    const key = this.#nextKey++;
    this.#emit([...this.node.items, node], [...this.#keys, key], { key });
  }

  #item(node: ConditionNode, index: number, key: number): TemplateResult {
    const n = index + 1;
    const last = this.node.items.length - 1;
    const button = (action: Action, label: string, text: string, disabled = false) =>
      html`<button type="button" class="secondary" data-action=${action} aria-label=${label} ?disabled=${disabled}
        aria-pressed=${action === 'not' ? String(node.kind === 'not') : nothing} @click=${() => this.#act(index, action)}>
        ${text}
      </button>`;
    return html`<li data-key=${key}>
      ${index > 0 ? html`<span class="joiner" aria-hidden="true">${t(this.node.kind === 'all' ? 'conditions.group.and' : 'conditions.group.or')}</span>` : nothing}
      <div class="item">
        <div class="body">
          ${renderNode(node, this.context, t('conditions.item', { n }), (changed) =>
            this.#emit(
              this.node.items.map((old, i) => (i === index ? changed : old)),
              this.#keys,
            ),
          )}
        </div>
        <div class="actions" role="group" aria-label=${t('conditions.item.actions', { n })}>
          ${button('up', t('conditions.item.up', { n }), t('conditions.item.upShort'), index === 0)}
          ${button('down', t('conditions.item.down', { n }), t('conditions.item.downShort'), index === last)}
          ${button('not', t('conditions.item.not', { n }), t('conditions.item.notShort'))}
          ${button('remove', t('conditions.item.remove', { n }), t('conditions.item.removeShort'))}
        </div>
      </div>
    </li>`;
  }

  override render(): TemplateResult {
    const { kind, items } = this.node;
    return html`<fieldset class=${kind}>
      <legend>${this.root ? t('conditions.group.root') : this.label || t('conditions.group.nested')}</legend>
      <div class="mode">
        <label for="mode">${t(this.root ? 'conditions.group.mode' : 'conditions.group.modeNested')}</label>
        <select id="mode" @change=${(e: Event) => this.#setKind((e.target as HTMLSelectElement).value)}>
          <option value="all" ?selected=${kind === 'all'}>${t('conditions.group.all')}</option>
          <option value="any" ?selected=${kind === 'any'}>${t('conditions.group.any')}</option>
        </select>
      </div>
      ${items.length === 0 ? html`<p class="muted">${t(this.root ? 'conditions.none' : 'conditions.group.empty')}</p>` : nothing}
      <ol>
        ${repeat(
          items,
          (_, i) => this.#keys[i] ?? i,
          (item, i) => this.#item(item, i, this.#keys[i] ?? i),
        )}
      </ol>
      <div class="add">
        <button type="button" class="secondary" @click=${() => this.#add(blankComparison())}>+ ${t('conditions.group.add')}</button>
        <button type="button" class="secondary" @click=${() => this.#add(blankGroup(kind))}>+ ${t('conditions.group.addGroup')}</button>
      </div>
    </fieldset>`;
  }

  #setKind(value: string): void {
    if (value !== 'all' && value !== 'any') return;
    this.dispatchEvent(conditionChange({ kind: value, items: this.node.items }));
  }
}

customElements.define('ri-condition-group', RiConditionGroup);

declare global {
  interface HTMLElementTagNameMap {
    'ri-condition-group': RiConditionGroup;
  }
}
