import type { Bool, Model } from 'z3-solver';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { IrEffect, IrRuleSet } from '../ir/types.ts';
import type { ProblemCode, ProblemExample } from '../load/problem.ts';
import type { Path } from '../load/yaml-source.ts';
import { LAST_DAY } from './calendar.ts';
import { conditionText, conjuncts, effectKey, effectText, hasEffect } from './condition-text.ts';
import { type ExampleFacts, type Observed, observe, plainValues, readExample } from './example.ts';
import { type Branch, branchesOf, outcomeIs, outcomesNamed } from './outcomes.ts';
import { quickAnswer } from './quick-answer.ts';
import { samplePeople } from './sample-people.ts';
import { SolverSession, type Verdict } from './solver-session.ts';
import type { Approximation, N } from './terms.ts';
import { type Bound, Translator } from './translate.ts';
import { solverContext } from './z3-context.ts';

/** One thing the checks proved, located by its path in the version's YAML. */
export interface Finding {
  code: ProblemCode;
  severity: 'error' | 'warning';
  path: Path;
  /** Point at the key of `path` rather than its value. */
  key?: boolean;
  message: string;
  hint: string;
  example?: ProblemExample;
}

/** What the checks found in one version: findings, those accepted in the file, and the limits of the proof. */
export interface VersionCheck {
  question: string;
  version: string;
  file: string;
  findings: Finding[];
  accepted: { finding: Finding; because: string }[];
  /** Expressions the solver could not express exactly: treated as free values, so they can hide a finding, never make one. */
  approximations: Approximation[];
  /** Queries the solver could not decide in time, and examples the evaluator did not confirm: no finding is claimed. */
  undecided: string[];
  /** How many times the solver was asked. */
  queries: number;
}

export interface CheckVersionOptions {
  /** The last day the version answers for (the day before the next version); open-ended when absent. */
  until?: string;
}

const ACCEPT_HINT = (code: string) => `If the law means it, say why in the file: checks: { accept: [${code}], because: "…" }.`;

/**
 * Proves what can and cannot happen in one rule-set version: rules that never apply (DEAD_RULE), rules whose
 * outcome always loses (SHADOWED_RULE), rules that add nothing to another (REDUNDANT_RULE), and outcomes no
 * facts reach (UNREACHABLE_OUTCOME), each with facts that show it. Pure: it reads the version and catalogue only.
 */
export async function checkVersion(
  ir: IrRuleSet,
  catalogue: Catalogue,
  options: CheckVersionOptions = {},
): Promise<VersionCheck> {
  const report: VersionCheck = {
    question: ir.question,
    version: ir.name,
    file: ir.file,
    findings: [],
    accepted: [],
    approximations: [],
    undecided: [],
    queries: 0,
  };
  if (ir.repealed) return report;
  const z = await solverContext();
  const t = new Translator(z, ir, catalogue, { from: ir.validFrom, until: options.until ?? LAST_DAY });
  const branches = branchesOf(t);
  const session = new SolverSession(t, plainValues(t));
  try {
    await new VersionChecker(t, branches, session, report).run();
  } finally {
    report.approximations = t.approximations;
    report.queries = session.queries;
    session.release();
  }
  return report;
}

/** What people the library really answered have shown: no proof is needed for these. */
class Seen {
  /** Sides (`<rule>:then|else`) seen applying. */
  readonly applied = new Set<string>();
  /** Sides seen applying and deciding the answer. */
  readonly decided = new Set<string>();
  readonly outcomes = new Set<string>();
  /** `<a>|<b>`: side a seen applying without side b. */
  readonly apart = new Set<string>();
}

/** How many people are tried in plain JavaScript before the solver is asked anything. */
const SAMPLES = 24;

class VersionChecker {
  private readonly ir: IrRuleSet;
  private readonly live = new Set<Branch>();
  private readonly shadowed = new Set<Branch>();
  private readonly seen = new Seen();
  /** Rules (by index) some of whose queries went undecided: an acceptance there cannot be called stale. */
  private readonly unsure = new Set<number>();
  private readonly raw: (Finding & { rule?: number })[] = [];
  private readonly read: (m: Model<N>) => ExampleFacts;

  constructor(
    private readonly t: Translator,
    private readonly branches: Branch[],
    private readonly session: SolverSession,
    private readonly report: VersionCheck,
  ) {
    this.ir = t.ir;
    this.read = (m) => readExample(t, m);
  }

  async run(): Promise<void> {
    const { t, ir } = this;
    const z = t.z;
    for (const person of samplePeople(ir, t.catalogue, t.span, SAMPLES)) this.witness(person);

    // Sides that can never apply.
    const dead = await this.settle(
      this.branches,
      (b) => !this.seen.applied.has(key(b)),
      (b) => b.applies,
      (b) => ({ rule: b.index, what: `whether ${sideName(b)} can apply` }),
    );
    for (const b of this.branches) if (!dead.includes(b)) this.live.add(b);
    for (const b of dead) await this.dead(b);

    // Sides whose outcome never decides the answer.
    const deciding = this.branches.filter((b) => this.live.has(b) && b.effect?.outcome);
    const outcome = (b: Branch) => outcomeIs(z, ir, this.branches, b.effect?.outcome as string);
    const never = await this.settle(
      deciding,
      (b) => !this.seen.decided.has(key(b)),
      (b) => z.And(b.applies, outcome(b)),
      (b) => ({ rule: b.index, what: `whether ${sideName(b)} can decide the answer` }),
    );
    for (const b of never) await this.shadow(b);

    // Sides another side with the same effect always accompanies.
    const candidates = this.branches.filter((b) => this.live.has(b) && !this.shadowed.has(b) && hasEffect(b.effect));
    const pairs = candidates.flatMap((a) =>
      candidates
        .filter((b) => a.rule !== b.rule && effectKey(a.effect as IrEffect) === effectKey(b.effect as IrEffect))
        .map((b) => [a, b] as const),
    );
    const implied = await this.settle(
      pairs,
      ([a, b]) => !this.seen.apart.has(`${key(a)}|${key(b)}`),
      ([a, b]) => z.And(a.applies, z.Not(b.applies)),
      ([a, b]) => ({ rule: a.index, what: `whether ${sideName(a)} can apply without ${sideName(b)}` }),
    );
    await this.redundant(implied);

    // Outcomes no facts reach.
    const named = outcomesNamed(ir);
    const unreachable = await this.settle(
      named,
      (o) => !this.seen.outcomes.has(o),
      (o) => outcomeIs(z, ir, this.branches, o),
      (o) => ({ rule: -1, what: `whether the outcome ${o} can be reached` }),
    );
    for (const o of unreachable) await this.unreachable(o);
    this.accept();
  }

  /** Records what the library answers for a person; false when it refuses the facts or fails. */
  private witness(ex: ExampleFacts): boolean {
    const o = quickAnswer(this.ir, this.t.catalogue, ex);
    if (!o) return false;
    const { seen } = this;
    seen.outcomes.add(o.outcome);
    for (const b of this.branches) {
      const k = key(b);
      if (!o.applied.has(k)) continue;
      seen.applied.add(k);
      if (b.effect?.outcome === o.outcome) seen.decided.add(k);
      for (const other of this.branches) if (!o.applied.has(key(other))) seen.apart.add(`${k}|${key(other)}`);
    }
    return true;
  }

  /**
   * The items that cannot happen. All still open are asked at once ("can any of them happen?"): a model shows
   * some, run through the library, and the rest are asked again, until the solver proves none can. When a
   * model shows none of them (an approximation at play) or the solver cannot tell, each is asked alone.
   */
  private async settle<T>(
    items: readonly T[],
    open: (x: T) => boolean,
    formula: (x: T) => Bool<N>,
    about: (x: T) => { rule: number; what: string },
  ): Promise<T[]> {
    const { z } = this.t;
    let rest = items.filter(open);
    while (rest.length > 0) {
      const v = await this.session.holds(z.Or(...rest.map(formula)), { read: this.read, example: 'witness' });
      if (v.k === 'unsat') return rest;
      if (v.k === 'sat' && v.value && this.witness(v.value) && rest.some((x) => !open(x))) {
        rest = rest.filter(open);
        continue;
      }
      const impossible: T[] = [];
      for (const x of rest) {
        if (!open(x)) continue;
        const one = await this.session.holds(formula(x), { read: this.read, example: 'witness' });
        if (one.k === 'unsat') impossible.push(x);
        else if (one.k === 'unknown') this.undecided(about(x).rule, `${about(x).what} (the solver: ${one.reason})`);
        else if (one.value) this.witness(one.value);
      }
      return impossible;
    }
    return [];
  }

  /** A side proven never to apply: ask again with its parts named, for the message and for facts outside the bounds. */
  private async dead(b: Branch): Promise<void> {
    const { t } = this;
    const { rule } = b;
    const parts =
      b.side === 'then' && rule.when
        ? conjuncts(rule.when).map((c) => ({ formula: t.condition(c, `rule ${rule.id}`), says: conditionText(c) }))
        : [];
    const v = await this.session.holds(b.side === 'then' ? t.z.Bool.val(true) : b.applies, {
      read: this.read,
      example: 'outside',
      parts,
    });
    const message =
      b.side === 'then'
        ? `rule "${rule.id}" can never apply: ${because(v)}`
        : `the else of rule "${rule.id}" can never apply: ${because(v, true)}`;
    this.raw.push({
      code: 'DEAD_RULE',
      severity: 'error',
      path: ['rules', b.index, b.side === 'then' ? 'when' : 'else'],
      message,
      hint: `Correct the condition (facts' ranges are in rules/facts.yaml; a version answers from its valid_from to the next one), or remove the rule. ${ACCEPT_HINT('DEAD_RULE')}`,
      ...this.outsideExample(v),
      rule: b.index,
    });
  }

  /** A side deciding an outcome that can never be the answer while the side applies. */
  private async shadow(b: Branch): Promise<void> {
    const { t, ir } = this;
    const outcome = b.effect?.outcome as string;
    this.shadowed.add(b);
    // Name the stronger sides that apply whenever this one does; failing that, those that win in the example.
    const rank = (x: Branch) => {
      const i = ir.precedence.indexOf(x.effect?.outcome as string);
      return i < 0 ? Number.POSITIVE_INFINITY : i;
    };
    const beats = (x: Branch) => rank(x) < rank(b) || (rank(x) === rank(b) && x.index < b.index);
    const stronger: Branch[] = [];
    for (const other of this.branches) {
      if (other === b || !this.live.has(other) || !other.effect?.outcome || other.effect.outcome === outcome || !beats(other)) {
        continue;
      }
      if ((await this.session.holds(t.z.And(b.applies, t.z.Not(other.applies)))).k === 'unsat') stronger.push(other);
    }
    const shows = (o: Observed) => o.applied.has(key(b)) && o.outcome !== outcome;
    // Preferably a person for whom only the named rules decide a stronger outcome.
    const unnamed = this.branches.filter((x) => x !== b && !stronger.includes(x) && x.effect?.outcome && beats(x));
    let ex = stronger.length ? await this.example(t.z.And(b.applies, ...unnamed.map((x) => t.z.Not(x.applies))), shows) : {};
    if (!ex.example) ex = await this.example(b.applies, shows);
    const winners = stronger.length
      ? stronger
      : this.branches.filter((x) => ex.observed?.applied.has(key(x)) && x.effect?.outcome === ex.observed?.outcome);
    const named = winners.map((w) => `${sideName(w)} decides ${w.effect?.outcome}`).join(', or ');
    const order = ir.document.precedence ? `precedence: ${ir.precedence.join(', ')}` : 'the first rule to decide wins';
    this.raw.push({
      code: 'SHADOWED_RULE',
      severity: 'error',
      path: ['rules', b.index, b.side],
      message: `${sideName(b)} decides ${outcome}, but whenever it applies a stronger outcome is decided too${named ? ` (${named}; ${order})` : ` (${order})`}, so it never decides the answer`,
      hint: `Narrow the stronger rule, change the precedence, or remove this one. ${ACCEPT_HINT('SHADOWED_RULE')}`,
      ...(ex.example ? { example: ex.example } : {}),
      rule: b.index,
    });
  }

  /** Sides that another side with the same effect always accompanies (`implied`: a applies only when b does). */
  private async redundant(implied: (readonly [Branch, Branch])[]): Promise<void> {
    const implies = (a: Branch, b: Branch) => implied.some(([x, y]) => x === a && y === b);
    const reported = new Set<Branch>();
    for (const [a, b] of implied) {
      if (reported.has(a) || reported.has(b)) continue;
      // Two sides that imply each other: the later one is the one that adds nothing.
      if (a.index < b.index && implies(b, a)) continue;
      reported.add(a);
      const ex = await this.example(a.applies, (o) => o.applied.has(key(a)) && o.applied.has(key(b)));
      this.raw.push({
        code: 'REDUNDANT_RULE',
        severity: 'warning',
        path: ['rules', a.index, a.side === 'then' ? (a.rule.when ? 'when' : 'then') : 'else'],
        message: `${sideName(a)} adds nothing: whenever it applies, ${sideName(b)} applies too with the same effect (${effectText(a.effect as IrEffect)})`,
        hint: `Remove it, or merge it into rule "${b.rule.id}". ${ACCEPT_HINT('REDUNDANT_RULE')}`,
        ...(ex.example ? { example: ex.example } : {}),
        rule: a.index,
      });
    }
  }

  /** An outcome proven unreachable: ask again for the bounds in the way and facts outside them. */
  private async unreachable(outcome: string): Promise<void> {
    const { t, ir } = this;
    const v = await this.session.holds(outcomeIs(t.z, ir, this.branches, outcome), { read: this.read, example: 'outside' });
    const deciding = this.branches.filter((b) => b.effect?.outcome === outcome);
    const isDefault = outcome === ir.defaultOutcome;
    const liveDeciding = deciding.filter((b) => this.live.has(b));
    let cause: string;
    let example: ProblemExample | undefined;
    if (deciding.length === 0) cause = isDefault ? 'some rule always decides another outcome' : 'no rule decides it';
    else if (liveDeciding.length === 0) cause = `${deciding.map(sideName).join(' and ')} can never apply`;
    else {
      cause = `${liveDeciding.map(sideName).join(' and ')} ${liveDeciding.length > 1 ? 'decide' : 'decides'} it only when a stronger outcome is decided too`;
      const first = liveDeciding[0] as Branch;
      example = (await this.example(first.applies, (o) => o.applied.has(key(first)) && o.outcome !== outcome)).example;
    }
    const found: Finding = {
      code: 'UNREACHABLE_OUTCOME',
      severity: 'error',
      path: this.outcomePath(outcome),
      key: this.outcomePath(outcome)[0] === 'results',
      message: `no facts lead to the outcome ${outcome} in this version: ${cause}${v.k === 'unsat' && v.bounds.length ? `, given ${v.bounds.map((b) => b.says).join(' and ')}` : ''}`,
      hint: `Decide it with a rule that can win, or remove it from this version. ${ACCEPT_HINT('UNREACHABLE_OUTCOME')}`,
      ...(example ? { example } : this.outsideExample(v)),
    };
    this.raw.push(found);
  }

  /** Where an outcome is first named: the rule that decides it, its results, its place in precedence, the default. */
  private outcomePath(outcome: string): Path {
    const b = this.branches.find((x) => x.effect?.outcome === outcome);
    if (b) return ['rules', b.index, b.side];
    if (this.ir.results.has(outcome)) return ['results', outcome];
    const i = this.ir.document.precedence?.indexOf(outcome) ?? -1;
    return i >= 0 ? ['precedence', i] : ['default_outcome'];
  }

  /** An example that the solver finds for `query` and the evaluator confirms with `shows`. */
  private async example(
    query: Bool<N>,
    shows: (o: Observed) => boolean,
  ): Promise<{ example?: ProblemExample; observed?: Observed }> {
    const v = await this.session.holds(query, { read: this.read, example: 'holds' });
    if (v.k !== 'sat' || !v.value) return {};
    const observed = await observe(this.ir, this.t.catalogue, v.value);
    if (!observed || !shows(observed)) {
      this.report.undecided.push(
        `the evaluator did not confirm the example ${JSON.stringify(v.value)} (an approximation may be at play)`,
      );
      return observed ? { observed } : {};
    }
    return { example: this.exampleOf(v.value), observed };
  }

  private outsideExample(v: Verdict<ExampleFacts>): { example?: ProblemExample } {
    if (v.k !== 'unsat' || !v.outside) return {};
    return { example: this.exampleOf(v.outside.value, v.outside.broken) };
  }

  private exampleOf(ex: ExampleFacts, broken: Bound[] = []): ProblemExample {
    return {
      question: this.ir.question,
      version: this.ir.name,
      date: ex.date,
      facts: ex.facts,
      ...(broken.length ? { outside: broken.map((b) => b.says) } : {}),
    };
  }

  private undecided(rule: number, what: string): void {
    if (rule >= 0) this.unsure.add(rule);
    this.report.undecided.push(what);
  }

  /** Splits findings into problems and those the file accepts, and flags acceptances nothing needs any more. */
  private accept(): void {
    const doc = this.ir.document;
    for (const f of this.raw) {
      const { rule, ...finding } = f;
      const checks = rule === undefined ? doc.checks : doc.rules[rule]?.checks;
      if (checks && (checks.accept as string[]).includes(f.code)) this.report.accepted.push({ finding, because: checks.because });
      else this.report.findings.push(finding);
    }
    const stale = (codes: readonly string[], found: (code: string) => boolean, path: Path, what: string) => {
      codes.forEach((code, j) => {
        if (found(code)) return;
        this.report.findings.push({
          code: 'INVALID_VALUE',
          severity: 'warning',
          path: [...path, 'checks', 'accept', j],
          message: `${what} accepts ${code}, but the checks do not find it`,
          hint: 'Remove it from checks.accept, so that a new finding is not hidden by an old reason.',
        });
      });
    };
    doc.rules.forEach((r, i) => {
      if (!r.checks || this.unsure.has(i)) return;
      stale(r.checks.accept, (c) => this.raw.some((f) => f.rule === i && f.code === c), ['rules', i], `rule "${r.id}"`);
    });
    if (doc.checks && this.report.undecided.length === 0) {
      stale(doc.checks.accept, (c) => this.raw.some((f) => f.rule === undefined && f.code === c), [], 'this version');
    }
  }
}

function key(b: Branch): string {
  return `${b.rule.id}:${b.side}`;
}

function sideName(b: Branch): string {
  return b.side === 'then' ? `rule "${b.rule.id}"` : `the else of rule "${b.rule.id}"`;
}

/** `“a > 3” and “a < 2” cannot both hold, given x ≤ 24 (rules/facts.yaml)`, from an unsatisfiable core. */
function because(v: Verdict<unknown>, always = false): string {
  if (v.k !== 'unsat') return '';
  const quoted = v.parts.map((p) => `“${p}”`);
  const last = quoted.pop();
  const parts =
    last === undefined
      ? always
        ? 'its condition always holds'
        : 'its condition cannot hold'
      : quoted.length === 0
        ? `${last} cannot hold`
        : `${quoted.join(', ')} and ${last} cannot ${quoted.length === 1 ? 'both' : 'all'} hold`;
  const bounds = v.bounds.length ? `, given ${v.bounds.map((b) => b.says).join(' and ')}` : '';
  return `${parts}${bounds}`;
}
