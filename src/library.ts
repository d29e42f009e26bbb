import type { Catalogue } from './catalogue/catalogue.ts';
import { factValueSchema } from './catalogue/fact-types.ts';
import { daysInMonth, isIsoDate } from './dates/iso-date.ts';
import { type DecisionObserver, decideWith } from './decide/decide.ts';
import { DecisionError } from './decide/decision-error.ts';
import { didYouMean } from './expr/diagnostics.ts';
import type { IrRuleSet } from './ir/types.ts';
import type { Answer, DecisionRequest } from './schema/answer.ts';
import { formatDate } from './text/format.ts';

/** True when the version was published after `day` (one without a publication day counts as always known). */
export function publishedAfter(v: IrRuleSet, day: string): boolean {
  return v.law.published_on !== undefined && v.law.published_on > day;
}

/** Today's day in UTC, YYYY-MM-DD: the default day a decision is asked as known on. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The answer with the day it was asked as known on, when the request named one. */
function withKnownOn(answer: Answer, knownOn: string | undefined): Answer {
  return knownOn === undefined ? answer : { ...answer, known_on: knownOn };
}

/** A question with its versions, oldest first. */
export interface QuestionSummary {
  id: string;
  title: { pl: string; en: string };
  versions: { version: string; validFrom: string; validUntil?: string; repealed: boolean; hash: string; confidence?: string }[];
  proposals: string[];
}

/** The loaded law: every question, every version, every parameter. Asks and answers; reads no files. */
export class Library {
  private readonly law = new Map<string, IrRuleSet[]>();
  private readonly proposals = new Map<string, Map<string, IrRuleSet>>();
  private readonly knownCatalogues = new Map<string, Catalogue>();

  constructor(
    readonly catalogue: Catalogue,
    rulesets: readonly IrRuleSet[],
  ) {
    for (const r of rulesets) {
      if (r.kind === 'proposal') {
        const m = this.proposals.get(r.question) ?? new Map<string, IrRuleSet>();
        m.set(r.name, r);
        this.proposals.set(r.question, m);
      } else {
        this.law.set(r.question, [...(this.law.get(r.question) ?? []), r]);
      }
    }
    for (const list of this.law.values()) list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  }

  /** Ids of the questions that have at least one version. */
  questionIds(): string[] {
    return [...this.law.keys()].sort();
  }

  /** Every version of a question, oldest first (law only). */
  versions(question: string): readonly IrRuleSet[] {
    return this.law.get(question) ?? [];
  }

  /** A proposal by name, or a law version by its valid_from. */
  version(question: string, name: string): IrRuleSet | undefined {
    return this.proposals.get(question)?.get(name) ?? this.versions(question).find((v) => v.validFrom === name);
  }

  /**
   * The version in force on `date`, or undefined before the first one. With `knownOn`, as known that day: a version
   * published after it is left out, so the one before it holds.
   */
  versionOn(question: string, date: string, knownOn?: string): IrRuleSet | undefined {
    let found: IrRuleSet | undefined;
    for (const v of this.versions(question)) {
      if (v.validFrom > date) break;
      if (knownOn === undefined || !publishedAfter(v, knownOn)) found = v;
    }
    return found;
  }

  /** The catalogue as known on `day`: dated values published after it left out (the same object when none was). */
  catalogueKnownOn(day: string): Catalogue {
    const cached = this.knownCatalogues.get(day);
    if (cached) return cached;
    const parameters = this.catalogue.parameters.knownOn(day);
    const known = parameters === this.catalogue.parameters ? this.catalogue : { ...this.catalogue, parameters };
    if (this.knownCatalogues.size > 64) this.knownCatalogues.clear();
    this.knownCatalogues.set(day, known);
    return known;
  }

  /** Each question with its versions and the dates they cover. */
  questions(): QuestionSummary[] {
    return this.questionIds().map((id) => {
      const versions = this.versions(id);
      return {
        id,
        title: this.catalogue.questions.get(id)?.title ?? { pl: id, en: id },
        versions: versions.map((v, i) => {
          const next = versions[i + 1];
          return {
            version: v.name,
            validFrom: v.validFrom,
            ...(next ? { validUntil: next.validFrom } : {}),
            repealed: Boolean(v.repealed),
            hash: v.hash,
            ...(v.confidence ? { confidence: v.confidence } : {}),
          };
        }),
        proposals: [...(this.proposals.get(id)?.keys() ?? [])],
      };
    });
  }

  /**
   * Answers a question for a person on a date (contract.md §3). Throws DecisionError,
   * naming the field, for a request that cannot be answered at all.
   */
  async decide(request: DecisionRequest, observer?: DecisionObserver): Promise<Answer> {
    const r = this.resolve(request);
    if ('answer' in r) return r.answer;
    return withKnownOn(await decideWith(r.ir, r.catalogue, request.date, r.facts, observer), request.known_on);
  }

  /**
   * A request checked as decide() checks it, and the version and catalogue (as known on `known_on`) that must answer
   * it; or the answer itself when no version is in force on the day. Throws DecisionError, naming the field. Shared by every way of evaluating.
   */
  resolve(
    request: DecisionRequest,
  ): { ir: IrRuleSet; facts: Record<string, unknown>; catalogue: Catalogue } | { answer: Answer } {
    const { question, date, version, known_on } = request;
    const facts = request.facts ?? {};
    if (typeof date !== 'string' || !isIsoDate(date)) {
      throw new DecisionError('INVALID_DATE', `date must be a real day written YYYY-MM-DD, not ${JSON.stringify(date)}`, 'date');
    }
    if (known_on !== undefined && (typeof known_on !== 'string' || !isIsoDate(known_on))) {
      throw new DecisionError(
        'INVALID_DATE',
        `known_on must be a real day written YYYY-MM-DD, not ${JSON.stringify(known_on)}`,
        'known_on',
      );
    }
    // Default: as known today, so a value or version entered ahead of its publication day is not yet used.
    const knownOn = known_on ?? todayIso();
    if (!this.catalogue.questions.has(question)) {
      const known = [...this.catalogue.questions.keys()];
      throw new DecisionError('UNKNOWN_QUESTION', `"${question}" is not a question${didYouMean(question, known)}`, 'question');
    }
    if (!this.law.has(question)) {
      throw new DecisionError(
        'UNKNOWN_QUESTION',
        `"${question}" is a question of the contract but has no rule set yet`,
        'question',
      );
    }
    this.checkFacts(facts, date);
    const ir = version === undefined ? this.versionOn(question, date, knownOn) : this.version(question, version);
    if (!ir) {
      if (version !== undefined) {
        throw new DecisionError('UNKNOWN_VERSION', `${question} has no version or proposal "${version}"`, 'version');
      }
      return { answer: withKnownOn(this.notYetInForce(question, date), known_on) };
    }
    // The catalogue as known that day: parameter rows published after it are not yet read.
    return { ir, facts, catalogue: this.catalogueKnownOn(knownOn) };
  }

  private checkFacts(facts: Record<string, unknown>, date: string): void {
    if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) {
      throw new DecisionError('INVALID_REQUEST', 'facts must be an object of named facts', 'facts');
    }
    for (const [name, value] of Object.entries(facts)) {
      const def = this.catalogue.facts.get(name);
      if (!def) {
        throw new DecisionError(
          'UNKNOWN_FACT',
          `"${name}" is not a fact${didYouMean(name, this.catalogue.facts.keys())}`,
          `facts.${name}`,
        );
      }
      const r = factValueSchema(def).safeParse(value);
      if (!r.success) {
        const where = r.error.issues[0]?.path.length ? `[${r.error.issues[0].path.join('.')}]` : '';
        throw new DecisionError(
          'INVALID_FACT',
          `fact "${name}"${where} has a wrong value ${JSON.stringify(value)}: ${r.error.issues[0]?.message ?? 'invalid'}`,
          `facts.${name}`,
        );
      }
      if (def.within_month && typeof value === 'number') {
        const [year, month] = date.split('-').map(Number) as [number, number];
        const length = daysInMonth(year, month);
        if (value > length) {
          throw new DecisionError(
            'INVALID_FACT',
            `fact "${name}" is ${value}, but ${date.slice(0, 7)} has ${length} days: give at most ${length}, or leave the fact out for the whole month`,
            `facts.${name}`,
          );
        }
      }
    }
  }

  private notYetInForce(question: string, date: string): Answer {
    const first = this.versions(question)[0] as IrRuleSet;
    const { act, dz_u, basis } = first.law;
    return {
      question,
      date,
      outcome: 'not_in_force',
      amounts: {},
      values: { in_force_from: first.validFrom },
      reasons: [
        {
          rule: `${question}.not-yet-in-force`,
          basis,
          text: {
            pl: `Na dzień ${formatDate(date, 'pl')} przepisy jeszcze nie obowiązywały: ${basis} obowiązuje od ${formatDate(first.validFrom, 'pl')} (${act}, ${dz_u}).`,
            en: `On ${formatDate(date, 'en')} the law was not yet in force: ${basis} applies from ${formatDate(first.validFrom, 'en')} (${act}, ${dz_u}).`,
          },
          met: false,
        },
      ],
      missing: [],
      caveats: [],
      ruleset: { id: question, version: null, hash: null },
    };
  }
}
