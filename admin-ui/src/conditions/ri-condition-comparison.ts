import { css, html, nothing, type TemplateResult } from 'lit';
import { language } from '../shared/i18n/language.ts';
import { type PlainMessageKey, t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { expressionField, problemLine, valueField } from './fields.ts';
import { type ConditionName, nameLabel, type ValueKind, valueKind } from './names.ts';
import { type ConditionContext, conditionChange } from './render-node.ts';
import { conditionStyles } from './styles.ts';
import type { ComparisonOp, LeafNode } from './tree.ts';
import { type FieldValue, readValue, writeValue } from './values.ts';

type Op = ComparisonOp | 'test';

/** The relation select's entries: a plain test first, then the comparisons of the language. */
const OPS: readonly (readonly [Op, PlainMessageKey])[] = [
  ['test', 'conditions.op.test'],
  ['==', 'conditions.op.eq'],
  ['!=', 'conditions.op.ne'],
  ['<', 'conditions.op.lt'],
  ['<=', 'conditions.op.le'],
  ['>', 'conditions.op.gt'],
  ['>=', 'conditions.op.ge'],
  ['in', 'conditions.op.in'],
  ['not in', 'conditions.op.notIn'],
];

const GROUPS: readonly (readonly [ConditionName['group'], PlainMessageKey])[] = [
  ['fact', 'conditions.left.facts'],
  ['define', 'conditions.left.defines'],
  ['parameter', 'conditions.left.parameters'],
];

/** The left picker's entry that turns the left side into a free expression field. */
const FREE = '__expression__';

/**
 * One row: `left op right` or a plain test. Left is picked from the rule set's facts, definitions and parameters
 * (labelled from the catalogue in the UI's language) or typed as an expression; the relation is a select, with
 * "holds" for a test; right is a field typed by the left side (enumeration → select, `in` → checkboxes, boolean →
 * yes / no, number, date) or a free expression. Every expression is checked with the core parser as it is typed.
 * Fires `ri-condition-change` with the new leaf.
 */
export class RiConditionComparison extends LocalizedElement {
  static override properties = {
    node: { attribute: false },
    context: { attribute: false },
    label: { type: String },
    leftFree: { state: true },
    rightFree: { state: true },
  };
  declare node: LeafNode;
  declare context: ConditionContext;
  declare label: string;
  /** The user chose "own expression" for the left side (it is also free when it names nothing pickable). */
  declare leftFree: boolean;
  /** The user ticked "type an expression" for the right side (it is also free when no typed field fits). */
  declare rightFree: boolean;

  constructor() {
    super();
    this.node = { kind: 'test', expr: '' };
    this.context = { names: [], known: new Set() };
    this.label = '';
    this.leftFree = false;
    this.rightFree = false;
  }

  static override styles = [
    sharedStyles,
    conditionStyles,
    css`
      .field > label:not(.check) {
        margin: 0;
      }
    `,
  ];

  /** Focuses the left side's picker: where a newly added row takes the keyboard. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLSelectElement>('#left')?.focus(options);
  }

  get #left(): string {
    return this.node.kind === 'test' ? this.node.expr : this.node.left;
  }

  get #op(): Op {
    return this.node.kind === 'test' ? 'test' : this.node.op;
  }

  #name(text: string): ConditionName | undefined {
    const name = text.trim();
    return this.context.names.find((n) => n.name === name);
  }

  get #leftIsFree(): boolean {
    return this.leftFree || (this.#left.trim() !== '' && !this.#name(this.#left));
  }

  #kind(op: Op = this.#op): ValueKind {
    return op === 'test' ? 'free' : valueKind(this.#leftIsFree ? undefined : this.#name(this.#left), op);
  }

  #emit(node: LeafNode): void {
    this.dispatchEvent(conditionChange(node));
  }

  #setLeft(text: string, picked: boolean): void {
    const name = picked ? this.#name(text) : undefined;
    const boolean = name?.fact?.type === 'boolean';
    const node = this.node;
    // Picking a boolean fact makes an empty row a test; picking anything else makes a test a comparison.
    if (node.kind === 'test') {
      this.#emit(name && !boolean ? { kind: 'comparison', left: text, op: '==', right: '' } : { kind: 'test', expr: text });
    } else if (boolean && node.right.trim() === '') {
      this.#emit({ kind: 'test', expr: text });
    } else {
      this.#emit({ ...node, left: text });
    }
  }

  #onLeftPick(value: string): void {
    if (value === FREE) {
      this.leftFree = true;
      return;
    }
    this.leftFree = false;
    this.#setLeft(value, true);
  }

  #onOp(value: string): void {
    const op = OPS.find(([o]) => o === value)?.[0];
    if (!op) return;
    if (op === 'test') {
      this.#emit({ kind: 'test', expr: this.#left });
      return;
    }
    const right = this.node.kind === 'comparison' ? convert(this.node.right, this.#kind(), this.#kind(op)) : '';
    this.#emit({ kind: 'comparison', left: this.#left, op, right });
  }

  #setRight(right: string): void {
    if (this.node.kind === 'comparison') this.#emit({ ...this.node, right });
  }

  #onRightFree(on: boolean): void {
    this.rightFree = on;
    const kind = this.#kind();
    if (!on && this.node.kind === 'comparison' && kind !== 'free' && readValue(kind, this.node.right) === undefined) {
      this.#setRight('');
    }
  }

  #leftField(): TemplateResult {
    const free = this.#leftIsFree;
    const left = this.#left.trim();
    const option = (n: ConditionName) =>
      html`<option value=${n.name} ?selected=${!free && left === n.name}>${nameLabel(n, language())}</option>`;
    const names = this.context.names;
    const empty = !free && left === '';
    return html`<div class="field">
      <label for="left">${t('conditions.left')}</label>
      <select id="left" aria-invalid=${empty ? 'true' : 'false'} aria-describedby=${empty ? 'left-problem' : nothing}
        @change=${(e: Event) => this.#onLeftPick((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${empty}>${t('conditions.left.choose')}</option>
        ${GROUPS.map(([group, key]) => {
          const inGroup = names.filter((n) => n.group === group);
          return inGroup.length ? html`<optgroup label=${t(key)}>${inGroup.map(option)}</optgroup>` : nothing;
        })}
        ${names.filter((n) => n.group === 'date').map((n) => html`<option value=${n.name} ?selected=${!free && left === n.name}>${t('conditions.left.date')}</option>`)}
        <option value=${FREE} ?selected=${free}>${t('conditions.left.expression')}</option>
      </select>
      ${empty ? problemLine('left-problem', { key: 'conditions.error.empty', severity: 'error' }) : nothing}
      ${
        free
          ? expressionField(
              'left-expression',
              t(this.#op === 'test' ? 'conditions.test.expression' : 'conditions.left.expressionField'),
              this.#left,
              this.context.known,
              (text) => this.#setLeft(text, false),
            )
          : nothing
      }
    </div>`;
  }

  #rightField(): TemplateResult | typeof nothing {
    if (this.node.kind !== 'comparison') return nothing;
    const right = this.node.right;
    const kind = this.#kind();
    const typed = kind === 'free' ? undefined : readValue(kind, right);
    const free = kind === 'free' || this.rightFree || typed === undefined;
    return html`<div class="field">
      ${
        free || typed === undefined
          ? expressionField('right', t('conditions.right'), right, this.context.known, (text) => this.#setRight(text))
          : valueField('right', kind, typed, this.#name(this.#left), (v: FieldValue) => this.#setRight(writeValue(kind, v)))
      }
      ${
        kind === 'free'
          ? nothing
          : html`<label class="check"><input type="checkbox" .checked=${free}
              @change=${(e: Event) => this.#onRightFree((e.target as HTMLInputElement).checked)} /> ${t('conditions.right.free')}</label>`
      }
    </div>`;
  }

  override render(): TemplateResult {
    const op = this.#op;
    return html`<fieldset class="leaf">
      <legend class="visually-hidden">${this.label}</legend>
      <div class="row">
        ${this.#leftField()}
        <div class="field">
          <label for="op">${t('conditions.op')}</label>
          <select id="op" @change=${(e: Event) => this.#onOp((e.target as HTMLSelectElement).value)}>
            ${OPS.map(([o, key]) => html`<option value=${o} ?selected=${o === op}>${t(key)}</option>`)}
          </select>
        </div>
        ${this.#rightField()}
      </div>
    </fieldset>`;
  }
}

/** Keeps the value across a change of relation: `"III"` becomes `["III"]` for `in`, and back for one item. */
function convert(right: string, from: ValueKind, to: ValueKind): string {
  if (from === 'enum' && to === 'enum-list') {
    const v = readValue('enum', right);
    return typeof v === 'string' && v ? writeValue('enum-list', [v]) : right;
  }
  if (from === 'enum-list' && to === 'enum') {
    const v = readValue('enum-list', right);
    return Array.isArray(v) && v.length <= 1 ? writeValue('enum', v[0] ?? '') : right;
  }
  return right;
}

customElements.define('ri-condition-comparison', RiConditionComparison);

declare global {
  interface HTMLElementTagNameMap {
    'ri-condition-comparison': RiConditionComparison;
  }
}
