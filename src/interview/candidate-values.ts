import { addDays } from '../dates/iso-date.ts';
import type { Expr } from '../expr/ast.ts';
import { conditionExprs } from '../ir/reliance.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import type { FactDefinition } from '../schema/facts.ts';

/** Every number and day the rules compare with: literals, and the parameters' values on the date. */
export function thresholdsOf(ir: IrRuleSet, library: Library, date: string): { numbers: number[]; days: string[] } {
  const numbers = new Set<number>();
  const days = new Set<string>();
  const visit = (e: Expr): void => {
    switch (e.k) {
      case 'num':
        numbers.add(e.value.toNumber());
        break;
      case 'str':
        if (/^\d{4}-\d{2}-\d{2}$/.test(e.value)) days.add(e.value);
        break;
      case 'name': {
        const p = library.catalogue.parameters.lookup(e.name, date);
        if (p) numbers.add(p.value.toNumber());
        break;
      }
      case 'list':
        e.items.forEach(visit);
        break;
      case 'unary':
        visit(e.arg);
        break;
      case 'binary':
        visit(e.left);
        visit(e.right);
        break;
      case 'call':
        e.args.forEach(visit);
        break;
    }
  };
  for (const r of ir.rules) if (r.when) conditionExprs(r.when).forEach(visit);
  for (const d of ir.defines) visit(d.expr);
  // Sums of a threshold and a parameter (e.g. months completed + edition ≤ limit) are found by trying ±step around each.
  const small = [...numbers].filter((x) => Number.isInteger(x) && Math.abs(x) <= 1000);
  for (const a of small) for (const b of small) if (a > b) numbers.add(a - b);
  return {
    numbers: [...numbers].filter((x) => Number.isFinite(x) && Math.abs(x) < 1e7).sort((a, b) => a - b),
    days: [...days].sort(),
  };
}

/**
 * The values worth trying for one fact: every value of a boolean or an enum, and the boundary values
 * (each threshold and one step either side) of a number or a day, within the fact's bounds.
 */
export function candidateValues(
  def: FactDefinition,
  thresholds: { numbers: readonly number[]; days: readonly string[] },
  date: string,
): unknown[] {
  switch (def.type) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return [...(def.values ?? [])];
    case 'list':
      return [[], ...(def.values ?? []).map((v) => [v])];
    case 'integer':
    case 'number': {
      const step = def.type === 'integer' ? 1 : 0.5;
      const inRange = (x: number) =>
        (def.min === undefined || x >= def.min) &&
        (def.max === undefined || x <= def.max) &&
        (def.type !== 'integer' || Number.isInteger(x));
      const points = thresholds.numbers.flatMap((t) => [t - step, t, t + step]);
      return [...new Set([def.min ?? 0, ...points])].filter(inRange).sort((a, b) => a - b);
    }
    case 'date': {
      const points = [...thresholds.days, date].flatMap((d) => [addDays(d, -1), d]);
      return [...new Set(points)].sort();
    }
    default:
      return [];
  }
}
