import type { LocalText } from '../schema/common.ts';

/** The two languages a summary is written in. */
export type Lang = 'pl' | 'en';

/** What kind of change one entry of a diff reports. */
export type ChangeKind =
  // rule sets
  | 'metadata_changed'
  | 'fact_added'
  | 'fact_removed'
  | 'parameter_added'
  | 'parameter_removed'
  | 'define_added'
  | 'define_removed'
  | 'define_changed'
  | 'outcome_changed'
  | 'results_changed'
  | 'caveat_added'
  | 'caveat_removed'
  | 'caveat_changed'
  | 'rule_added'
  | 'rule_removed'
  | 'rule_moved'
  | 'rule_basis_changed'
  | 'rule_condition_changed'
  | 'rule_effect_changed'
  | 'rule_text_changed'
  | 'rule_metadata_changed'
  // parameter files (parameter_added / parameter_removed / metadata_changed too)
  | 'parameter_changed'
  | 'value_added'
  | 'value_changed'
  | 'value_removed'
  // test-case files
  | 'case_added'
  | 'case_removed'
  | 'case_changed';

/**
 * One change between two versions.
 *
 * `path` locates it in the document, naming list items by their id:
 * `rules[help-profile-iii].when`, `caveats[PAI_START_DAY_UNCERTAIN]`, `law.dz_u`,
 * `parameters[zasilek.first_90_days].values[2026-06-01]`.
 * `before` / `after` are absent on the side where the thing does not exist. Conditions, expressions
 * and effect fields are given as their normalised text; everything else as in the document.
 */
export interface Change {
  kind: ChangeKind;
  path: string;
  before?: unknown;
  after?: unknown;
  /** One line in Polish and in English, naming the rule (with its basis) or the parameter. */
  summary: LocalText;
  /**
   * Set on parameter rows whose past was rewritten: a row edited or removed, or a row inserted before
   * the last existing one. The law changes by a new dated row, never by editing one.
   */
  history_edited?: true;
}

/** The version a diff starts or ends at. */
export interface RuleSetVersionRef {
  valid_from: string;
  /** `sha256:` of the canonical JSON of the document, as the loaded rule set's `hash`. */
  hash?: string;
}

/** The semantic difference between two versions of one question's rule set. */
export interface RuleSetDiff {
  question: string;
  from: RuleSetVersionRef;
  to: RuleSetVersionRef;
  /** In document order: metadata, facts, parameters, defines, outcome and results, caveats, rules (of `after`), removed rules. */
  changes: Change[];
}

/** The difference between two revisions of one parameters file. */
export interface ParameterDiff {
  topic: string;
  from: { hash?: string };
  to: { hash?: string };
  /** Metadata, then parameters in the order of `after` (rows in file order, removed rows last), then removed parameters. */
  changes: Change[];
}

/** The difference between two revisions of a test-case file, case by case (cases are known by their names). */
export interface CaseFileDiff {
  file: string;
  changes: Change[];
}
