import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Expr } from '../expr/ast.ts';
import { toValue, type Value } from '../expr/value.ts';
import type { IrCondition, IrEffect, IrRuleSet } from '../ir/types.ts';
import { DATE_NAME } from '../load/expression-context.ts';
import { conditionSource } from './condition-source.ts';

/**
 * Turns one validated rule-set version into the source of a plain function. Only the
 * intermediate form is read: names become array indices, texts are JSON-escaped literals,
 * so nothing written in a rule file reaches the code as code.
 */
export interface Generated {
  source: string;
  /** Constants the source refers to as K[i] (rationals and default values). */
  constants: Value[];
  /** Parameter ids, in the order the source refers to them as P[i]. */
  parameters: string[];
}

const OPS: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' };

/**
 * `explain` generates the form whose answer also says what its explanation needs: for each reason whether its
 * condition held, which caveats' conditions held, and (into the set PR) which parameters it read; its conditions
 * evaluate every item, as json-rules-engine does, so that it reads what the interpreter reads.
 */
export function generate(ir: IrRuleSet, catalogue: Catalogue, explain = false): Generated {
  const constants: Value[] = [];
  const constant = (v: Value) => {
    constants.push(v);
    return `K[${constants.length - 1}]`;
  };
  const factIndex = new Map(ir.facts.map((f, i) => [f, i]));
  const parameters = [...new Set(ir.parameters)];
  const paramIndex = new Map(parameters.map((p, i) => [p, i]));
  const defineIndex = new Map(ir.defines.map((d, i) => [d.name, i]));
  const q = (s: string) => JSON.stringify(s);

  /** Item fields a predicate over `list` may read, as the checker allowed them. */
  const itemFields = (list: Expr): string[] => {
    if (list.k === 'name') {
      const t = catalogue.factTypes.get(list.name);
      if (t?.k === 'list' && t.of.k === 'record') return Object.keys(t.of.fields);
    }
    return ['item'];
  };

  const expr = (e: Expr, locals: ReadonlySet<string>): string => {
    switch (e.k) {
      case 'num':
        return constant(e.value);
      case 'str':
        return q(e.value);
      case 'bool':
        return e.value ? 'true' : 'false';
      case 'list':
        return `[${e.items.map((i) => expr(i, locals)).join(', ')}]`;
      case 'name': {
        if (locals.has(e.name)) return `R.field(it, ${q(e.name)})`;
        if (e.name === DATE_NAME) return 'D';
        const d = defineIndex.get(e.name);
        if (d !== undefined) return `d${d}()`;
        const p = paramIndex.get(e.name);
        if (p !== undefined) return explain ? `(PR.add(${p}), R.param(P[${p}]))` : `R.param(P[${p}])`;
        const f = factIndex.get(e.name);
        if (f !== undefined) return `f${f}`;
        throw new Error(`unresolved name ${e.name}`);
      }
      case 'unary':
        return e.op === 'not' ? `(${expr(e.arg, locals)} !== true)` : `R.neg(${expr(e.arg, locals)})`;
      case 'binary': {
        const l = expr(e.left, locals);
        const r = expr(e.right, locals);
        if (e.op === 'and') return `(${l} === true && ${r} === true)`;
        if (e.op === 'or') return `(${l} === true || ${r} === true)`;
        const op = OPS[e.op];
        return op ? `R.${op}(${l}, ${r})` : `R.cmp(${q(e.op)}, ${l}, ${r})`;
      }
      case 'call':
        return call(e, locals);
    }
  };

  const predicate = (listExpr: Expr, body: Expr, locals: ReadonlySet<string>) =>
    `((it) => ${expr(body, new Set([...locals, ...itemFields(listExpr)]))})`;

  const call = (e: Expr & { k: 'call' }, locals: ReadonlySet<string>): string => {
    // Arguments are generated on demand, so a predicate's body is generated only with its item's names in scope.
    const arg = (i: number) => expr(e.args[i] as Expr, locals);
    const args = () => e.args.map((x) => expr(x, locals)).join(', ');
    const [x0, x1] = e.args;
    switch (e.fn) {
      case 'min':
      case 'max':
      case 'overlaps':
      case 'percent':
      case 'floor':
        return `R.${e.fn}(${args()})`;
      case 'if':
        return `(${arg(0)} === true ? ${arg(1)} : ${arg(2)})`;
      case 'count':
        return x1 && x0 ? `R.countIf(${arg(0)}, ${predicate(x0, x1, locals)})` : `R.count(${arg(0)})`;
      case 'sum':
      case 'any':
      case 'all':
        return `R.${e.fn}(${arg(0)}, ${predicate(x0 as Expr, x1 as Expr, locals)})`;
      case 'add_months':
        return `R.addMonths(${args()})`;
      case 'add_days':
        return `R.addDays(${args()})`;
      case 'days_between':
        return `R.daysBetween(${args()})`;
      case 'year':
        return `R.year(${arg(0)})`;
      case 'days_in_month':
        return `R.daysInMonth(${arg(0)})`;
      case 'given': {
        const f = x0?.k === 'name' ? factIndex.get(x0.name) : undefined;
        return f === undefined ? 'false' : `(f${f} !== undefined)`;
      }
      default:
        throw new Error(`unknown function ${e.fn}`);
    }
  };

  const condition = (c: IrCondition): string =>
    conditionSource(
      c,
      {
        compare: (x) => `R.cmp(${q(x.op)}, ${expr(x.left, new Set())}, ${expr(x.right, new Set())})`,
        test: (x) => `(${expr(x.expr, new Set())} === true)`,
      },
      explain,
    );

  /** Statements applying an effect to the maps V (values) and A (amounts). */
  const effect = (e: IrEffect | undefined): string =>
    e
      ? [
          ...e.values.map(([n, v]) => `V.set(${q(n)}, ${v.k === 'literal' ? constant(v.value) : expr(v.expr, new Set())});`),
          ...e.amounts.map(([n, x]) => `A.set(${q(n)}, ${expr(x, new Set())});`),
          ...e.append.map(
            ([n, codes]) =>
              `V.set(${q(n)}, [...(Array.isArray(V.get(${q(n)})) ? V.get(${q(n)}) : []), ...${JSON.stringify(codes)}]);`,
          ),
        ].join('\n    ')
      : '';

  const lines: string[] = [];
  ir.facts.forEach((name, i) => {
    const def = catalogue.facts.get(name);
    const fallback = def?.default !== undefined ? constant(toValue(def.default)) : 'undefined';
    // A fact given as undefined counts as left out (a checked request never has one).
    lines.push(`const f${i} = F[${q(name)}] !== undefined ? R.value(F[${q(name)}]) : ${fallback};`);
  });
  ir.defines.forEach((d, i) => {
    lines.push(
      `let d${i}v, d${i}s = false;`,
      `const d${i} = () => (d${i}s ? d${i}v : ((d${i}v = ${expr(d.expr, new Set())}), (d${i}s = true), d${i}v));`,
    );
  });
  ir.rules.forEach((r, i) => {
    lines.push(`const m${i} = ${r.when ? condition(r.when) : 'true'};`);
  });
  if (explain) {
    // Caveats whose condition holds: the rule set's by index, the rules' by rule id (as the engine's run reports them).
    lines.push('const C = []; const RC = [];');
    ir.caveats.forEach((c, i) => {
      lines.push(`if (${c.when ? condition(c.when) : 'true'}) C.push(${i});`);
    });
    for (const r of ir.rules) if (r.caveat?.when) lines.push(`if (${condition(r.caveat.when)}) RC.push(${q(r.id)});`);
  }
  // The outcome: the strongest decided by an applied branch, as decide.ts picks it.
  lines.push('const present = [];');
  ir.rules.forEach((r, i) => {
    if (r.ifMet?.outcome) lines.push(`if (m${i}) present.push(${q(r.ifMet.outcome)});`);
    if (r.ifFailed?.outcome) lines.push(`if (!m${i}) present.push(${q(r.ifFailed.outcome)});`);
  });
  lines.push(`const out = R.pick(${JSON.stringify(ir.precedence)}, present, ${q(ir.defaultOutcome ?? 'undetermined')});`);
  lines.push('const V = new Map(); const A = new Map(); const fired = []; const held = [];');
  const results = [...ir.results].map(([o, e]) => `if (out === ${q(o)}) {\n    ${effect(e)}\n  }`);
  lines.push(...results);
  ir.rules.forEach((r, i) => {
    const metCounts = r.ifMet?.outcome ? `out === ${q(r.ifMet.outcome)}` : 'true';
    lines.push(`if (m${i} && ${metCounts}) {\n    fired.push(${q(r.id)}); held.push(true);\n    ${effect(r.ifMet)}\n  }`);
    if (r.ifFailed) {
      const failCounts = r.ifFailed.outcome ? `out === ${q(r.ifFailed.outcome)}` : 'true';
      lines.push(`if (!m${i} && ${failCounts}) {\n    fired.push(${q(r.id)}); held.push(false);\n    ${effect(r.ifFailed)}\n  }`);
    }
  });
  lines.push(
    explain
      ? 'return { outcome: out, values: V, amounts: A, reasons: fired, held, caveats: C, ruleCaveats: RC };'
      : 'return { outcome: out, values: V, amounts: A, reasons: fired };',
  );
  return { source: `  ${lines.join('\n  ')}`, constants, parameters };
}
