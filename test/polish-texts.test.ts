import { describe, expect, it } from 'vitest';
import { pl as uiMessages } from '../admin-ui/src/shared/i18n/pl.ts';
import { parseCaseFiles } from '../src/cases/run-cases.ts';
import { explainAnswer } from '../src/explain/explain-answer.ts';
import { noteIn } from '../src/schema/common.ts';
import { RuleSetDocument } from '../src/schema/ruleset.ts';
import { polishTextFindings } from '../src/text/polish-text.ts';
import { allVersions, catalogueCodes, catalogueTexts, type SourcedText, versionTexts, versionVariants } from './every-text.ts';
import { bundledLibrary, ruleSetCaseFiles } from './rules-library.ts';

const library = bundledLibrary();
const codes = catalogueCodes(library);

/** The findings of many texts, one line each, so a failure lists every offending word at once. */
function offences(texts: readonly SourcedText[], allowed: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const t of texts) {
    for (const f of polishTextFindings(t.pl, codes, { grammar: t.grammar !== false })) {
      if (allowed.has(f.word)) continue;
      const key = `${f.kind} ${f.word} ${t.where.split(' on ')[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`${f.kind} "${f.word}" in ${t.where}: ${t.pl}`);
    }
  }
  return lines;
}

describe('every Polish text a rule set can produce', () => {
  it('the catalogue: labels of facts, values, outcomes, questions and parameters', () => {
    expect(offences(catalogueTexts(library))).toEqual([]);
  });

  it('the notes users see, in Polish (an English note without its Polish one counts as shown): parameter rows, versions, publications, rules', () => {
    const texts: SourcedText[] = [];
    const add = (where: string, owner: { note?: string | undefined; note_pl?: string | undefined }) => {
      const note = noteIn(owner, 'pl');
      if (note) texts.push({ where, pl: note });
    };
    for (const id of library.catalogue.parameters.ids()) {
      for (const row of library.catalogue.parameters.get(id)?.values ?? []) add(`parameter ${id} from ${row.from} note`, row);
    }
    for (const q of library.questionIds()) {
      for (const ir of allVersions(library, q)) {
        add(`${q} ${ir.name} note`, ir.document);
        add(`${q} ${ir.name} law.note`, ir.document.law);
        for (const rule of ir.document.rules) add(`${q} ${ir.name} rule ${rule.id} note`, rule);
      }
    }
    expect(texts.length).toBeGreaterThan(100);
    expect(offences(texts)).toEqual([]);
  });

  it.each(library.questionIds())(
    '%s: every template with every value of each fact, every caveat, every answer',
    async (question) => {
      const versions = allVersions(library, question);
      const texts = versions.flatMap((ir, i) => versionTexts(library, ir, versions[i + 1]?.validFrom));
      expect(texts.length).toBeGreaterThan(0);
      // The same people asked for real: the answers' words, numbers with their nouns, as the command line prints them.
      for (const [i, ir] of versions.entries()) {
        for (const { date, facts } of versionVariants(library, ir, versions[i + 1]?.validFrom)) {
          const version = ir.kind === 'proposal' ? { version: ir.name } : {};
          const answer = await library.decide({ question, date, facts, ...version }).catch(() => undefined);
          if (answer)
            texts.push({
              where: `answer ${question} ${ir.name} on ${date} with ${JSON.stringify(facts)}`,
              pl: explainAnswer(answer, library.catalogue, 'pl'),
            });
        }
      }
      expect(offences(texts)).toEqual([]);
    },
  );

  it('answers as the command line explains them, for every case of the rule sets’ own tests', async () => {
    const { cases } = parseCaseFiles(ruleSetCaseFiles());
    const texts: SourcedText[] = [];
    for (const { case: c, file, line } of cases) {
      const answer = await library
        .decide({ question: c.question, date: c.date, facts: c.facts, ...(c.version ? { version: c.version } : {}) })
        .catch(() => undefined);
      if (answer) texts.push({ where: `${file}:${line}`, pl: explainAnswer(answer, library.catalogue, 'pl') });
    }
    expect(texts.length).toBeGreaterThan(100);
    expect(offences(texts)).toEqual([]);
  });

  it('the server’s error messages, as the console shows them in Polish', () => {
    const texts = Object.entries(uiMessages)
      .filter(([key]) => key.startsWith('error.'))
      .map(([key, text]) => ({ where: key, pl: String(text) }));
    expect(texts.length).toBeGreaterThan(10);
    // A message telling an editor which key of the rule file to fix may name that key (valid_from…), as it is typed.
    const fileKeys = new Set(Object.keys(RuleSetDocument.shape));
    expect(offences(texts, fileKeys)).toEqual([]);
  });
});
