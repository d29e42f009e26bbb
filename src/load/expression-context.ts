import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Expr } from '../expr/ast.ts';
import { Checker } from '../expr/check.ts';
import { didYouMean } from '../expr/diagnostics.ts';
import { ExprSyntaxError } from '../expr/errors.ts';
import { parseExpression } from '../expr/parser.ts';
import { T, type Type } from '../expr/types.ts';
import type { Problem, ProblemCode } from './problem.ts';
import type { Path, SourceFile } from './yaml-source.ts';

/** The name every expression may read for the day the question is asked about. */
export const DATE_NAME = 'date';

/**
 * Parses and type-checks the expressions of one rule-set document, resolving names to
 * facts, parameters and definitions, and locating every problem at its line and column.
 */
export class ExpressionContext {
  readonly problems: Problem[] = [];
  readonly usedFacts = new Set<string>();
  readonly usedParameters = new Set<string>();
  private readonly defines = new Map<string, Type>();

  constructor(
    private readonly source: SourceFile,
    private readonly catalogue: Catalogue,
    private readonly declaredFacts: ReadonlySet<string>,
    private readonly declaredParameters: ReadonlySet<string>,
    private readonly laterDefines: ReadonlySet<string>,
  ) {}

  define(name: string, type: Type): void {
    this.defines.set(name, type);
  }

  /** Parses `text` found at `path`, checks it, and returns its tree and type; undefined after a syntax error. */
  expression(text: string, path: Path, options: { located?: boolean } = {}): { expr: Expr; type: Type } | undefined {
    const offset = (pos: number) => (options.located === false ? {} : { offset: pos });
    let expr: Expr;
    try {
      expr = parseExpression(text);
    } catch (e) {
      if (!(e instanceof ExprSyntaxError)) throw e;
      this.problems.push(
        this.source.problem('EXPRESSION_SYNTAX', `${e.message} in "${text}"`, path, {
          ...offset(e.pos),
          hint: 'Conditions read like "a > 12 and b"; amounts like "percent(120, zasilek.first_90_days) / 30 * days".',
        }),
      );
      return undefined;
    }
    const checker = new Checker((name, node) =>
      this.resolve(name, options.located === false ? { pos: -1, end: -1 } : node, path),
    );
    const type = checker.check(expr);
    for (const p of checker.problems) {
      this.problems.push(
        this.source.problem(p.code as ProblemCode, p.message, path, { ...offset(p.pos), ...(p.hint ? { hint: p.hint } : {}) }),
      );
    }
    return { expr, type };
  }

  /** Reports `message` at `path` (for checks made outside expressions). */
  report(code: ProblemCode, message: string, path: Path, hint?: string, offset?: number): void {
    this.problems.push(
      this.source.problem(code, message, path, { ...(hint ? { hint } : {}), ...(offset !== undefined ? { offset } : {}) }),
    );
  }

  /** The type of a free name, reporting an unknown or undeclared one. */
  resolve(name: string, node: { pos: number; end: number }, path: Path): Type | undefined {
    const at = node.pos < 0 ? {} : { offset: node.pos };
    if (name === DATE_NAME) return T.date;
    const defined = this.defines.get(name);
    if (defined) return defined;
    if (name.includes('.')) {
      if (!this.catalogue.parameters.has(name)) {
        this.problems.push(
          this.source.problem(
            'UNKNOWN_PARAMETER',
            `"${name}" is not a parameter${didYouMean(name, this.catalogue.parameters.ids())}`,
            path,
            { ...at, hint: 'Parameters are defined, with their dates, in rules/parameters/.' },
          ),
        );
        return undefined;
      }
      if (!this.declaredParameters.has(name)) {
        this.problems.push(
          this.source.problem('PARAMETER_NOT_DECLARED', `"${name}" is used but not listed under parameters:`, path, {
            ...at,
            hint: `Add "${name}" to the parameters: list at the top of the file.`,
          }),
        );
      }
      this.usedParameters.add(name);
      const def = this.catalogue.parameters.get(name);
      const whole = def?.unit !== 'PLN' && def?.unit !== 'percent' && def?.values.every((v) => Number.isInteger(v.value));
      return { k: 'number', integer: Boolean(whole) };
    }
    if (this.laterDefines.has(name)) {
      this.problems.push(
        this.source.problem('UNKNOWN_NAME', `"${name}" is defined further down`, path, {
          ...at,
          hint: 'A definition may only use definitions above it: move it up.',
        }),
      );
      return undefined;
    }
    const factType = this.catalogue.factTypes.get(name);
    if (!factType) {
      const candidates = [...this.catalogue.facts.keys(), ...this.defines.keys(), DATE_NAME];
      this.problems.push(
        this.source.problem('UNKNOWN_FACT', `"${name}" is not a fact${didYouMean(name, candidates)}`, path, {
          ...at,
          hint: 'Facts are defined once, in rules/facts.yaml; parameters are written <topic>.<name>.',
        }),
      );
      return undefined;
    }
    if (!this.declaredFacts.has(name)) {
      this.problems.push(
        this.source.problem('FACT_NOT_DECLARED', `"${name}" is used but not listed under facts:`, path, {
          ...at,
          hint: `Add "${name}" to the facts: list at the top of the file.`,
        }),
      );
    }
    this.usedFacts.add(name);
    return factType;
  }
}
