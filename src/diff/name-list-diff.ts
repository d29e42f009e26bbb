import { makeChange } from './change.ts';
import type { Change } from './types.ts';

/**
 * The facts (`facts:`) or parameters (`parameters:`) a rule set reads: one change per name added
 * (in the order of `after`) or removed (in the order of `before`). Their order carries no meaning.
 */
export function diffNameList(list: 'facts' | 'parameters', before: readonly string[], after: readonly string[]): Change[] {
  const had = new Set(before);
  const has = new Set(after);
  const fact = list === 'facts';
  const changes: Change[] = [];
  for (const name of after) {
    if (had.has(name)) continue;
    changes.push(
      fact
        ? makeChange(
            'fact_added',
            `facts[${name}]`,
            { after: name },
            `Dodano fakt ${name} do czytanych faktów`,
            `Fact ${name} added to the facts read`,
          )
        : makeChange(
            'parameter_added',
            `parameters[${name}]`,
            { after: name },
            `Dodano parametr ${name} do czytanych parametrów`,
            `Parameter ${name} added to the parameters read`,
          ),
    );
  }
  for (const name of before) {
    if (has.has(name)) continue;
    changes.push(
      fact
        ? makeChange(
            'fact_removed',
            `facts[${name}]`,
            { before: name },
            `Usunięto fakt ${name} z czytanych faktów`,
            `Fact ${name} removed from the facts read`,
          )
        : makeChange(
            'parameter_removed',
            `parameters[${name}]`,
            { before: name },
            `Usunięto parametr ${name} z czytanych parametrów`,
            `Parameter ${name} removed from the parameters read`,
          ),
    );
  }
  return changes;
}
