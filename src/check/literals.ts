import type { Expr } from '../expr/ast.ts';
import type { IrCondition, IrEffect, IrRuleSet } from '../ir/types.ts';

/** Every expression of a version: definitions, conditions, effects, results and caveats. */
export function expressionsOf(ir: IrRuleSet): Expr[] {
  const out: Expr[] = ir.defines.map((d) => d.expr);
  const condition = (c: IrCondition | undefined): void => {
    if (!c) return;
    if (c.k === 'all' || c.k === 'any') c.items.forEach(condition);
    else if (c.k === 'not') condition(c.item);
    else if (c.k === 'compare') out.push(c.left, c.right);
    else out.push(c.expr);
  };
  const effect = (e: IrEffect | undefined): void => {
    if (!e) return;
    for (const [, v] of e.values) if (v.k === 'expr') out.push(v.expr);
    for (const [, a] of e.amounts) out.push(a);
  };
  for (const r of ir.rules) {
    condition(r.when);
    condition(r.caveat?.when);
    effect(r.ifMet);
    effect(r.ifFailed);
  }
  for (const e of ir.results.values()) effect(e);
  for (const c of ir.caveats) condition(c.when);
  return out;
}

/** Every text literal the version's expressions hold. */
export function literalsOf(ir: IrRuleSet): string[] {
  const out: string[] = [];
  const walk = (e: Expr): void => {
    switch (e.k) {
      case 'str':
        out.push(e.value);
        break;
      case 'list':
        e.items.forEach(walk);
        break;
      case 'unary':
        walk(e.arg);
        break;
      case 'binary':
        walk(e.left);
        walk(e.right);
        break;
      case 'call':
        e.args.forEach(walk);
        break;
    }
  };
  expressionsOf(ir).forEach(walk);
  return out;
}
