import { makeCatalogue } from '../catalogue/catalogue.ts';
import { ParameterRegistry } from '../catalogue/parameters.ts';
import type { IrRuleSet } from '../ir/types.ts';
import { Library } from '../library.ts';
import { ActCatalogue } from '../schema/acts.ts';
import { FactCatalogue } from '../schema/facts.ts';
import { ParameterFile } from '../schema/parameters.ts';
import { OutcomeCatalogue, QuestionCatalogue } from '../schema/questions.ts';
import { compileRuleSet } from './compile-ruleset.ts';
import { hasErrors, type Problem } from './problem.ts';
import { schemaProblems } from './schema-problems.ts';
import { parseSource, type SourceFile } from './yaml-source.ts';

/** A file of the rules folder, read by an adapter: its path (as shown in messages) and its text. */
export interface RuleFile {
  path: string;
  text: string;
}

/** What a file under rules/ is, by where it lies. */
export type RuleFileKind =
  | 'facts'
  | 'questions'
  | 'outcomes'
  | 'acts'
  | 'parameters'
  | 'tests'
  | 'proposal'
  | 'ruleset'
  | 'other';

export function classify(path: string): RuleFileKind {
  const p = path.replace(/\\/g, '/');
  if (!/\.ya?ml$/.test(p)) return 'other';
  if (/(^|\/)facts\.ya?ml$/.test(p)) return 'facts';
  if (/(^|\/)questions\.ya?ml$/.test(p)) return 'questions';
  if (/(^|\/)outcomes\.ya?ml$/.test(p)) return 'outcomes';
  if (/(^|\/)acts\.ya?ml$/.test(p)) return 'acts';
  if (/(^|\/)parameters\/[^/]+$/.test(p)) return 'parameters';
  if (/\/tests\//.test(p)) return 'tests';
  if (/\/proposals\//.test(p)) return 'proposal';
  return 'ruleset';
}

/**
 * Loads the whole rules folder from memory: the catalogue first, then every rule set,
 * then the checks across files. Returns every problem; a library only when there is no error.
 */
export function loadLibrary(files: readonly RuleFile[]): { library?: Library; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed = (f: RuleFile): SourceFile => {
    const s = parseSource(f.path, f.text);
    problems.push(...s.problems);
    return s;
  };
  const byKind = (kind: RuleFileKind) =>
    files.filter((f) => classify(f.path) === kind).sort((a, b) => a.path.localeCompare(b.path));

  let facts: FactCatalogue = {};
  for (const f of byKind('facts')) {
    const s = parsed(f);
    if (s.problems.length) continue;
    const r = FactCatalogue.safeParse(s.value);
    if (r.success) {
      facts = { ...facts, ...r.data };
      problems.push(...valueLabelProblems(s, r.data));
    } else problems.push(...schemaProblems(s, r.error.issues));
  }
  let questions: QuestionCatalogue = {};
  for (const f of byKind('questions')) {
    const s = parsed(f);
    if (s.problems.length) continue;
    const r = QuestionCatalogue.safeParse(s.value);
    if (r.success) {
      questions = { ...questions, ...r.data };
      problems.push(...resultLabelProblems(s, r.data));
    } else problems.push(...schemaProblems(s, r.error.issues));
  }
  let outcomes: OutcomeCatalogue = {};
  for (const f of byKind('outcomes')) {
    const s = parsed(f);
    if (s.problems.length) continue;
    const r = OutcomeCatalogue.safeParse(s.value);
    if (r.success) outcomes = { ...outcomes, ...r.data };
    else problems.push(...schemaProblems(s, r.error.issues));
  }
  let acts: ActCatalogue = {};
  for (const f of byKind('acts')) {
    const s = parsed(f);
    if (s.problems.length) continue;
    const r = ActCatalogue.safeParse(s.value);
    if (r.success) acts = { ...acts, ...r.data };
    else problems.push(...schemaProblems(s, r.error.issues));
  }
  const parameters = new ParameterRegistry();
  for (const f of byKind('parameters')) {
    const s = parsed(f);
    if (s.problems.length) continue;
    const r = ParameterFile.safeParse(s.value);
    if (!r.success) {
      problems.push(...schemaProblems(s, r.error.issues));
      continue;
    }
    for (const [id, def] of Object.entries(r.data.parameters)) {
      if (!id.startsWith(`${r.data.topic}.`)) {
        problems.push(
          s.problem('INVALID_VALUE', `"${id}" does not start with the topic "${r.data.topic}."`, ['parameters', id], {
            key: true,
          }),
        );
      }
      if (parameters.has(id))
        problems.push(s.problem('INVALID_VALUE', `parameter "${id}" is defined twice`, ['parameters', id], { key: true }));
      const starts = new Map<string, number>();
      def.values.forEach((v, i) => {
        if (starts.has(v.from)) {
          problems.push(
            s.problem(
              'OVERLAPPING_PARAMETER',
              `two values of "${id}" start on ${v.from}`,
              ['parameters', id, 'values', i, 'from'],
              {
                hint: 'A change of the law is a new dated row; correct the older row only if it was wrong.',
              },
            ),
          );
        }
        starts.set(v.from, i);
      });
      parameters.add(id, def);
    }
  }
  const catalogue = makeCatalogue(facts, questions, parameters, outcomes, acts);
  if (hasErrors(problems)) return { problems };

  const rulesets: IrRuleSet[] = [];
  const firstFile = new Map<string, string>();
  for (const f of [...byKind('ruleset'), ...byKind('proposal')]) {
    const s = parseSource(f.path, f.text); // compileRuleSet reports its syntax problems itself
    const { ruleset, problems: found } = compileRuleSet(s, catalogue);
    problems.push(...found);
    if (!ruleset) continue;
    const key = `${ruleset.question}@${ruleset.kind === 'law' ? ruleset.validFrom : `proposal:${ruleset.name}`}`;
    const earlier = firstFile.get(key);
    if (earlier) {
      problems.push(
        s.problem(
          'DUPLICATE_VERSION',
          `${ruleset.question} already has a version from ${ruleset.validFrom} in ${earlier}`,
          ['valid_from'],
          {
            hint: 'Each version starts on its own day: change valid_from, or merge the two files.',
          },
        ),
      );
      continue;
    }
    firstFile.set(key, f.path);
    rulesets.push(ruleset);
  }
  if (hasErrors(problems)) return { problems };
  return { library: new Library(catalogue, rulesets), problems };
}

/** Every value of an enumeration has a label in both languages, and no label names a value that does not exist. */
function valueLabelProblems(s: SourceFile, facts: FactCatalogue): Problem[] {
  const out: Problem[] = [];
  const check = (values: string[] | undefined, labels: Record<string, unknown> | undefined, path: (string | number)[]) => {
    for (const v of values ?? []) {
      if (!labels?.[v]) {
        out.push(
          s.problem('MISSING_TEXT', `value "${v}" has no label`, labels ? [...path, 'value_labels'] : path, {
            hint: `Add value_labels: { ${v}: { pl: …, en: … } }: answers and forms show the label, never the code.`,
          }),
        );
      }
    }
    for (const v of Object.keys(labels ?? {})) {
      if (!values?.includes(v)) {
        out.push(
          s.problem('UNKNOWN_VALUE', `"${v}" is labelled but is not one of the values`, [...path, 'value_labels', v], {
            key: true,
          }),
        );
      }
    }
  };
  for (const [name, def] of Object.entries(facts)) {
    check(def.values, def.value_labels, [name]);
    for (const [field, f] of Object.entries(def.fields ?? {})) check(f.values, f.value_labels, [name, 'fields', field]);
  }
  return out;
}

/** Every amount and value a question answers with has a label, so that no answer shows a name as a code. */
function resultLabelProblems(s: SourceFile, questions: QuestionCatalogue): Problem[] {
  const out: Problem[] = [];
  for (const [id, q] of Object.entries(questions)) {
    for (const name of [...q.amounts, ...q.values]) {
      if (!q.labels[name]) {
        out.push(
          s.problem('MISSING_TEXT', `${id}: "${name}" has no label`, [id], {
            hint: `Add labels: { ${name}: { pl: …, en: … } } to the question.`,
          }),
        );
      }
    }
  }
  return out;
}
