import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFiles, yamlFilesUnder } from '../adapters/fs/read-rules.ts';
import { makeScope } from '../decide/scope.ts';
import { evaluatorFor } from '../engine/json-rules-engine.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import { loadLibrary, type RuleFile } from '../load/load-library.ts';
import { formatProblem, type Problem, type ProblemExample } from '../load/problem.ts';
import { checkLibraryReport } from './check-library.ts';

const FIXTURES = new URL('../../test/fixtures/check/', import.meta.url);

/** The bundled catalogue (facts, questions, outcomes, parameters), which every fixture is checked against. */
const catalogue: RuleFile[] = readFiles(yamlFilesUnder(new URL('../../rules', import.meta.url).pathname))
  .filter((f) => /(facts|questions|outcomes)\.yaml$|\/parameters\//.test(f.path))
  .map((f) => ({ ...f, path: f.path.slice(f.path.indexOf('rules/')) }));

interface Expectation {
  code: string;
  line: number;
  col: number;
  props: Record<string, string>;
}

/** Each fixture says in its first lines where it is loaded and every finding it must produce (`key=value` say about what). */
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .map((name) => {
    const text = readFileSync(new URL(name, FIXTURES), 'utf8');
    const parse = (tag: string): Expectation[] =>
      [...text.matchAll(new RegExp(`^# ${tag}: (\\S+)(?: (\\d+):(\\d+))?(.*)$`, 'gm'))].map((m) => ({
        code: m[1] as string,
        line: Number(m[2] ?? 0),
        col: Number(m[3] ?? 0),
        props: Object.fromEntries([...(m[4] ?? '').matchAll(/(\w+)=(\S+)/g)].map((p) => [p[1], p[2]])),
      }));
    const path = /^# loaded as: (\S+)$/m.exec(text)?.[1] as string;
    const approximates = [...text.matchAll(/^# approximates: (.*)$/gm)].map((m) => m[1] as string);
    return { name, text, path, expect: parse('expect'), accepts: parse('accepts'), approximates };
  });

async function checked(path: string, text: string) {
  const files = [...catalogue, { path, text }];
  const { library, problems } = loadLibrary(files);
  expect(library, problems.map(formatProblem).join('\n')).toBeDefined();
  const report = await checkLibraryReport(library as Library, { files });
  return {
    library: library as Library,
    report,
    ir: (library as Library).versions(report.versions[0]?.question ?? '')[0] as IrRuleSet,
  };
}

/** Which sides of which rules the engine applies to an example, without the library's check of the facts. */
async function applied(ir: IrRuleSet, library: Library, ex: ProblemExample): Promise<Set<string>> {
  const run = await evaluatorFor(ir).run(makeScope(ir, library.catalogue, ex.date, ex.facts));
  const out = new Set<string>();
  for (const r of ir.rules) {
    if (run.fired.has(r.id)) out.add(`${r.id}:then`);
    else if (run.failed.has(r.id) && r.ifFailed) out.add(`${r.id}:else`);
  }
  return out;
}

function outcomeOf(ir: IrRuleSet, side: string): string | undefined {
  const [id, which] = side.split(':');
  const rule = ir.rules.find((r) => r.id === id);
  return (which === 'then' ? rule?.ifMet : rule?.ifFailed)?.outcome;
}

describe('reintegra check finds each kind of defect in the fixture rule sets', () => {
  it.each(fixtures)('$name', { timeout: 120_000 }, async ({ path, text, expect: expected, accepts, approximates }) => {
    const { library, report, ir } = await checked(path, text);
    const shown = report.problems.map(formatProblem).join('\n');
    // Exactly the findings listed, at their line and column.
    expect(report.problems.map((p) => `${p.code} ${p.line}:${p.col}`).sort(), shown).toEqual(
      expected.map((e) => `${e.code} ${e.line}:${e.col}`).sort(),
    );
    expect(report.accepted.map((a) => a.code)).toEqual(accepts.map((a) => a.code));
    for (const e of [...expected, ...accepts]) {
      const p = [...report.problems, ...report.accepted].find(
        (x) => x.code === e.code && (e.line === 0 || (x.line === e.line && x.col === e.col)),
      ) as Problem;
      expect(p.file).toBe(path);
      expect(p.message.length).toBeGreaterThan(20);
      await showsIt(library, ir, e, p);
    }
    expect(report.versions.flatMap((v) => v.undecided)).toEqual([]);
    // What the translation could not say exactly is named, and only that.
    expect(report.versions.flatMap((v) => v.approximations.map((a) => a.expression))).toEqual(approximates);
  });
});

/** The example of a finding really makes it happen, through the library's own evaluation. */
async function showsIt(library: Library, ir: IrRuleSet, e: Expectation, p: Problem): Promise<void> {
  const ex = p.example;
  const decide = (x: ProblemExample) => library.decide({ question: ir.question, date: x.date, facts: x.facts });
  switch (e.code) {
    case 'DEAD_RULE': {
      const side = e.props.rule as string;
      if (!ex) {
        // No facts at all: the condition contradicts itself, and the message names the clashing parts.
        expect(p.message).toMatch(/cannot (both |all )?hold/);
        return;
      }
      // The facts that would make it apply break a range or the version's days, so no caller can give them.
      expect(ex.outside?.length).toBeGreaterThan(0);
      expect(await applied(ir, library, ex)).toContain(side);
      const answer = await decide(ex).then(
        (a) => a.outcome,
        (err: Error) => err.name,
      );
      expect(answer === 'DecisionError' || ex.date < ir.validFrom).toBe(true);
      return;
    }
    case 'SHADOWED_RULE': {
      const [rule, stronger] = [e.props.rule as string, e.props.stronger as string];
      expect(ex?.outside).toBeUndefined();
      const answer = await decide(ex as ProblemExample);
      const sides = await applied(ir, library, ex as ProblemExample);
      // Both fire, and the stronger outcome is the answer.
      expect(sides).toContain(rule);
      expect(sides).toContain(stronger);
      expect(answer.outcome).toBe(outcomeOf(ir, stronger));
      expect(answer.outcome).not.toBe(outcomeOf(ir, rule));
      return;
    }
    case 'REDUNDANT_RULE': {
      const answer = await decide(ex as ProblemExample);
      const sides = await applied(ir, library, ex as ProblemExample);
      expect(sides).toContain(e.props.rule);
      expect(sides).toContain(e.props.other);
      expect(answer.outcome).toBe(outcomeOf(ir, e.props.rule as string));
      return;
    }
    case 'UNREACHABLE_OUTCOME': {
      const outcome = e.props.outcome as string;
      if (!e.props.rule) {
        expect(p.message).toContain('no rule decides it');
        return;
      }
      // The rule deciding it applies, and yet the answer is another outcome.
      const answer = await decide(ex as ProblemExample);
      expect(await applied(ir, library, ex as ProblemExample)).toContain(e.props.rule);
      expect(answer.outcome).not.toBe(outcome);
      return;
    }
    case 'INVALID_VALUE':
      expect(p.severity).toBe('warning');
      expect(p.message).toContain('accepts');
      return;
    default:
      throw new Error(`no check for ${e.code}`);
  }
}
