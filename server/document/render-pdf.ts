import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Block, DecisionDocument } from '../../src/document/decision-document.ts';

const require = createRequire(import.meta.url);
// pdfmake's server build: a CommonJS singleton holding fonts and access policies.
// Typed here, not by @types/pdfmake, whose DOM library would leak into the whole program's types.
const pdfmake = require('pdfmake') as {
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(f: (url: string) => boolean): void;
  setLocalAccessPolicy(f: (path: string) => boolean): void;
};

// Roboto as pdfmake ships it (Polish letters included); embedded, subset, in every PDF.
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONTS = {
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};
const FONT_FILES = new Set(Object.values(FONTS.Roboto));
pdfmake.setFonts(FONTS);
// A document reads nothing but its fonts: no URL, no other file, whatever a text holds.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

/** A node of pdfmake's document definition (its own types are loose objects). */
type Content = Record<string, unknown>;
type TDocumentDefinitions = Record<string, unknown>;

function blocks(list: readonly Block[]): Content[] {
  return list.map((b) =>
    b.kind === 'text' ? { text: b.text, margin: [0, 0, 0, 6] } : { ul: [...b.items], margin: [0, 0, 0, 6] },
  ) as Content[];
}

/** The document laid out for pdfmake: A4, the note (if any) on a first page of its own, page numbers from the document's first page. */
export function pdfDefinition(doc: DecisionDocument): TDocumentDefinitions {
  const offset = doc.note ? 1 : 0;
  const content: Content[] = [];
  if (doc.note)
    content.push({ text: doc.note.title, style: 'noteTitle' }, ...blocks(doc.note.blocks), {
      text: '',
      pageBreak: 'after',
    } as Content);
  content.push(
    {
      columns: [
        { stack: doc.office.map((line, i) => ({ text: line, bold: i === 0 })), width: '*' },
        { text: doc.placeAndDate, alignment: 'right', width: 'auto' },
      ],
    },
    ...(doc.caseRef ? [{ text: doc.caseRef, margin: [0, 8, 0, 0] } as Content] : []),
    { stack: [{ text: doc.party.label, bold: true }, ...doc.party.lines], margin: [260, 18, 0, 18] } as Content,
    { text: doc.title, style: 'title' },
    { text: doc.subtitle, style: 'subtitle' },
  );
  for (const s of doc.sections) {
    content.push({ text: s.heading, style: s.level === 1 ? 'heading' : 'subheading', headlineLevel: 1 }, ...blocks(s.blocks));
  }
  content.push({
    stack: doc.signature.map((line, i) => ({ text: line, fontSize: i === doc.signature.length - 1 ? 8 : 11 })),
    margin: [260, 36, 0, 0],
    unbreakable: true,
  } as Content);
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    info: { title: `${doc.title} ${doc.subtitle}`, subject: doc.footer },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 6, 0, 2] },
      subtitle: { fontSize: 12, alignment: 'center', margin: [0, 0, 0, 12] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      subheading: { fontSize: 11, bold: true, italics: true, margin: [0, 6, 0, 4] },
      noteTitle: { fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
    },
    content,
    // A heading never ends a page: it moves to the next one with its text.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.9,
    footer: (current: number, count: number) => ({
      margin: [56, 16, 56, 0],
      fontSize: 7.5,
      columns: [
        { text: doc.footer, width: '*' },
        {
          text: current > offset ? `${doc.pageWords.page} ${current - offset} ${doc.pageWords.of} ${count - offset}` : '',
          alignment: 'right',
          width: 70,
        },
      ],
    }),
  };
}

/** The document as a PDF (A4, Roboto embedded, page numbers, the receipt id and hash on every page). */
export async function renderPdf(doc: DecisionDocument): Promise<Buffer> {
  return pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
}
