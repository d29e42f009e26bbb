import { type Expr, namesIn } from '../expr/ast.ts';
import { placeholders } from '../load/templates.ts';
import type { LocalText } from '../schema/common.ts';
import type { IrCondition, IrDefine, IrEffect } from './types.ts';

/**
 * Which parameters a piece of a rule set relies on, through its definitions: an answer
 * carries the caveats of the parameters its deciding rules rely on, and of no others.
 */
export class Reliance {
  private readonly viaDefine = new Map<string, Set<string>>();

  constructor(defines: readonly IrDefine[]) {
    for (const d of defines) this.viaDefine.set(d.name, this.ofNames(namesIn(d.expr).map((n) => (n.k === 'name' ? n.name : ''))));
  }

  private ofNames(names: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const name of names) {
      if (name.includes('.')) out.add(name);
      for (const p of this.viaDefine.get(name) ?? []) out.add(p);
    }
    return out;
  }

  exprs(exprs: readonly Expr[]): Set<string> {
    return this.ofNames(exprs.flatMap((e) => namesIn(e).map((n) => (n.k === 'name' ? n.name : ''))));
  }

  condition(c: IrCondition | undefined): Set<string> {
    return this.exprs(c ? conditionExprs(c) : []);
  }

  effect(e: IrEffect | undefined): Set<string> {
    if (!e) return new Set();
    return this.exprs([...e.values.flatMap(([, v]) => (v.k === 'expr' ? [v.expr] : [])), ...e.amounts.map(([, x]) => x)]);
  }

  texts(texts: readonly (LocalText | undefined)[]): Set<string> {
    return this.ofNames(texts.flatMap((t) => (t ? [...placeholders(t.pl), ...placeholders(t.en)].map((p) => p.name) : [])));
  }
}

/** Every expression a condition tree compares or tests, in order. */
export function conditionExprs(c: IrCondition): Expr[] {
  switch (c.k) {
    case 'all':
    case 'any':
      return c.items.flatMap(conditionExprs);
    case 'not':
      return conditionExprs(c.item);
    case 'compare':
      return [c.left, c.right];
    case 'test':
      return [c.expr];
  }
}

/** The union of several sets, as a sorted list. */
export function union(...sets: Iterable<string>[]): string[] {
  return [...new Set(sets.flatMap((s) => [...s]))].sort();
}
