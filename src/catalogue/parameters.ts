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

  /**
   * The registry as it was known on `day`: rows published after it left out (so the row before holds), or this
   * registry itself when nothing was published after it.
   */
  knownOn(day: string): ParameterRegistry {
    const later = (v: ParameterValue) => v.published_on !== undefined && v.published_on > day;
    if (![...this.defs.values()].some((d) => d.values.some(later))) return this;
    const known = new ParameterRegistry();
    for (const [id, def] of this.defs) known.add(id, { ...def, values: def.values.filter((v) => !later(v)) });
    return known;
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
