import type { z } from 'zod';
import type { Problem } from './problem.ts';
import type { Path, SourceFile } from './yaml-source.ts';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod's issues into located problems with stable codes. For a union, the branch
 * that matches the input's shape is reported, not every alternative.
 */
export function schemaProblems(source: SourceFile, issues: readonly Issue[], base: Path = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(
          source.problem('UNKNOWN_KEY', `"${key}" is not a key here`, [...path, key], {
            key: true,
            hint: 'Remove it, or check its spelling against the JSON Schema in schema/ruleset.schema.json.',
          }),
        );
      }
    } else if (issue.code === 'invalid_union') {
      const branch = pickBranch(valueAt(source.value, path), issue.errors);
      if (branch) out.push(...schemaProblems(source, branch, path));
      else out.push(source.problem('INVALID_VALUE', `this value has none of the allowed forms (${issue.message})`, path));
    } else if (issue.code === 'invalid_type' && valueAt(source.value, path) === undefined) {
      const key = path[path.length - 1];
      const isBasis = key === 'basis' && path[path.length - 3] === 'rules';
      out.push(
        source.problem(
          isBasis ? 'MISSING_BASIS' : 'MISSING_KEY',
          isBasis ? 'this rule has no basis' : `"${String(key)}" is required here`,
          path.slice(0, -1),
          {
            hint: isBasis
              ? 'Every rule cites its article: add basis: "ACT art. N[ ust. M][ pkt K]", e.g. "UZS art. 15 ust. 7".'
              : `Add "${String(key)}".`,
          },
        ),
      );
    } else {
      const code = path[path.length - 1] === 'basis' ? 'INVALID_BASIS' : 'INVALID_VALUE';
      // An unquoted comma inside { … } splits an expression into a bogus key: say so.
      const hint =
        issue.code === 'invalid_key' ? 'In a { … } mapping, quote an expression that holds a comma: "percent(a, b)".' : undefined;
      out.push(source.problem(code, issue.message, path, hint ? { hint } : {}));
    }
  }
  return out;
}

/** The branch whose errors go deepest into the input is the one the author meant. */
function pickBranch(input: unknown, branches: Issue[][]): Issue[] | undefined {
  const shapeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const candidates = branches.filter(
    (b) => !b.some((i) => i.path.length === 0 && i.code === 'invalid_type' && shapeOf(input) !== i.expected),
  );
  if (candidates.length === 0) return undefined;
  const depth = (b: Issue[]) => Math.max(...b.map((i) => i.path.length + (i.code === 'unrecognized_keys' ? 0.5 : 0)));
  return candidates.sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
}

/** The plain value at a path, or undefined. */
export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** Removes the keys zod did not recognise, so that the rest can still be checked. */
export function withoutUnknownKeys(value: unknown, issues: readonly Issue[]): unknown {
  const copy = structuredClone(value);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const target = valueAt(copy, issue.path as (string | number)[]);
    if (target && typeof target === 'object') for (const k of issue.keys) delete (target as Record<string, unknown>)[k];
  }
  return copy;
}
