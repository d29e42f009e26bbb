import type { Catalogue } from '../catalogue/catalogue.ts';
import { formatResult, resultLabel } from '../explain/explain-answer.ts';
import type { Answer } from '../schema/answer.ts';
import type { OfficeSettings } from '../schema/office.ts';
import { amountInWords } from '../text/amount-words.ts';
import { formatDate, formatDateLong, formatMoney, type Lang } from '../text/format.ts';
import { type DocumentKind, documentKind } from './document-kind.ts';
import { appealInstruction, DOCUMENT_WORDS } from './document-words.ts';
import { factLabel, factText } from './fact-text.ts';
import { citedActs } from './legal-basis.ts';

/** A paragraph or a list, the only two things a section holds. */
export type Block = { kind: 'text'; text: string } | { kind: 'list'; items: string[] };

/** One part of the document (KPA art. 107 § 1), with its heading. */
export interface DocumentSection {
  heading: string;
  /** 1 for a part of art. 107 § 1, 2 for the two halves of the justification. */
  level: 1 | 2;
  blocks: Block[];
}

/** A draft decision or information letter, structured; the renderers (PDF, DOCX) only lay it out. */
export interface DecisionDocument {
  kind: DocumentKind;
  lang: Lang;
  /** The note to the caseworker, on a page of its own before the document; null when there is nothing to check. */
  note: { title: string; blocks: Block[] } | null;
  /** The authority (oznaczenie organu) and its address, a line each. */
  office: string[];
  placeAndDate: string;
  caseRef: string | null;
  party: { label: string; lines: string[] };
  title: string;
  subtitle: string;
  sections: DocumentSection[];
  /** Room for the signature: the dotted line, then the signatory's name and position. */
  signature: string[];
  /** The receipt id and the rule set's hash, printed at the foot of every page. */
  footer: string;
  pageWords: { page: string; of: string };
}

/** Everything a document is made of; the party is typed at print time and goes no further than the document. */
export interface DocumentInput {
  receipt: { id: string; answer: Answer; facts: Record<string, unknown> };
  catalogue: Catalogue;
  office: OfficeSettings | null;
  lang: Lang;
  /** The day of issue (ISO), as the office's calendar has it. */
  issuedOn: string;
  party?: { name: string; address: string } | undefined;
  caseRef?: string | undefined;
}

/** A day written out, as a Polish letter writes it: "1 kwietnia 2022 r."; "1 April 2022". */
const dayLong = (day: string, lang: Lang) => `${formatDateLong(day, lang)}${lang === 'pl' ? ' r.' : ''}`;

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The KPA article that makes a document a decision, cited before the substantive ones. */
const KPA_DECISION = 'KPA art. 104';

/** The resolution: the outcome in words, each amount in figures and in words, each value by its label. */
function resolution(input: DocumentInput, kind: DocumentKind, authority: string): Block[] {
  const { answer } = input.receipt;
  const { catalogue, lang } = input;
  const w = DOCUMENT_WORDS[lang];
  const title = catalogue.questions.get(answer.question)?.title[lang] ?? answer.question;
  const outcome = catalogue.outcomes.get(answer.outcome)?.[lang] ?? answer.outcome;
  const quoted = lang === 'pl' ? `„${title}”` : `“${title}”`;
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `${authority} ${w.decides[kind]} ${quoted} ${w.asOf} ${dayLong(answer.date, lang)}: ${outcome}.`,
    },
  ];
  const items = [
    ...Object.entries(answer.amounts).map(
      ([k, v]) =>
        `${resultLabel(catalogue, answer.question, k, lang)}: ${formatMoney(v, lang)} (${w.inWords}: ${amountInWords(v, lang)})`,
    ),
    ...Object.entries(answer.values).map(
      ([k, v]) => `${resultLabel(catalogue, answer.question, k, lang)}: ${formatResult(catalogue, answer.question, k, v, lang)}`,
    ),
  ];
  if (items.length) blocks.push({ kind: 'list', items });
  return blocks;
}

/** The factual justification: the day, then each fact given, by its label and its value in words. */
function factual(input: DocumentInput): Block[] {
  const { answer, facts } = input.receipt;
  const { catalogue, lang } = input;
  const w = DOCUMENT_WORDS[lang];
  const items = [
    `${w.asOfDay}: ${formatDate(answer.date, lang)}`,
    ...Object.entries(facts).map(([f, v]) => `${factLabel(catalogue, f, lang)}: ${factText(catalogue, f, v, lang)}`),
  ];
  const blocks: Block[] = [
    { kind: 'text', text: w.factualIntro },
    { kind: 'list', items },
  ];
  if (!Object.keys(facts).length) blocks.push({ kind: 'text', text: w.noFacts });
  if (answer.missing.length)
    blocks.push(
      { kind: 'text', text: w.missing },
      { kind: 'list', items: answer.missing.map((f) => factLabel(catalogue, f, lang)) },
    );
  return blocks;
}

/** The legal justification: each reason with its article, its sentence, and whether it held. */
function legal(input: DocumentInput): Block[] {
  const w = DOCUMENT_WORDS[input.lang];
  const reasons = input.receipt.answer.reasons;
  if (!reasons.length) return [{ kind: 'text', text: w.noReasons }];
  return [
    { kind: 'text', text: w.legalIntro },
    { kind: 'list', items: reasons.map((r) => `${r.basis} – ${r.text[input.lang]} (${r.met ? w.met : w.notMet})`) },
  ];
}

/**
 * A draft decision (or information letter) for a stored receipt, in the form of KPA art. 107 § 1 and § 3: the
 * authority, place and date, the party, the legal basis with each act's full title and Dz.U. citation, the resolution
 * with amounts in words and figures, the factual and legal justification, the appeal instruction (decisions only) and
 * room for the signature. Caveats go to a note for the caseworker on a page of their own, never into the document.
 */
export function decisionDocument(input: DocumentInput): DecisionDocument {
  const { receipt, catalogue, office, lang } = input;
  const { answer } = receipt;
  const w = DOCUMENT_WORDS[lang];
  const kind = documentKind(answer.question, answer.outcome);
  const authority = office?.name ?? w.officeMissing;
  const bases = [...(kind === 'decision' ? [KPA_DECISION] : []), ...answer.reasons.map((r) => r.basis)];
  const basis = citedActs(bases, catalogue.acts, lang);
  const noteItems = [...answer.caveats.map((c) => c.text[lang]), ...(office ? [] : [w.officeMissing])];
  const sections: DocumentSection[] = [
    {
      heading: w.basis,
      level: 1,
      blocks: [
        { kind: 'text', text: w.basisIntro[kind] },
        { kind: 'list', items: basis.map((b) => b.text) },
      ],
    },
    { heading: w.resolution[kind], level: 1, blocks: resolution(input, kind, authority) },
    { heading: w.justification, level: 1, blocks: [] },
    { heading: w.factual, level: 2, blocks: factual(input) },
    { heading: w.legal, level: 2, blocks: legal(input) },
  ];
  if (kind === 'decision')
    sections.push({
      heading: w.appeal,
      level: 1,
      blocks: appealInstruction(lang, office?.appeal_body ?? '……………………', authority).map((text) => ({ kind: 'text', text })),
    });
  return {
    kind,
    lang,
    note: noteItems.length
      ? {
          title: w.noteTitle,
          blocks: [
            { kind: 'text', text: w.noteIntro },
            { kind: 'list', items: noteItems },
            { kind: 'text', text: w.draftNote },
          ],
        }
      : null,
    office: office ? [office.name, ...lines(office.address)] : [w.officeMissing],
    placeAndDate: `${office?.place ?? '……………………'}, ${lang === 'pl' ? 'dnia ' : ''}${dayLong(input.issuedOn, lang)}`,
    caseRef: input.caseRef?.trim() ? `${w.caseRef}: ${input.caseRef.trim()}` : null,
    party: {
      label: w.party[kind],
      lines: input.party?.name.trim()
        ? [input.party.name.trim(), ...lines(input.party.address)]
        : ['……………………………………………', `(${w.partyBlank})`],
    },
    title: w.title[kind],
    subtitle: `${w.inTheMatter}: ${catalogue.questions.get(answer.question)?.title[lang] ?? answer.question}`,
    sections,
    signature: ['……………………………………………', ...(office ? [office.signatory_name, office.signatory_position] : []), w.signatureHint],
    footer: `${w.footer}: ${receipt.id} · ${w.rulesHash}: ${answer.ruleset.hash ?? '—'}`,
    pageWords: { page: w.page, of: w.of },
  };
}

/** Every text of a document, in reading order (for tests and checks of the Polish). */
export function documentTexts(doc: DecisionDocument): string[] {
  const blockTexts = (b: Block) => (b.kind === 'text' ? [b.text] : b.items);
  return [
    ...(doc.note ? [doc.note.title, ...doc.note.blocks.flatMap(blockTexts)] : []),
    ...doc.office,
    doc.placeAndDate,
    ...(doc.caseRef ? [doc.caseRef] : []),
    doc.party.label,
    ...doc.party.lines,
    doc.title,
    doc.subtitle,
    ...doc.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockTexts)]),
    ...doc.signature,
    doc.footer,
  ];
}
