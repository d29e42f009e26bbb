import { arrow, makeChange, show } from './change.ts';
import { expressionText } from './expression-text.ts';
import type { Change } from './types.ts';

type Defines = Record<string, string | number> | undefined;

/**
 * Named definitions (`define:`), compared by name as normalised expressions: changed or added in the
 * order of `after`, then removed in the order of `before`.
 */
export function diffDefines(before: Defines, after: Defines): Change[] {
  const b = new Map(Object.entries(before ?? {}).map(([k, v]) => [k, expressionText(v)] as const));
  const a = new Map(Object.entries(after ?? {}).map(([k, v]) => [k, expressionText(v)] as const));
  const changes: Change[] = [];
  for (const [name, text] of a) {
    const old = b.get(name);
    if (old === undefined) {
      changes.push(
        makeChange(
          'define_added',
          `define.${name}`,
          { after: text },
          `Dodano definicję ${name}: ${show(text, 'pl')}`,
          `Definition ${name} added: ${show(text, 'en')}`,
        ),
      );
    } else if (old !== text) {
      changes.push(
        makeChange(
          'define_changed',
          `define.${name}`,
          { before: old, after: text },
          `Zmieniono definicję ${name}: ${arrow(old, text, 'pl')}`,
          `Definition ${name} changed: ${arrow(old, text, 'en')}`,
        ),
      );
    }
  }
  for (const [name, text] of b) {
    if (a.has(name)) continue;
    changes.push(
      makeChange(
        'define_removed',
        `define.${name}`,
        { before: text },
        `Usunięto definicję ${name} (była: ${show(text, 'pl')})`,
        `Definition ${name} removed (was: ${show(text, 'en')})`,
      ),
    );
  }
  return changes;
}
