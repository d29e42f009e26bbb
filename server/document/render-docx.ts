import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TabStopType,
  TextRun,
} from 'docx';
import type { Block, DecisionDocument } from '../../src/document/decision-document.ts';

// A4 in twentieths of a point, with 2 cm margins.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

const para = (
  text: string,
  opts: {
    bold?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: number;
    after?: number;
  } = {},
) =>
  new Paragraph({
    ...(opts.align ? { alignment: opts.align } : {}),
    ...(opts.indent ? { indent: { left: opts.indent } } : {}),
    spacing: { after: opts.after ?? 120 },
    children: [new TextRun({ text, bold: opts.bold ?? false, ...(opts.size ? { size: opts.size } : {}) })],
  });

function blocks(list: readonly Block[]): Paragraph[] {
  return list.flatMap((b) =>
    b.kind === 'text'
      ? [para(b.text)]
      : b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 }, spacing: { after: 80 } })),
  );
}

/** The foot of every page of the document: the receipt id and hash, and "Strona n z m" counted within the section. */
function footer(doc: DecisionDocument, numbered: boolean): Footer {
  const children: ParagraphChild[] = [new TextRun({ text: doc.footer, size: 15 })];
  if (numbered)
    children.push(
      new TextRun({
        children: [
          '\t',
          `${doc.pageWords.page} `,
          PageNumber.CURRENT,
          ` ${doc.pageWords.of} `,
          PageNumber.TOTAL_PAGES_IN_SECTION,
        ],
        size: 15,
      }),
    );
  return new Footer({
    children: [new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: A4.width - 2 * MARGIN }], children })],
  });
}

const page = { size: A4, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN } };

/** The document as DOCX (A4, editable in Word and LibreOffice): the note, if any, is a section of its own before it. */
export async function renderDocx(doc: DecisionDocument): Promise<Buffer> {
  const body: Paragraph[] = [
    ...doc.office.map((line, i) => para(line, { bold: i === 0, after: 0 })),
    para(doc.placeAndDate, { align: AlignmentType.RIGHT, after: 240 }),
    ...(doc.caseRef ? [para(doc.caseRef)] : []),
    para(doc.party.label, { bold: true, indent: 4800, after: 0 }),
    ...doc.party.lines.map((line) => para(line, { indent: 4800, after: 0 })),
    para('', { after: 240 }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.title, bold: true })],
    }),
    para(doc.subtitle, { align: AlignmentType.CENTER, after: 240 }),
    ...doc.sections.flatMap((s) => [
      new Paragraph({
        heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        children: [new TextRun(s.heading)],
      }),
      ...blocks(s.blocks),
    ]),
    para('', { after: 480 }),
    ...doc.signature.map((line, i) =>
      para(line, { indent: 4800, after: 0, ...(i === doc.signature.length - 1 ? { size: 16 } : {}) }),
    ),
  ];
  const sections = [
    ...(doc.note
      ? [
          {
            properties: { page },
            footers: { default: footer(doc, false) },
            children: [
              new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.note.title)] }),
              ...blocks(doc.note.blocks),
            ],
          },
        ]
      : []),
    { properties: { page: { ...page, pageNumbers: { start: 1 } } }, footers: { default: footer(doc, true) }, children: body },
  ];
  const file = new Document({
    title: `${doc.title} ${doc.subtitle}`,
    description: doc.footer,
    styles: { default: { document: { run: { font: 'Liberation Serif', size: 23 } } } },
    sections,
  });
  return Packer.toBuffer(file);
}
