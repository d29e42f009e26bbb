import type { IrCondition } from '../ir/types.ts';

/**
 * A condition tree as JS source, the leaves given by the caller (both compiled forms share the tree's shape).
 * `eager` evaluates every item of all/any, as json-rules-engine does, so that the same parameters are read.
 */
export function conditionSource(
  c: IrCondition,
  leaf: { compare: (c: IrCondition & { k: 'compare' }) => string; test: (c: IrCondition & { k: 'test' }) => string },
  eager = false,
): string {
  const walk = (x: IrCondition): string => {
    switch (x.k) {
      case 'all':
        if (eager) return `[${x.items.map(walk).join(', ')}].every((x) => x)`;
        return `(${x.items.map(walk).join(' && ')})`;
      case 'any':
        if (eager) return `[${x.items.map(walk).join(', ')}].some((x) => x)`;
        return `(${x.items.map(walk).join(' || ')})`;
      case 'not':
        return `!${walk(x.item)}`;
      case 'compare':
        return leaf.compare(x);
      case 'test':
        return leaf.test(x);
    }
  };
  return walk(c);
}
