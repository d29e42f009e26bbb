import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/schema/json-schemas.ts';

describe('published JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('schema/%s is what the zod schemas generate (run npm run schema)', (name, schema) => {
    const onDisk = JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8'));
    expect(onDisk).toEqual(schema);
  });

  it('forbids unknown keys in a rule, so editors flag the same typos as the loader', () => {
    const schema = jsonSchemas()['ruleset.schema.json'] as { definitions: Record<string, { additionalProperties?: boolean }> };
    expect(schema.definitions.Rule?.additionalProperties).toBe(false);
    expect(schema.definitions.RuleSetDocument?.additionalProperties).toBe(false);
  });
});
