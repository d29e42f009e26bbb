import type { Catalogue } from '../catalogue/catalogue.ts';
import { type Expr, namesIn } from '../expr/ast.ts';
import { compare, evaluate } from '../expr/evaluate.ts';
import { type Value, valuesEqual } from '../expr/value.ts';
import type { IrCondition, IrRuleSet } from '../ir/types.ts';
import { type DecisionScope, makeScope } from './scope.ts';

/** The third truth value: the facts given do not settle it. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Tri = boolean | typeof UNKNOWN;

/** Thrown inside one evaluation when it reads a fact the caller has not given (yet). */
export class UnknownFacts extends Error {
  constructor(readonly facts: readonly string[]) {
    super(`unknown facts: ${facts.join(', ')}`);
    this.name = 'UnknownFacts';
  }
}

/**
 * A decision scope in which the facts not given (and without a default) are unknown: reading one throws
 * UnknownFacts; definitions are evaluated three-valued, so `false and <unknown>` is still false.
 */
export function partialScope(
  ir: IrRuleSet,
  catalogue: Catalogue,
  date: string,
  facts: Record<string, unknown>,
  unknown: ReadonlySet<string>,
): DecisionScope {
  const base = makeScope(ir, catalogue, date, facts);
  const defines = new Map(ir.defines.map((d) => [d.name, d.expr]));
  const computed = new Map<string, Value | typeof UNKNOWN>();
  const facts_ = factsReader(ir);
  const scope: DecisionScope = {
    date: base.date,
    parametersRead: base.parametersRead,
    has(name) {
      if (unknown.has(name)) throw new UnknownFacts([name]);
      return base.has(name);
    },
    get(name) {
      if (unknown.has(name)) throw new UnknownFacts([name]);
      const expr = defines.get(name);
      if (!expr) return base.get(name);
      if (!computed.has(name)) computed.set(name, evaluateTri(expr, scope));
      const v = computed.get(name);
      if (v === UNKNOWN) throw new UnknownFacts(facts_([expr]).filter((f) => unknown.has(f)));
      return v;
    },
  };
  return scope;
}

const truth = (v: Value | typeof UNKNOWN): Tri => (v === UNKNOWN ? UNKNOWN : v === true);

/**
 * Evaluates an expression when some facts are unknown: `and`, `or`, `not` and `if` follow Kleene's
 * logic (a known side can settle them); anything else reading an unknown fact is UNKNOWN.
 */
export function evaluateTri(expr: Expr, scope: DecisionScope): Value | typeof UNKNOWN {
  try {
    if (expr.k === 'binary' && (expr.op === 'and' || expr.op === 'or')) {
      const settles = expr.op === 'or';
      const l = truth(evaluateTri(expr.left, scope));
      if (l === settles) return settles;
      const r = truth(evaluateTri(expr.right, scope));
      if (r === settles) return settles;
      return l === UNKNOWN || r === UNKNOWN ? UNKNOWN : !settles;
    }
    if (expr.k === 'unary' && expr.op === 'not') {
      const v = truth(evaluateTri(expr.arg, scope));
      return v === UNKNOWN ? UNKNOWN : !v;
    }
    if (expr.k === 'call' && expr.fn === 'if' && expr.args.length === 3) {
      const [c, a, b] = expr.args as [Expr, Expr, Expr];
      const cond = truth(evaluateTri(c, scope));
      if (cond !== UNKNOWN) return evaluateTri(cond ? a : b, scope);
      const va = evaluateTri(a, scope);
      const vb = evaluateTri(b, scope);
      return va !== UNKNOWN && vb !== UNKNOWN && valuesEqual(va, vb) ? va : UNKNOWN;
    }
    return evaluate(expr, scope);
  } catch (e) {
    if (e instanceof UnknownFacts) return UNKNOWN;
    throw e;
  }
}

/** A rule's condition under unknown facts: true, false, or UNKNOWN; no condition holds. */
export function conditionTri(c: IrCondition | undefined, scope: DecisionScope): Tri {
  if (!c) return true;
  switch (c.k) {
    case 'all':
    case 'any': {
      const settles = c.k === 'any';
      let open = false;
      for (const item of c.items) {
        const v = conditionTri(item, scope);
        if (v === settles) return settles;
        if (v === UNKNOWN) open = true;
      }
      return open ? UNKNOWN : !settles;
    }
    case 'not': {
      const v = conditionTri(c.item, scope);
      return v === UNKNOWN ? UNKNOWN : !v;
    }
    case 'compare': {
      const l = evaluateTri(c.left, scope);
      const r = evaluateTri(c.right, scope);
      return l === UNKNOWN || r === UNKNOWN ? UNKNOWN : compare(c.op, l, r);
    }
    case 'test':
      return truth(evaluateTri(c.expr, scope));
  }
}

/** The facts some expressions read, directly or through the rule set's definitions, in the rule set's order. */
export function factsReader(ir: IrRuleSet): (exprs: readonly Expr[]) => string[] {
  const defines = new Map(ir.defines.map((d) => [d.name, d.expr]));
  const viaDefine = new Map<string, Set<string>>();
  const facts = new Set(ir.facts);
  const ofExprs = (exprs: readonly Expr[]): Set<string> => {
    const out = new Set<string>();
    for (const n of exprs.flatMap((e) => namesIn(e))) {
      if (n.k !== 'name') continue;
      if (facts.has(n.name)) out.add(n.name);
      const expr = defines.get(n.name);
      if (!expr) continue;
      if (!viaDefine.has(n.name)) {
        viaDefine.set(n.name, new Set()); // a definition that reads itself is refused at load; this only stops a loop
        viaDefine.set(n.name, ofExprs([expr]));
      }
      for (const f of viaDefine.get(n.name) ?? []) out.add(f);
    }
    return out;
  };
  return (exprs) => {
    const found = ofExprs(exprs);
    return ir.facts.filter((f) => found.has(f));
  };
}
