import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conditionToTree } from './read.ts';
import { readRuleContext, ruleIds, writeRuleWhen } from './rule-when.ts';
import { asRootGroup } from './tree.ts';
import { toCondition } from './write.ts';

const RULES = fileURLToPath(new URL('../../../rules/', import.meta.url));

/** Every rule-set file: rules/<question>/<valid_from>.yaml and the proposals. */
function ruleSetFiles(): string[] {
  const out: string[] = [];
  for (const q of readdirSync(RULES, { withFileTypes: true })) {
    if (!q.isDirectory() || q.name === 'parameters') continue;
    for (const dir of [join(RULES, q.name), join(RULES, q.name, 'proposals')]) {
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      out.push(...names.filter((n) => n.endsWith('.yaml')).map((n) => join(dir, n)));
    }
  }
  return out;
}

const SAMPLE = `# a comment at the top
question: pai-referral
facts: [registered_unemployed, help_profile]   # facts read
parameters: [pai.total_months]
define:
  months_after_edition: pai_months_completed + pai.edition_months

rules:
  - id: registered-unemployed
    basis: UPZ art. 62a ust. 2
    when: registered_unemployed   # the first condition
    else: not_eligible
    text: { pl: Tak., en: Yes. }

  - id: nested
    basis: UPZ art. 62b ust. 1
    when:
      all:
        - registered_unemployed
        - any: [ "help_profile == 'III'", x ]
    # a comment after the block
    text: { pl: Tak., en: Yes. }

  - id: edition-length
    basis: UPZ art. 62b ust. 1   # no condition
    text:
      pl: Edycja.
      en: An edition.
`;

/** The text with `[from, to)` replaced by `by`: what a change of one node may do to the file. */
const withOnly = (from: string, to: string) => SAMPLE.replace(from, to);

describe('a rule in its YAML', () => {
  it('reads the rule, its article, its when, and the names its rule set declares', () => {
    expect(readRuleContext(SAMPLE, 'nested')).toEqual({
      id: 'nested',
      basis: 'UPZ art. 62b ust. 1',
      when: { all: ['registered_unemployed', { any: ["help_profile == 'III'", 'x'] }] },
      facts: ['registered_unemployed', 'help_profile'],
      parameters: ['pai.total_months'],
      defines: ['months_after_edition'],
    });
    expect(readRuleContext(SAMPLE, 'edition-length')).toMatchObject({ when: undefined });
    expect(readRuleContext(SAMPLE, 'nope')).toBe('no-rule');
    expect(readRuleContext('rules: [', 'x')).toBe('yaml');
    expect(ruleIds(SAMPLE)).toEqual(['registered-unemployed', 'nested', 'edition-length']);
  });

  it('changes only the when of that rule: compact on the line, keeping its comment', () => {
    expect(writeRuleWhen(SAMPLE, 'registered-unemployed', 'registered_unemployed and help_profile == "III"')).toBe(
      withOnly(
        'when: registered_unemployed   # the first',
        'when: registered_unemployed and help_profile == "III"   # the first',
      ),
    );
  });

  it('writes a mapping as a block under the key, and a block back as a line', () => {
    const block = writeRuleWhen(SAMPLE, 'registered-unemployed', { any: ['a', { not: 'b or c' }] });
    expect(block).toBe(
      withOnly(
        'when: registered_unemployed   # the first condition\n',
        'when:\n      any:\n        - a\n        - not: b or c   # the first condition\n',
      ),
    );
    expect(writeRuleWhen(SAMPLE, 'nested', 'a')).toBe(
      withOnly(
        'when:\n      all:\n        - registered_unemployed\n        - any: [ "help_profile == \'III\'", x ]\n',
        'when: a\n',
      ),
    );
    expect(writeRuleWhen(SAMPLE, 'nested', '"x" in y')).toContain(`when: '"x" in y'\n    # a comment after the block`);
  });

  it('adds a when after the basis of a rule without one, and removes it again', () => {
    const added = writeRuleWhen(SAMPLE, 'edition-length', { all: ['a', 'b or c'] });
    expect(added).toBe(withOnly('# no condition\n', '# no condition\n    when:\n      all:\n        - a\n        - b or c\n'));
    expect(writeRuleWhen(added, 'edition-length', undefined)).toBe(SAMPLE);
    expect(writeRuleWhen(SAMPLE, 'nested', undefined)).toBe(
      withOnly('    when:\n      all:\n        - registered_unemployed\n        - any: [ "help_profile == \'III\'", x ]\n', ''),
    );
    expect(writeRuleWhen(SAMPLE, 'registered-unemployed', undefined)).toBe(
      withOnly('    when: registered_unemployed   # the first condition\n', ''),
    );
  });

  it('lets the Document rewrite a rule written as a flow mapping', () => {
    const flow = 'rules:\n  - { id: a, basis: UPZ art. 1, when: x }\n';
    expect(writeRuleWhen(flow, 'a', 'y and z')).toBe('rules:\n  - { id: a, basis: UPZ art. 1, when: y and z }\n');
    expect(() => writeRuleWhen(flow, 'b', 'x')).toThrow(/no rule/);
  });

  it('reads every rule of every rule set and writes it back byte for byte', () => {
    let rules = 0;
    for (const file of ruleSetFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const id of ruleIds(text)) {
        const ctx = readRuleContext(text, id);
        if (typeof ctx === 'string') throw new Error(`${file} ${id}: ${ctx}`);
        const written = writeRuleWhen(text, id, toCondition(asRootGroup(conditionToTree(ctx.when))));
        expect(written, `${file} ${id}`).toBe(text);
        rules++;
      }
    }
    expect(rules).toBeGreaterThan(100);
  });
});
