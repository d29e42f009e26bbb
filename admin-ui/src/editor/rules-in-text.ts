import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** A rule of a rule-set text: its id and the characters its item spans. */
export interface RuleSpan {
  id: string;
  from: number;
  to: number;
}

/** The rules of a rule-set text, in order, each with its span; none when the text does not parse. */
export function rulesIn(text: string): RuleSpan[] {
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const rules = doc.contents.get('rules', true);
  if (!isSeq(rules)) return [];
  const out: RuleSpan[] = [];
  for (const item of rules.items) {
    if (!isMap(item) || !item.range) continue;
    const id = item.get('id', true);
    if (isScalar(id) && typeof id.value === 'string') out.push({ id: id.value, from: item.range[0], to: item.range[1] });
  }
  return out;
}

/** The id of the rule whose item holds `offset`, if any. */
export function ruleAt(rules: readonly RuleSpan[], offset: number): string | undefined {
  return rules.find((r) => offset >= r.from && offset <= r.to)?.id;
}
