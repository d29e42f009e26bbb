import type { IrCondition } from '../ir/types.ts';

/** A condition tree as JS source, the leaves given by the caller (both compiled forms share the tree's shape). */
export function conditionSource(
  c: IrCondition,
  leaf: { compare: (c: IrCondition & { k: 'compare' }) => string; test: (c: IrCondition & { k: 'test' }) => string },
): string {
  const walk = (x: IrCondition): string => {
    switch (x.k) {
      case 'all':
        return `(${x.items.map(walk).join(' && ')})`;
      case 'any':
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
