// Reads generated documents back as text, the way a test checks what a person would read in them.
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, lines joined with newlines, and each page's size in points. */
export async function pdfPages(bytes: Uint8Array): Promise<{ text: string; width: number; height: number }[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    const [, , width, height] = page.view as [number, number, number, number];
    pages.push({ text, width, height });
  }
  await pdf.destroy();
  return pages;
}

/** The files of a DOCX (a zip) and the text of its body, paragraph by paragraph. */
export function docxParts(bytes: Uint8Array): { files: string[]; xml: (name: string) => string; text: string } {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  const text = xml('word/document.xml')
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
  return { files: Object.keys(files), xml, text };
}
