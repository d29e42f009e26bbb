import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { compareAnswer } from '../cases/run-cases.ts';
import type { Answer } from '../schema/answer.ts';
import type { TestCase } from '../schema/test-case.ts';

type Expect = TestCase['expect'];

/**
 * The expectation a case would need to pass with `answer`: each part it names that fails takes the answer's
 * value; the parts that pass stay as written. Only what the case names is checked, so only that is rewritten.
 */
export function expectationFor(expect: Expect, answer: Answer): Expect {
  const out: Expect = structuredClone(expect);
  const fails = (e: Expect) => compareAnswer(e, answer).length > 0;
  if (out.outcome !== undefined && fails({ outcome: out.outcome })) out.outcome = answer.outcome;
  if (out.version !== undefined && fails({ version: out.version })) out.version = answer.ruleset.version ?? undefined;
  for (const name of Object.keys(out.amounts ?? {})) {
    if (fails({ amounts: { [name]: out.amounts?.[name] as number } }))
      (out.amounts as Record<string, number>)[name] = answer.amounts[name] as number;
  }
  for (const name of Object.keys(out.values ?? {})) {
    if (fails({ values: { [name]: out.values?.[name] } })) (out.values as Record<string, unknown>)[name] = answer.values[name];
  }
  if (out.basis && fails({ basis: out.basis })) {
    const kept = out.basis.filter((b) => !fails({ basis: [b] }));
    out.basis = kept.length ? kept : [...new Set(answer.reasons.map((r) => r.basis))];
  }
  if (out.missing && fails({ missing: out.missing })) out.missing = [...answer.missing];
  if (out.caveats && fails({ caveats: out.caveats })) out.caveats = answer.caveats.map((c) => c.code);
  if (out.rules && fails({ rules: out.rules })) {
    const kept = out.rules.filter((r) => !fails({ rules: [r] }));
    out.rules = kept.length ? kept : answer.reasons.map((r) => r.rule.slice(r.rule.indexOf('.') + 1));
  }
  return out;
}

/** The parts of two expectations that differ, as `[part, before, after]` (amounts and values by name). */
export function expectationChanges(before: Expect, after: Expect): { part: string; before: unknown; after: unknown }[] {
  const out: { part: string; before: unknown; after: unknown }[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of ['outcome', 'version', 'basis', 'missing', 'caveats', 'rules'] as const) {
    if (!same(before[key], after[key])) out.push({ part: key, before: before[key], after: after[key] });
  }
  for (const key of ['amounts', 'values'] as const) {
    const names = new Set([...Object.keys(before[key] ?? {}), ...Object.keys(after[key] ?? {})]);
    for (const name of names) {
      const b = (before[key] as Record<string, unknown> | undefined)?.[name];
      const a = (after[key] as Record<string, unknown> | undefined)?.[name];
      if (!same(b, a)) out.push({ part: `${key}.${name}`, before: b, after: a });
    }
  }
  return out;
}

/**
 * A case file's text with the `index`-th case's expectation replaced, value by value in place, so every other byte
 * of the file (comments, layout, the other cases) stays as written and a diff shows only the values that changed.
 */
export function withExpectation(text: string, index: number, expect: Expect): string {
  const doc = parseDocument(text);
  const item = isSeq(doc.contents) ? doc.contents.items[index] : undefined;
  if (!isMap(item)) throw new RangeError(`the file has no case number ${index + 1}`);
  const node = item.get('expect', true);
  if (!isMap(node)) throw new RangeError(`case ${index + 1} has no expect`);
  const edits: { from: number; to: number; text: string }[] = [];
  const replace = (target: unknown, value: unknown) => {
    const range = (target as { range?: [number, number, number] } | undefined)?.range;
    if (!range) throw new RangeError('the expectation names a part that is not in the file');
    edits.push({ from: range[0], to: range[1], text: yamlValue(value) });
  };
  for (const [key, value] of Object.entries(expect)) {
    if (value === undefined) continue;
    const current = node.get(key, true);
    if ((key === 'amounts' || key === 'values') && isMap(current)) {
      for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
        if (JSON.stringify(current.toJSON()[name]) !== JSON.stringify(v)) replace(current.get(name, true), v);
      }
    } else if (JSON.stringify((current as { toJSON?: () => unknown })?.toJSON?.() ?? current) !== JSON.stringify(value)) {
      replace(current, value);
    }
  }
  return edits.sort((a, b) => b.from - a.from).reduce((t, e) => t.slice(0, e.from) + e.text + t.slice(e.to), text);
}

/** A value as YAML on one line: numbers and plain words as they are, anything else as JSON (a YAML flow form). */
function yamlValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && /^[\p{L}_][\p{L}\p{N}_ .-]*$/u.test(value) && !/^(true|false|null|yes|no)$/i.test(value))
    return value;
  return JSON.stringify(value);
}

/** A case file's text with one more case at its end (a new file when `text` is undefined or empty); the rest unchanged. */
export function withCase(text: string | undefined, testCase: TestCase): string {
  const plain = JSON.parse(JSON.stringify(testCase)) as TestCase;
  const item = new Document([plain]).toString();
  if (!text?.trim()) return item;
  if (!isSeq(parseDocument(text).contents)) throw new RangeError('a case file is a list of cases');
  return `${text.replace(/\n*$/, '\n')}\n${item}`;
}
