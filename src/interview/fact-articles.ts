import { factsReader } from '../decide/three-valued.ts';
import { conditionExprs } from '../ir/reliance.ts';
import type { IrRuleSet } from '../ir/types.ts';

/** For each fact, the articles of the rules that read it (in the condition or in what the rule gives). */
export function articlesByFact(ir: IrRuleSet): Map<string, string[]> {
  const read = factsReader(ir);
  const out = new Map<string, string[]>();
  for (const rule of ir.rules) {
    const exprs = [
      ...(rule.when ? conditionExprs(rule.when) : []),
      ...[rule.ifMet, rule.ifFailed].flatMap((e) => (e ? e.amounts.map(([, x]) => x) : [])),
    ];
    for (const f of read(exprs)) {
      const list = out.get(f) ?? [];
      if (!list.includes(rule.basis)) list.push(rule.basis);
      out.set(f, list);
    }
  }
  for (const effect of ir.results.values()) {
    for (const f of read(effect.amounts.map(([, x]) => x))) {
      const list = out.get(f) ?? [];
      if (!list.includes(ir.law.basis)) list.push(ir.law.basis);
      out.set(f, list);
    }
  }
  return out;
}
