import { z } from 'zod';
import { Basis, Confidence, IsoDay, KebabId, LocalText, NOTE_FIELDS, PUBLICATION_FIELDS, SnakeName } from './common.ts';

/** Comparison operators of json-rules-engine's own condition form. */
export const JRE_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A condition: compact text, or json-rules-engine's all / any / not / fact form. */
export type Condition =
  | string
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; operator: (typeof JRE_OPERATORS)[number]; value: unknown };

export const Condition: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z.string().min(1).meta({ description: 'Compact form, e.g. "months_registered_last_24 > 12 and registered_unemployed".' }),
      z.strictObject({ all: z.array(Condition).min(1) }),
      z.strictObject({ any: z.array(Condition).min(1) }),
      z.strictObject({ not: Condition }),
      z.strictObject({
        fact: z.string(),
        operator: z.enum(JRE_OPERATORS),
        value: z.union([Scalar, z.array(Scalar), z.strictObject({ fact: z.string() })]),
      }),
    ]),
  )
  .meta({ id: 'Condition', description: 'When a rule applies.' });

/** A value or amount: an expression in text, or a literal number, boolean or list of codes. */
export const ValueSpec = z.union([Scalar, z.array(Scalar)]).meta({
  description: 'A text is an expression (e.g. "percent(120, zasilek.first_90_days)"); numbers, booleans and lists are literal.',
});

export const Effect = z
  .union([
    SnakeName.meta({ description: 'Shorthand for { outcome: <this> }.' }),
    z.strictObject({
      outcome: SnakeName.optional().meta({ description: 'The outcome this branch decides (from contract.md).' }),
      values: z.record(SnakeName, ValueSpec).optional().meta({ description: 'Results that are not money.' }),
      amounts: z
        .record(SnakeName, z.union([z.string(), z.number()]))
        .optional()
        .meta({ description: 'Money in PLN, rounded half-up to 0.01 once, at the end.' }),
      append: z
        .record(SnakeName, z.array(z.string()))
        .optional()
        .meta({ description: 'Codes appended to a list value, e.g. { flags: [psu_unavailable] }.' }),
    }),
  ])
  .meta({ id: 'Effect', description: 'What a rule decides when its condition holds (then) or fails (else).' });
export type Effect = z.infer<typeof Effect>;

export const Caveat = z
  .strictObject({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'use UPPER_SNAKE_CASE'),
    text: LocalText,
    when: Condition.optional().meta({ description: 'Only when this holds; always when absent.' }),
  })
  .meta({ id: 'Caveat', description: 'A point a caseworker must check by hand, carried by the answers that rely on it.' });

/** What `reintegra check` proves of a rule, and of a version, that a person may accept with a reason. */
export const RULE_CHECKS = ['DEAD_RULE', 'SHADOWED_RULE', 'REDUNDANT_RULE'] as const;
export const VERSION_CHECKS = ['UNREACHABLE_OUTCOME'] as const;

/** A finding of the static checks accepted on purpose: reported as accepted, with the reason, not as a problem. */
function acceptance<const C extends readonly [string, ...string[]]>(codes: C, id: string) {
  return z
    .strictObject({
      accept: z
        .array(z.enum(codes))
        .min(1)
        .meta({ description: `Findings accepted here: ${codes.join(', ')}.` }),
      because: z.string().min(1).meta({ description: 'Why the finding is what the law says, for the reviewer.' }),
    })
    .meta({ id, description: 'Findings of reintegra check accepted on purpose, with the reason.' });
}
export const RuleChecks = acceptance(RULE_CHECKS, 'RuleChecks');
export const VersionChecks = acceptance(VERSION_CHECKS, 'VersionChecks');

export const Rule = z
  .strictObject({
    id: KebabId.meta({ description: 'Unique within the rule set; answers cite it as <question>.<id>.' }),
    basis: Basis,
    when: Condition.optional().meta({ description: 'When the rule applies; always when absent.' }),
    text: LocalText.meta({ description: 'Why, when the condition holds. May quote {fact}, {parameter} or {definition}.' }),
    text_else: LocalText.optional().meta({ description: 'Why, when the condition fails (needed with else).' }),
    // biome-ignore lint/suspicious/noThenProperty: `then` is the word rule authors write; the IR calls it ifMet.
    then: Effect.optional(),
    else: Effect.optional(),
    confidence: Confidence.optional(),
    ...NOTE_FIELDS,
    caveat: Caveat.optional().meta({ description: 'Carried by the answer whenever this rule is among its reasons.' }),
    checks: RuleChecks.optional(),
    provision_text: z
      .strictObject({
        pl: z.string().min(1).meta({ description: 'The wording of the provision, as published.' }),
        en: z.string().min(1).optional().meta({ description: 'A translation, where one is at hand.' }),
        source: z.string().min(1).meta({ description: 'Where the wording was read (the act and a public copy of it).' }),
      })
      .optional()
      .meta({ description: 'The wording of the provision the rule encodes, only where it is at hand from a cited source.' }),
  })
  .meta({ id: 'Rule', description: 'One legal condition or consequence, with its article.' });
export type Rule = z.infer<typeof Rule>;

export const Publication = z
  .strictObject({
    act: z.string().min(1).meta({ description: 'The act, by name and date.' }),
    dz_u: z
      .string()
      .regex(/^Dz\.U\. \d{4}( nr \d+)? poz\. \d+$/, 'write it as "Dz.U. 2014 poz. 598"')
      .meta({ description: 'Where it was published, e.g. "Dz.U. 2014 poz. 598".' }),
    ...PUBLICATION_FIELDS,
    basis: Basis.meta({ description: 'The provision this version mainly encodes; cited when a date falls outside it.' }),
    ...NOTE_FIELDS,
  })
  .meta({ id: 'Publication', description: 'Where the law of this version was published.' });

export const Repeal = z.strictObject({
  act: z.string().min(1),
  dz_u: z.string().regex(/^Dz\.U\. \d{4}( nr \d+)? poz\. \d+$/, 'write it as "Dz.U. 2025 poz. 620"'),
  basis: Basis,
  text: LocalText.meta({ description: 'The reason given to a caller asking on a later date.' }),
});

/** One version of one question's rules: the document a legal officer edits. */
export const RuleSetDocument = z
  .strictObject({
    $schema: z.string().optional(),
    question: KebabId.meta({ description: 'The question id of contract.md.' }),
    valid_from: IsoDay.meta({ description: 'First day this version applies; it ends where the next begins.' }),
    title: LocalText,
    law: Publication,
    confidence: Confidence.optional().meta({ description: 'How sure the start date or the content is (law.md).' }),
    ...NOTE_FIELDS,
    kind: z
      .enum(['law', 'proposal'])
      .default('law')
      .meta({ description: 'A proposal is an amendment being trialled: never law.' }),
    repealed: z.literal(true).optional().meta({ description: 'From valid_from the question no longer exists.' }),
    repealed_by: Repeal.optional(),
    successor: KebabId.optional().meta({ description: 'The question that took over.' }),
    facts: z.array(SnakeName).default([]).meta({ description: 'Facts read, from rules/facts.yaml.' }),
    parameters: z.array(z.string()).default([]).meta({ description: 'Dated parameters read, from rules/parameters/.' }),
    define: z
      .record(SnakeName, z.union([z.string(), z.number()]))
      .optional()
      .meta({ description: 'Named intermediate values, each an expression; later ones may use earlier ones.' }),
    default_outcome: SnakeName.optional().meta({ description: 'The outcome when no applied rule decides another.' }),
    precedence: z
      .array(SnakeName)
      .optional()
      .meta({ description: 'Outcomes, strongest first, when rules decide different ones; rule order otherwise.' }),
    results: z.record(SnakeName, Effect).optional().meta({ description: 'Values and amounts given with an outcome.' }),
    caveats: z.array(Caveat).optional(),
    checks: VersionChecks.optional(),
    rules: z.array(Rule).default([]),
  })
  .meta({ id: 'RuleSetDocument', title: 'Reintegra rule-set version' });
export type RuleSetDocument = z.infer<typeof RuleSetDocument>;
