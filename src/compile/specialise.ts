import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Expr } from '../expr/ast.ts';
import type { Type } from '../expr/types.ts';
import { toPlain } from '../expr/value.ts';
import type { IrCondition, IrEffect, IrRuleSet, IrValue } from '../ir/types.ts';
import { DATE_NAME } from '../load/expression-context.ts';
import { rat } from '../money/rational.ts';
import { conditionSource } from './condition-source.ts';
import { FACT_CAP, type Interval, iv, MAX_SAFE } from './interval.ts';

/**
 * The number-specialised form of a rule set: every number is a safe integer over a scale
 * fixed when the code is generated (1 for whole days, 100 for grosze, 1/30-ths after `/ 30`…),
 * so a month's benefit is a few integer multiplications instead of rational arithmetic.
 * The range of each value is known too, so only a product that might pass 2^53 is checked.
 * Anything the integers cannot hold exactly bails out to the general compiled function,
 * which then gives the answer, so the result never changes.
 */
export type Kind =
  | { k: 'num'; s: bigint }
  | { k: 'bool' }
  | { k: 'str' }
  | { k: 'list'; of: Kind }
  | { k: 'rec'; fields: Record<string, Kind> };

/** A construct the specialised form does not cover: that rule set keeps only the general function. */
export class Unsupported extends Error {}

export interface Specialised {
  /** Body of `(R, P, D) => (F) => answer`, where P are the parameters as scaled integers for day D. */
  source: string;
  /** Parameter ids in the order of P, each with the scale its values are multiplied by. */
  parameters: { id: string; scale: bigint }[];
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;
/** A scale, checked to stay a safe integer. */
const scale = (s: bigint) => {
  if (s > MAX_SAFE) throw new Unsupported('scale too large');
  return s;
};
const NUMBER_FACT_SCALE = 100n;
/** Decimal facts are held as integers only below this, where every two-decimal value is its own double. */
const DECIMAL_CAP = 2n ** 40n;

/** The kind of a fact or a define, from its static type. */
export function kindOf(t: Type): Kind {
  switch (t.k) {
    case 'number':
      return { k: 'num', s: t.integer ? 1n : NUMBER_FACT_SCALE };
    case 'boolean':
      return { k: 'bool' };
    case 'string':
    case 'date':
      return { k: 'str' };
    case 'list':
      return { k: 'list', of: kindOf(t.of) };
    case 'record':
      return { k: 'rec', fields: Object.fromEntries(Object.entries(t.fields).map(([n, f]) => [n, kindOf(f)])) };
    case 'any':
      throw new Unsupported('untyped value');
  }
}

interface Code {
  js: string;
  kind: Kind;
  /** For numbers: the range of the scaled integer. */
  range?: Interval;
}

const bigCeil = (x: number) => BigInt(Math.ceil(x));
const bigFloor = (x: number) => BigInt(Math.floor(x));

/** Generates the specialised source, or throws Unsupported. */
export function specialise(ir: IrRuleSet, catalogue: Catalogue): Specialised {
  if (ir.rules.length > 30) throw new Unsupported('more rules than one bit mask holds');
  const q = JSON.stringify;
  const factIndex = new Map(ir.facts.map((f, i) => [f, i]));
  const parameterIds = [...new Set(ir.parameters)];
  const parameters = parameterIds.map((id) => {
    const def = catalogue.parameters.get(id);
    if (!def?.values.length) throw new Unsupported(`no values of parameter ${id}`);
    const values = def.values.map((v) => rat(v.value));
    const s = scale(values.reduce((acc, v) => lcm(acc, v.d), 1n));
    const scaled = values.map((v) => (v.n * s) / v.d);
    const range = { lo: scaled.reduce((a, b) => (b < a ? b : a)), hi: scaled.reduce((a, b) => (b > a ? b : a)) };
    if (!iv.safe(range)) throw new Unsupported(`parameter ${id} too large`);
    return { id, scale: s, range };
  });
  const paramIndex = new Map(parameterIds.map((p, i) => [p, i]));
  const defines = new Map(ir.defines.map((d) => [d.name, d]));
  const factKind = (name: string) => {
    const t = catalogue.factTypes.get(name);
    if (!t) throw new Unsupported(`no fact ${name}`);
    return kindOf(t);
  };
  /** The range a numeric fact is held in; a value outside it goes to the general function. */
  const factRange = (name: string, s: bigint): Interval => {
    const def = catalogue.facts.get(name);
    const cap = s === 1n ? FACT_CAP : DECIMAL_CAP;
    const lo = def?.min === undefined ? -cap : bigCeil(def.min * Number(s));
    const hi = def?.max === undefined ? cap : bigFloor(def.max * Number(s));
    return { lo: lo < -cap ? -cap : lo, hi: hi > cap ? cap : hi };
  };
  /** Facts a caller may leave out with no default: reading one (outside given) bails to the general path. */
  const mayBeAbsent = new Set(
    ir.facts.filter((f) => catalogue.facts.get(f)?.default === undefined && !ir.requiredFacts.includes(f)),
  );

  const num = (c: Code): bigint => {
    if (c.kind.k !== 'num') throw new Unsupported('not a number');
    return c.kind.s;
  };
  const range = (c: Code): Interval => {
    num(c);
    return c.range as Interval;
  };
  /** A number, with an overflow check only where its range passes 2^53. */
  const numeric = (js: string, s: bigint, r: Interval): Code =>
    iv.safe(r)
      ? { js, kind: { k: 'num', s: scale(s) }, range: r }
      : { js: `R.c(${js})`, kind: { k: 'num', s: scale(s) }, range: iv.clamp(r) };
  /** `c` brought to scale `to` (a multiple of its own). */
  const at = (c: Code, to: bigint): Code => {
    const by = to / num(c);
    return by === 1n ? c : numeric(`${c.js} * ${by}`, to, iv.mul(range(c), iv.point(by)));
  };
  const sameKind = (a: Kind, b: Kind) => a.k === b.k;

  /** Per-call state a name needs: facts are locals of the answer function, so some code must stay inside it. */
  let readsCallState = false;
  /** Facts known to be given where code is being generated (the `then` of `if(given(x), …)`, the right of `given(x) and …`). */
  const known = new Set<string>();
  /** `gen` with the fact `test` tests by given() known to be given. */
  const knowing = <T>(test: Expr | undefined, gen: () => T): T => {
    const f = test?.k === 'call' && test.fn === 'given' && test.args[0]?.k === 'name' ? test.args[0].name : undefined;
    if (f === undefined || known.has(f)) return gen();
    known.add(f);
    try {
      return gen();
    } finally {
      known.delete(f);
    }
  };
  /** Set while generating a define: it reads a fact that may be absent, so it must stay lazy. */
  let readsAbsent = false;

  const helpers: string[] = [];
  const predicate = (list: Code, body: Expr, locals: Map<string, Kind>): { fn: string; kind: Kind; range?: Interval } => {
    if (list.kind.k !== 'list') throw new Unsupported('predicate over a non-list');
    const of = list.kind.of;
    const inner = new Map(locals);
    if (of.k === 'rec') for (const [n, k] of Object.entries(of.fields)) inner.set(n, k);
    else inner.set('item', of);
    const outer = readsCallState;
    readsCallState = false;
    const b = expr(body, inner, of.k === 'rec' ? 'rec' : 'item');
    const inside = readsCallState;
    readsCallState = outer || inside;
    if (inside) return { fn: `((it) => ${b.js})`, kind: b.kind, ...(b.range ? { range: b.range } : {}) };
    // A predicate over the item alone is made once, not per answer.
    const fn = `q${helpers.length}`;
    helpers.push(`function ${fn}(it) { return ${b.js}; }`);
    return { fn, kind: b.kind, ...(b.range ? { range: b.range } : {}) };
  };

  // Defines: eager locals when they cannot meet an absent fact, memoised expressions otherwise (as lazy as decide()).
  const defineCode = new Map<string, Code & { lazy: boolean; id: number }>();
  const eagerLines: string[] = [];
  const lazyIds: number[] = [];
  let nextDefine = 0;
  const define = (n: string): Code => {
    let c = defineCode.get(n);
    if (!c) {
      const d = defines.get(n);
      if (!d) throw new Unsupported(`no define ${n}`);
      const id = nextDefine++;
      const outer = readsAbsent;
      readsAbsent = false;
      const body = expr(d.expr, new Map());
      const lazy = readsAbsent;
      readsAbsent = outer || lazy;
      if (lazy) lazyIds.push(id);
      else eagerLines.push(`const d${id} = ${body.js};`);
      c = { ...body, js: lazy ? `(s${id} ? v${id} : ((s${id} = true), (v${id} = ${body.js})))` : `d${id}`, lazy, id };
      defineCode.set(n, c);
    }
    if (c.lazy) readsAbsent = true;
    readsCallState = true;
    return c;
  };

  const name = (e: Expr & { k: 'name' }, locals: Map<string, Kind>, item?: 'rec' | 'item'): Code => {
    const local = locals.get(e.name);
    if (local) {
      const js = item === 'rec' ? `it[${q(e.name)}]` : 'it';
      if (local.k === 'num') throw new Unsupported('numbers inside list items');
      return { js, kind: local };
    }
    if (e.name === DATE_NAME) return { js: 'D', kind: { k: 'str' } };
    if (defines.has(e.name)) return define(e.name);
    const p = paramIndex.get(e.name);
    if (p !== undefined) {
      const param = parameters[p] as (typeof parameters)[number];
      return { js: `p${p}`, kind: { k: 'num', s: param.scale }, range: param.range };
    }
    const f = factIndex.get(e.name);
    if (f === undefined) throw new Unsupported(`unresolved name ${e.name}`);
    readsCallState = true;
    const kind = factKind(e.name);
    const absent = mayBeAbsent.has(e.name) && !known.has(e.name);
    if (absent) readsAbsent = true;
    return {
      js: absent ? `R.got(f${f})` : `f${f}`,
      kind,
      ...(kind.k === 'num' ? { range: factRange(e.name, kind.s) } : {}),
    };
  };

  const compare = (op: string, l: Code, r: Code): string => {
    if (op === 'in' || op === 'not in') {
      if (r.kind.k !== 'list' || l.kind.k === 'num' || r.kind.of.k === 'num') throw new Unsupported('in over numbers');
      return `${op === 'in' ? '' : '!'}${r.js}.includes(${l.js})`;
    }
    const js = { '==': '===', '!=': '!==' }[op] ?? op;
    if (l.kind.k === 'num' || r.kind.k === 'num') {
      const s = scale(lcm(num(l), num(r)));
      return `(${at(l, s).js} ${js} ${at(r, s).js})`;
    }
    if (l.kind.k === 'list' || r.kind.k === 'list' || l.kind.k === 'rec' || r.kind.k === 'rec')
      throw new Unsupported('comparing lists');
    if (!sameKind(l.kind, r.kind)) throw new Unsupported('comparing different kinds');
    if (l.kind.k === 'bool' && js !== '===' && js !== '!==') throw new Unsupported('ordering booleans');
    return `(${l.js} ${js} ${r.js})`;
  };

  const arithmetic = (op: '+' | '-' | '*' | '/', l: Code, r: Code, right: Expr): Code => {
    switch (op) {
      case '+':
      case '-': {
        const s = scale(lcm(num(l), num(r)));
        const [a, b] = [at(l, s), at(r, s)];
        return numeric(`${a.js} ${op} ${b.js}`, s, (op === '+' ? iv.add : iv.sub)(range(a), range(b)));
      }
      case '*':
        return numeric(`${l.js} * ${r.js}`, num(l) * num(r), iv.mul(range(l), range(r)));
      case '/': {
        // Only by a constant: x / (p/q) is x·q over a scale |p| times larger.
        if (right.k !== 'num' || right.value.n === 0n) throw new Unsupported('division by a variable');
        const { n, d } = right.value;
        const times = n < 0n ? -d : d;
        const s = num(l) * (n < 0n ? -n : n);
        if (times === 1n) return { ...l, kind: { k: 'num', s: scale(s) } };
        return numeric(`${l.js} * ${times}`, s, iv.mul(range(l), iv.point(times)));
      }
    }
  };

  const expr = (e: Expr, locals: Map<string, Kind>, item?: 'rec' | 'item'): Code => {
    const sub = (x: Expr) => expr(x, locals, item);
    switch (e.k) {
      case 'num': {
        if (e.value.n > MAX_SAFE || -e.value.n > MAX_SAFE) throw new Unsupported('number too large');
        return { js: `${e.value.n}`, kind: { k: 'num', s: scale(e.value.d) }, range: iv.point(e.value.n) };
      }
      case 'str':
        return { js: q(e.value), kind: { k: 'str' } };
      case 'bool':
        return { js: `${e.value}`, kind: { k: 'bool' } };
      case 'list': {
        const items = e.items.map(sub);
        const of = items[0]?.kind ?? { k: 'str' };
        if (of.k === 'num' || items.some((i) => !sameKind(i.kind, of))) throw new Unsupported('list of numbers');
        return { js: `[${items.map((i) => i.js).join(', ')}]`, kind: { k: 'list', of } };
      }
      case 'name':
        return name(e, locals, item);
      case 'unary': {
        const a = sub(e.arg);
        if (e.op === 'not') return { js: `(${a.js} !== true)`, kind: { k: 'bool' } };
        return { js: `(-${a.js})`, kind: { k: 'num', s: num(a) }, range: iv.neg(range(a)) };
      }
      case 'binary': {
        const l = sub(e.left);
        const r = e.op === 'and' ? knowing(e.left, () => sub(e.right)) : sub(e.right);
        switch (e.op) {
          case 'and':
            return { js: `(${l.js} === true && ${r.js} === true)`, kind: { k: 'bool' } };
          case 'or':
            return { js: `(${l.js} === true || ${r.js} === true)`, kind: { k: 'bool' } };
          case '+':
          case '-':
          case '*':
          case '/': {
            const c = arithmetic(e.op, l, r, e.right);
            return { ...c, js: `(${c.js})` };
          }
          default:
            return { js: compare(e.op, l, r), kind: { k: 'bool' } };
        }
      }
      case 'call':
        return call(e, locals, item);
    }
  };

  const call = (e: Expr & { k: 'call' }, locals: Map<string, Kind>, item?: 'rec' | 'item'): Code => {
    const sub = (x: Expr | undefined) => expr(x as Expr, locals, item);
    const [x0, x1, x2] = e.args;
    const whole = (js: string, r: Interval): Code => ({ js, kind: { k: 'num', s: 1n }, range: r });
    switch (e.fn) {
      case 'if': {
        const [c, a, b] = [sub(x0), knowing(x0, () => sub(x1)), sub(x2)];
        if (a.kind.k === 'num' || b.kind.k === 'num') {
          const s = scale(lcm(num(a), num(b)));
          const [sa, sb] = [at(a, s), at(b, s)];
          return { js: `(${c.js} === true ? ${sa.js} : ${sb.js})`, kind: { k: 'num', s }, range: iv.union(range(sa), range(sb)) };
        }
        if (!sameKind(a.kind, b.kind) || a.kind.k === 'list' || a.kind.k === 'rec') throw new Unsupported('if of lists');
        return { js: `(${c.js} === true ? ${a.js} : ${b.js})`, kind: a.kind };
      }
      case 'min':
      case 'max': {
        const xs = e.args.map(sub);
        if (xs.some((x) => x.kind.k !== 'num')) throw new Unsupported('min of days');
        const s = scale(xs.reduce((acc, x) => lcm(acc, num(x)), 1n));
        const scaled = xs.map((x) => at(x, s));
        return {
          js: `Math.${e.fn}(${scaled.map((x) => x.js).join(', ')})`,
          kind: { k: 'num', s },
          range: iv[e.fn](scaled.map(range)),
        };
      }
      case 'percent': {
        const [r, a] = [sub(x0), sub(x1)];
        return numeric(`${r.js} * ${a.js}`, num(r) * num(a) * 100n, iv.mul(range(r), range(a)));
      }
      case 'floor': {
        const a = sub(x0);
        const s = num(a);
        const r = range(a);
        return s === 1n ? a : whole(`R.floorDiv(${a.js}, ${s})`, { lo: r.lo / s - 1n, hi: r.hi / s + 1n });
      }
      case 'count': {
        const list = sub(x0);
        if (!x1) return whole(`${list.js}.length`, { lo: 0n, hi: FACT_CAP });
        return whole(`R.countIf(${list.js}, ${predicate(list, x1, locals).fn})`, { lo: 0n, hi: FACT_CAP });
      }
      case 'sum': {
        const list = sub(x0);
        const p = predicate(list, x1 as Expr, locals);
        if (p.kind.k !== 'num') throw new Unsupported('sum of non-numbers');
        return { js: `R.sum(${list.js}, ${p.fn})`, kind: p.kind, range: iv.full() };
      }
      case 'any':
      case 'all': {
        const list = sub(x0);
        const p = predicate(list, x1 as Expr, locals);
        return { js: `${list.js}.${e.fn === 'any' ? 'some' : 'every'}(${p.fn})`, kind: { k: 'bool' } };
      }
      case 'overlaps':
        return { js: `R.overlaps(${sub(x0).js}, ${sub(x1).js})`, kind: { k: 'bool' } };
      case 'add_months':
      case 'add_days': {
        const [d, n] = [sub(x0), sub(x1)];
        const fn = e.fn === 'add_months' ? 'addMonths' : 'addDays';
        return { js: `R.${fn}(${d.js}, R.whole(${n.js}, ${num(n)}))`, kind: { k: 'str' } };
      }
      case 'days_between':
        return whole(`R.daysBetween(${sub(x0).js}, ${sub(x1).js})`, { lo: -4_000_000n, hi: 4_000_000n });
      case 'year':
        return whole(`R.year(${sub(x0).js})`, { lo: 0n, hi: 9999n });
      case 'days_in_month':
        return whole(`R.daysInMonth(${sub(x0).js})`, { lo: 28n, hi: 31n });
      case 'given': {
        const f = x0?.k === 'name' ? factIndex.get(x0.name) : undefined;
        if (f !== undefined) readsCallState = true;
        return { js: f === undefined ? 'false' : `(f${f} !== undefined)`, kind: { k: 'bool' } };
      }
      default:
        throw new Unsupported(`function ${e.fn}`);
    }
  };

  const condition = (c: IrCondition): string =>
    conditionSource(c, {
      compare: (x) => compare(x.op, expr(x.left, new Map()), expr(x.right, new Map())),
      test: (x) => `(${expr(x.expr, new Map()).js} === true)`,
    });

  /** A value as decide() gives it: numbers as JS numbers, lists copied. */
  const plain = (c: Code): string => {
    switch (c.kind.k) {
      case 'num':
        // `+ 0` turns a -0 (from 0 * -1) into the 0 that a rational gives.
        return c.kind.s === 1n ? `(${c.js} + 0)` : `(${c.js} / ${c.kind.s} + 0)`;
      case 'list':
        if (c.kind.of.k !== 'str' && c.kind.of.k !== 'bool') throw new Unsupported('list of records as a value');
        return `${c.js}.slice()`;
      case 'rec':
        throw new Unsupported('record as a value');
      default:
        return c.js;
    }
  };
  const valueCode = (v: IrValue) => (v.k === 'literal' ? q(toPlain(v.value)) : plain(expr(v.expr, new Map())));
  const amountOf = (x: Expr) => {
    const a = expr(x, new Map());
    const r = range(a);
    // Rounding needs |x|·200 + 2·scale to stay exact.
    const big = (r.hi > -r.lo ? r.hi : -r.lo) * 200n + 2n * num(a) > MAX_SAFE;
    return `R.${big ? 'money' : 'moneySafe'}(${a.js}, ${num(a)})`;
  };
  // Every list in V was made for this answer (literals, copies, appends), so appending in place shares nothing.
  const appends = (e: IrEffect) =>
    e.append.map(
      ([n, codes]) =>
        `{ const x = V[${q(n)}]; if (Array.isArray(x)) x.push(${codes.map((c) => q(c)).join(', ')}); else V[${q(n)}] = ${q(codes)}; }`,
    );
  /** A rule's effect on the values V and amounts A an outcome's results began. */
  const effect = (e: IrEffect | undefined): string[] =>
    e
      ? [
          ...e.values.map(([n, v]) => `V[${q(n)}] = ${valueCode(v)};`),
          ...e.amounts.map(([n, x]) => `A[${q(n)}] = ${amountOf(x)};`),
          ...appends(e),
        ]
      : [];
  /** An outcome's results, as object literals: the same keys in the same order as setting them one by one. */
  const results = (e: IrEffect): string[] => [
    `V = { ${e.values.map(([n, v]) => `${q(n)}: ${valueCode(v)}`).join(', ')} };`,
    `A = { ${e.amounts.map(([n, x]) => `${q(n)}: ${amountOf(x)}`).join(', ')} };`,
    ...appends(e),
  ];

  const loads: string[] = [];
  ir.facts.forEach((factName, i) => {
    const def = catalogue.facts.get(factName);
    const kind = factKind(factName);
    let load = '';
    if (kind.k === 'num') {
      const r = factRange(factName, kind.s);
      load =
        kind.s === 1n
          ? `if (!(Number.isInteger(f${i}) && f${i} >= ${r.lo} && f${i} <= ${r.hi})) R.bail();`
          : `f${i} = R.dec(f${i}, ${kind.s}, ${r.lo}, ${r.hi});`;
    }
    // As in the general function, a fact given as undefined is left out (a checked request never has one).
    if (kind.k === 'num' && def?.default !== undefined) {
      const d = BigInt(defaultLiteral(def.default, kind));
      const r = factRange(factName, kind.s);
      if (d < r.lo || d > r.hi) throw new Unsupported(`default of ${factName} outside its range`);
    }
    const absent =
      def?.default !== undefined
        ? `f${i} = ${defaultLiteral(def.default, kind)};`
        : ir.requiredFacts.includes(factName)
          ? 'R.bail();'
          : '';
    loads.push(`let f${i} = F[${q(factName)}];`);
    if (absent && load) loads.push(`if (f${i} === undefined) ${absent} else { ${load} }`);
    else if (absent) loads.push(`if (f${i} === undefined) ${absent}`);
    else if (load) loads.push(`if (f${i} !== undefined) { ${load} }`);
  });

  const matches = ir.rules.map((r, i) => `const m${i} = ${r.when ? condition(r.when) : 'true'};`);

  // The outcome, as strongestOutcome picks it: by precedence, then the first decided in rule order.
  const decided: { cond: string; outcome: string }[] = [];
  ir.rules.forEach((r, i) => {
    if (r.ifMet?.outcome) decided.push({ cond: `m${i}`, outcome: r.ifMet.outcome });
    if (r.ifFailed?.outcome) decided.push({ cond: `!m${i}`, outcome: r.ifFailed.outcome });
  });
  const ranked = [
    ...ir.precedence.map((o) => ({ outcome: o, conds: decided.filter((d) => d.outcome === o).map((d) => d.cond) })),
    ...decided.filter((d) => !ir.precedence.includes(d.outcome)).map((d) => ({ outcome: d.outcome, conds: [d.cond] })),
  ].filter((x) => x.conds.length > 0);
  const tail = [
    `const out = ${ranked.map((x) => `(${x.conds.join(' || ')}) ? ${q(x.outcome)} : `).join('')}${q(ir.defaultOutcome ?? 'undetermined')};`,
    'let V, A, fired = 0;',
    `${[...ir.results].map(([o, e]) => `if (out === ${q(o)}) { ${results(e).join(' ')} } else `).join('')}{ V = {}; A = {}; }`,
  ];
  ir.rules.forEach((r, i) => {
    const metCounts = r.ifMet?.outcome ? ` && out === ${q(r.ifMet.outcome)}` : '';
    tail.push(`if (m${i}${metCounts}) { fired |= ${1 << i}; ${effect(r.ifMet).join(' ')} }`);
    if (r.ifFailed) {
      const failCounts = r.ifFailed.outcome ? ` && out === ${q(r.ifFailed.outcome)}` : '';
      tail.push(`if (!m${i}${failCounts}) { fired |= ${1 << i}; ${effect(r.ifFailed).join(' ')} }`);
    }
  });
  tail.push('return new R.Answer(out, A, V, fired, IDS);');

  const body = [...loads, ...lazyIds.map((id) => `let s${id} = false, v${id};`), ...eagerLines, ...matches, ...tail];
  const source = [
    ...parameters.map((_, i) => `const p${i} = P[${i}];`),
    `const IDS = ${q(ir.rules.map((r) => r.id))};`,
    ...helpers,
    `return function run(F) {\n    ${body.join('\n    ')}\n  };`,
  ].join('\n  ');
  if (source.length > 200_000) throw new Unsupported('generated code too large');
  return { source: `  ${source}`, parameters: parameters.map(({ id, scale }) => ({ id, scale })) };
}

/** A fact's default as the specialised code holds it (numbers already scaled). */
function defaultLiteral(value: unknown, kind: Kind): string {
  if (kind.k !== 'num') return JSON.stringify(value);
  const scaled = rat(value as number).mul(rat(Number(kind.s)));
  if (scaled.d !== 1n || scaled.n > MAX_SAFE || -scaled.n > MAX_SAFE)
    throw new Unsupported('default not a whole number of its scale');
  return `${scaled.n}`;
}
