// The only module that imports json-rules-engine: it turns the intermediate form into engine rules.
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Expr } from '../expr/ast.ts';
import { compare, evaluate, type Scope } from '../expr/evaluate.ts';
import { toPlain, toValue } from '../expr/value.ts';
import type { IrCondition, IrRuleSet } from '../ir/types.ts';

/** Which rules held and which failed, by id; caveats whose condition held (rule set's by index, rules' by rule id). */
export interface EngineRun {
  fired: ReadonlySet<string>;
  failed: ReadonlySet<string>;
  caveats: ReadonlySet<number>;
  ruleCaveats: ReadonlySet<string>;
}

const OPERATORS = {
  '==': 'eq',
  '!=': 'neq',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
  in: 'isIn',
  'not in': 'isNotIn',
} as const;
const SCOPE_FACT = '$scope';
const CAVEAT_PREFIX = '$caveat:';
const RULE_CAVEAT_PREFIX = '$rule-caveat:';

/** The engine of one rule-set version, built once and run per decision. */
export class JreEvaluator {
  private readonly engine: Engine;
  /** The engine conditions of each rule, by id: readable JSON, for display and debugging. */
  readonly conditions = new Map<string, TopLevelCondition>();

  constructor(ir: IrRuleSet) {
    this.engine = new Engine([], { allowUndefinedFacts: false });
    for (const [op, name] of Object.entries(OPERATORS)) {
      this.engine.addOperator(name, (a: unknown, b: unknown) => compare(op, toValue(a), toValue(b)));
    }
    const exprFacts: Expr[] = [];
    const names = new Set<string>();
    const translate = (c: IrCondition): TopLevelCondition | NestedCondition => {
      switch (c.k) {
        case 'all':
          return { all: c.items.map(translate) };
        case 'any':
          return { any: c.items.map(translate) };
        case 'not':
          return { not: translate(c.item) };
        case 'test':
          return { fact: factFor(c.expr), operator: OPERATORS['=='], value: true };
        case 'compare':
          return { fact: factFor(c.left), operator: OPERATORS[c.op], value: valueFor(c.right) };
      }
    };
    const factFor = (e: Expr): string => {
      if (e.k === 'name') {
        names.add(e.name);
        return e.name;
      }
      exprFacts.push(e);
      return `$expr:${exprFacts.length - 1}`;
    };
    const valueFor = (e: Expr): unknown => {
      const literal = literalOf(e);
      return literal !== undefined ? literal : { fact: factFor(e) };
    };
    const top = (c: IrCondition | undefined): TopLevelCondition => {
      if (!c) return { all: [] };
      const t = translate(c);
      return 'all' in t || 'any' in t || 'not' in t ? (t as TopLevelCondition) : { all: [t] };
    };

    for (const rule of ir.rules) {
      const conditions = top(rule.when);
      this.conditions.set(rule.id, conditions);
      this.engine.addRule({ name: rule.id, conditions, event: { type: rule.id } });
    }
    ir.caveats.forEach((c, i) => {
      this.engine.addRule({ name: `${CAVEAT_PREFIX}${i}`, conditions: top(c.when), event: { type: 'caveat' } });
    });
    for (const rule of ir.rules) {
      if (rule.caveat?.when) {
        this.engine.addRule({
          name: `${RULE_CAVEAT_PREFIX}${rule.id}`,
          conditions: top(rule.caveat.when),
          event: { type: 'caveat' },
        });
      }
    }
    for (const name of names) {
      this.engine.addFact(name, async (_p, almanac) => ((await almanac.factValue(SCOPE_FACT)) as Scope).get(name));
    }
    exprFacts.forEach((expr, i) => {
      this.engine.addFact(`$expr:${i}`, async (_p, almanac) => evaluate(expr, (await almanac.factValue(SCOPE_FACT)) as Scope));
    });
  }

  /** Runs every rule against one person's scope. */
  async run(scope: Scope): Promise<EngineRun> {
    const { results, failureResults } = await this.engine.run({ [SCOPE_FACT]: scope });
    const fired = new Set<string>();
    const failed = new Set<string>();
    const caveats = new Set<number>();
    const ruleCaveats = new Set<string>();
    for (const r of results) {
      const name = String(r.name);
      if (name.startsWith(CAVEAT_PREFIX)) caveats.add(Number(name.slice(CAVEAT_PREFIX.length)));
      else if (name.startsWith(RULE_CAVEAT_PREFIX)) ruleCaveats.add(name.slice(RULE_CAVEAT_PREFIX.length));
      else fired.add(name);
    }
    for (const r of failureResults) if (!String(r.name).startsWith('$')) failed.add(String(r.name));
    return { fired, failed, caveats, ruleCaveats };
  }
}

/** The JSON literal of a constant expression (numbers as JS numbers), or undefined. */
function literalOf(e: Expr): unknown {
  if (e.k === 'num' || e.k === 'str' || e.k === 'bool') return toPlain(e.value);
  if (e.k === 'list') {
    const items = e.items.map(literalOf);
    return items.every((i) => i !== undefined) ? items : undefined;
  }
  return undefined;
}

const cache = new WeakMap<IrRuleSet, JreEvaluator>();

/** The engine of a rule-set version, built on first use. */
export function evaluatorFor(ir: IrRuleSet): JreEvaluator {
  let e = cache.get(ir);
  if (!e) {
    e = new JreEvaluator(ir);
    cache.set(ir, e);
  }
  return e;
}
