import { html, type TemplateResult } from 'lit';
import type { ConditionName } from './names.ts';
import type { ConditionNode } from './tree.ts';

/** What every element of the builder needs besides its node: the names it may pick and those it knows. */
export interface ConditionContext {
  names: readonly ConditionName[];
  known: ReadonlySet<string>;
}

/** Fired by each node's element with the node as it is after an edit; the parent puts it in its place. */
export const CONDITION_CHANGE = 'ri-condition-change';
export type ConditionChangeEvent = CustomEvent<{ node: ConditionNode }>;

/** The event an element fires when the user changed its node. */
export function conditionChange(node: ConditionNode): ConditionChangeEvent {
  return new CustomEvent(CONDITION_CHANGE, { detail: { node } });
}

/**
 * The element for a node: `ri-condition-group`, `ri-condition-not`, or `ri-condition-comparison` (which also edits
 * a plain test). `label` names the node for assistive technology ("Warunek 2"). The elements register themselves;
 * each one that renders children imports them.
 */
export function renderNode(
  node: ConditionNode,
  context: ConditionContext,
  label: string,
  onChange: (node: ConditionNode) => void,
): TemplateResult {
  const changed = (e: ConditionChangeEvent) => onChange(e.detail.node);
  switch (node.kind) {
    case 'all':
    case 'any':
      return html`<ri-condition-group .node=${node} .context=${context} .label=${label} @ri-condition-change=${changed}></ri-condition-group>`;
    case 'not':
      return html`<ri-condition-not .node=${node} .context=${context} .label=${label} @ri-condition-change=${changed}></ri-condition-not>`;
    default:
      return html`<ri-condition-comparison .node=${node} .context=${context} .label=${label} @ri-condition-change=${changed}></ri-condition-comparison>`;
  }
}
