import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { rat } from '../money/rational.ts';
import type { BinaryOp, Expr } from './ast.ts';
import { parseExpression } from './parser.ts';
import { printExpression } from './print.ts';

const RULES = fileURLToPath(new URL('../../rules/', import.meta.url));

/** A tree without offsets, so two parses of differently spaced texts compare equal. */
function shape(e: Expr): unknown {
  switch (e.k) {
    case 'num':
      return ['num', e.text];
    case 'str':
    case 'bool':
      return [e.k, e.value];
    case 'name':
      return ['name', e.name];
    case 'list':
      return ['list', e.items.map(shape)];
    case 'unary':
      return [e.op, shape(e.arg)];
    case 'binary':
      return [e.op, shape(e.left), shape(e.right)];
    case 'call':
      return ['call', e.fn, e.args.map(shape)];
  }
}

const roundTrips = (text: string) => {
  const tree = parseExpression(text);
  const printed = printExpression(tree);
  expect(shape(parseExpression(printed)), `${text} printed as ${printed}`).toEqual(shape(tree));
  return printed;
};

/** Every expression of the rule sets: conditions, definitions, values and amounts. */
function expressionsInRules(): string[] {
  const found: string[] = [];
  const condition = (c: unknown): void => {
    if (typeof c === 'string') found.push(c);
    else if (Array.isArray(c)) c.forEach(condition);
    else if (c && typeof c === 'object') {
      const o = c as Record<string, unknown>;
      for (const key of ['all', 'any', 'not'] as const) if (key in o) condition(o[key]);
    }
  };
  const effect = (e: unknown): void => {
    if (!e || typeof e !== 'object') return;
    const { values, amounts } = e as { values?: Record<string, unknown>; amounts?: Record<string, unknown> };
    for (const v of [...Object.values(values ?? {}), ...Object.values(amounts ?? {})]) if (typeof v === 'string') found.push(v);
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'tests' && entry.name !== 'parameters') walk(path);
      else if (entry.isFile() && (/^\d{4}-\d{2}-\d{2}\.yaml$/.test(entry.name) || dir.endsWith('proposals'))) {
        const doc = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown> & {
          rules?: Record<string, unknown>[];
          caveats?: { when?: unknown }[];
        };
        for (const v of Object.values((doc.define ?? {}) as Record<string, unknown>)) if (typeof v === 'string') found.push(v);
        for (const r of Object.values((doc.results ?? {}) as Record<string, unknown>)) effect(r);
        for (const c of doc.caveats ?? []) condition(c.when);
        for (const rule of doc.rules ?? []) {
          condition(rule.when);
          condition((rule.caveat as { when?: unknown } | undefined)?.when);
          effect(rule.then);
          effect(rule.else);
        }
      }
    }
  };
  walk(RULES);
  return found;
}

describe('printExpression', () => {
  it('prints only the parentheses the parser needs', () => {
    expect(roundTrips('(a > 12) and (b or c)')).toBe('a > 12 and (b or c)');
    expect(roundTrips('a - (b - c)')).toBe('a - (b - c)');
    expect(roundTrips('(a - b) - c')).toBe('a - b - c');
    expect(roundTrips('(a + b) * -(c / 2)')).toBe('(a + b) * -(c / 2)');
    expect(roundTrips('not (a and b) or not c == 1')).toBe('not (a and b) or not c == 1');
    expect(roundTrips('(not a) == b')).toBe('(not a) == b');
    expect(roundTrips('(x * (not a)) + y')).toBe('x * (not a) + y');
    expect(roundTrips('(a == b) == c')).toBe('(a == b) == c');
    expect(roundTrips('help_profile not in [\'I\', "II"]')).toBe('help_profile not in ["I", "II"]');
    expect(roundTrips('\'say "hi"\' in greetings')).toBe('\'say "hi"\' in greetings');
    expect(roundTrips('count(founders, kind == "natural" and not at_risk) >= 3')).toBe(
      'count(founders, kind == "natural" and not at_risk) >= 3',
    );
  });

  it('round-trips every expression of the rule sets', () => {
    const all = expressionsInRules();
    expect(all.length).toBeGreaterThan(150);
    for (const text of all) roundTrips(text);
  });

  it('round-trips any tree (fast-check)', () => {
    const span = { pos: 0, end: 0 };
    const ops: BinaryOp[] = ['or', 'and', '==', '!=', '<', '<=', '>', '>=', 'in', 'not in', '+', '-', '*', '/'];
    const leaf = fc.oneof(
      fc.nat(999).map((n): Expr => ({ k: 'num', value: rat(String(n)), text: String(n), ...span })),
      fc.constantFrom('III', "a'b", 'say "x"', '').map((value): Expr => ({ k: 'str', value, ...span })),
      fc.boolean().map((value): Expr => ({ k: 'bool', value, ...span })),
      fc.constantFrom('a', 'b', 'pai.total_months').map((name): Expr => ({ k: 'name', name, ...span })),
    );
    const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .record({ op: fc.constantFrom<'-' | 'not'>('-', 'not'), arg: tie('expr') })
          .map((u): Expr => ({ k: 'unary', ...u, ...span })),
        fc
          .record({ op: fc.constantFrom(...ops), left: tie('expr'), right: tie('expr') })
          .map((b): Expr => ({ k: 'binary', ...b, ...span })),
        fc.array(tie('expr'), { maxLength: 3 }).map((items): Expr => ({ k: 'list', items, ...span })),
        fc
          .record({ fn: fc.constantFrom('min', 'count'), args: fc.array(tie('expr'), { maxLength: 3 }) })
          .map((c): Expr => ({ k: 'call', ...c, fnEnd: 0, ...span })),
      ),
    }));
    fc.assert(
      fc.property(expr, (e) => {
        expect(shape(parseExpression(printExpression(e)))).toEqual(shape(e));
      }),
      { numRuns: 2000 },
    );
  });
});
