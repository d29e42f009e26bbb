import type { ComparisonOp, Expr } from '../expr/ast.ts';
import type { Type } from '../expr/types.ts';
import type { Value } from '../expr/value.ts';
import type { Confidence, LocalText } from '../schema/common.ts';
import type { RuleSetDocument } from '../schema/ruleset.ts';

/**
 * The intermediate form between the YAML and any evaluator: validated, typed, with
 * every expression parsed. json-rules-engine and the compiled functions both read this.
 */
export type IrCondition =
  | { k: 'all'; items: IrCondition[] }
  | { k: 'any'; items: IrCondition[] }
  | { k: 'not'; item: IrCondition }
  | { k: 'compare'; op: ComparisonOp; left: Expr; right: Expr; text: string }
  | { k: 'test'; expr: Expr; text: string };

export type IrValue = { k: 'expr'; expr: Expr; type: Type } | { k: 'literal'; value: Value };

export interface IrEffect {
  outcome?: string;
  values: [string, IrValue][];
  amounts: [string, Expr][];
  append: [string, string[]][];
}

export interface IrCaveat {
  code: string;
  text: LocalText;
  when?: IrCondition;
}

export interface IrRule {
  id: string;
  /** `<question>.<id>`, as answers cite it. */
  qid: string;
  basis: string;
  when?: IrCondition;
  text: LocalText;
  textElse?: LocalText;
  /** Applied when the condition holds (YAML `then`). */
  ifMet?: IrEffect;
  /** Applied when the condition fails (YAML `else`). */
  ifFailed?: IrEffect;
  caveat?: IrCaveat;
  confidence?: Confidence;
  /** Parameters the rule relies on when it is among the reasons (condition, effect applied, texts). */
  reliesOn: { met: string[]; failed: string[] };
}

export interface IrDefine {
  name: string;
  expr: Expr;
  type: Type;
}

export interface IrRuleSet {
  question: string;
  validFrom: string;
  kind: 'law' | 'proposal';
  /** The proposal's name, for proposals; equal to validFrom for law. */
  name: string;
  title: LocalText;
  law: RuleSetDocument['law'];
  confidence?: Confidence;
  note?: string;
  notePl?: string;
  repealed?: NonNullable<RuleSetDocument['repealed_by']> & { successor?: string };
  /** Facts the rules read, and those of them a caller must give (no default). */
  facts: string[];
  requiredFacts: string[];
  parameters: string[];
  defines: IrDefine[];
  rules: IrRule[];
  defaultOutcome?: string;
  /** Outcomes strongest first. */
  precedence: string[];
  results: Map<string, IrEffect>;
  /** Parameters each outcome's results rely on. */
  resultsRelyOn: Map<string, string[]>;
  caveats: IrCaveat[];
  /** `sha256:` of the canonical JSON of the document. */
  hash: string;
  file: string;
  document: RuleSetDocument;
}
