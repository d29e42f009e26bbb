import { type Rational, rat } from '../money/rational.ts';
import type { ParameterDefinition, ParameterValue } from '../schema/parameters.ts';

/** The value of a parameter in force on a day, and where it came from. */
export interface ParameterLookup extends Omit<ParameterValue, 'value'> {
  id: string;
  value: Rational;
  unit: ParameterDefinition['unit'];
}

/** Every dated parameter, by id; values sorted by their start day. */
export class ParameterRegistry {
  private readonly defs = new Map<string, ParameterDefinition>();

  add(id: string, def: ParameterDefinition): void {
    this.defs.set(id, { ...def, values: [...def.values].sort((a, b) => (a.from < b.from ? -1 : 1)) });
  }

  has(id: string): boolean {
    return this.defs.has(id);
  }

  ids(): string[] {
    return [...this.defs.keys()];
  }

  get(id: string): ParameterDefinition | undefined {
    return this.defs.get(id);
  }

  /** The value in force on `date`: the last one starting on or before it; undefined before the first. */
  lookup(id: string, date: string): ParameterLookup | undefined {
    const def = this.defs.get(id);
    if (!def) return undefined;
    let found: ParameterValue | undefined;
    for (const v of def.values) {
      if (v.from <= date) found = v;
      else break;
    }
    return found && { ...found, id, unit: def.unit, value: rat(found.value) };
  }
}
