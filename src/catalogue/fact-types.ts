import { z } from 'zod';
import type { Type } from '../expr/types.ts';
import { IsoDay } from '../schema/common.ts';
import type { FactDefinition } from '../schema/facts.ts';

/** The expression type of a fact. */
export function factType(def: FactDefinition): Type {
  switch (def.type) {
    case 'boolean':
      return { k: 'boolean' };
    case 'number':
      return { k: 'number' };
    case 'integer':
      return { k: 'number', integer: true };
    case 'enum':
      return { k: 'string', values: def.values ?? [] };
    case 'date':
      return { k: 'date' };
    case 'list':
      return { k: 'list', of: { k: 'string', values: def.values ?? [] } };
    case 'records': {
      const fields: Record<string, Type> = {};
      for (const [name, f] of Object.entries(def.fields ?? {})) {
        fields[name] = f.type === 'boolean' ? { k: 'boolean' } : { k: 'string', values: f.values ?? [] };
      }
      return { k: 'list', of: { k: 'record', fields } };
    }
  }
}

/** A zod schema for a caller's value of this fact, so a wrong value is refused with the fact named. */
export function factValueSchema(def: FactDefinition): z.ZodType {
  let schema = schemas.get(def);
  if (!schema) {
    schema = buildSchema(def);
    schemas.set(def, schema);
  }
  return schema;
}

// Built once per definition: building a zod schema costs more than checking a value with it (every decision checks).
const schemas = new WeakMap<FactDefinition, z.ZodType>();

function buildSchema(def: FactDefinition): z.ZodType {
  switch (def.type) {
    case 'boolean':
      return z.boolean();
    case 'number':
    case 'integer': {
      let s = def.type === 'integer' ? z.number().int() : z.number();
      if (def.min !== undefined) s = s.min(def.min);
      if (def.max !== undefined) s = s.max(def.max);
      return s;
    }
    case 'enum':
      return z.enum((def.values ?? []) as [string, ...string[]]);
    case 'date':
      return IsoDay;
    case 'list':
      return z.array(z.enum((def.values ?? []) as [string, ...string[]]));
    case 'records':
      return z.array(
        z.strictObject(
          Object.fromEntries(
            Object.entries(def.fields ?? {}).map(([name, f]) => [
              name,
              f.type === 'boolean' ? z.boolean() : z.enum((f.values ?? []) as [string, ...string[]]),
            ]),
          ),
        ),
      );
  }
}
