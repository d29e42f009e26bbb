import ExcelJS from 'exceljs';
import { ASSUMPTIONS_TABLE, type ResultTable, type TableColumn } from '../../simulate/result-tables.ts';
import type { Lang } from '../../text/format.ts';

/** Excel's number formats: money to the grosz with a złoty sign, counts grouped, percentages as they are stored. */
const FORMATS: Record<TableColumn['kind'], string | undefined> = {
  money: '#,##0.00 "zł"',
  count: '#,##0',
  percent: '0.00',
  text: undefined,
};

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Tables as an XLSX workbook: the assumptions and sources on the first sheet, then a sheet per table, each with a
 * bold header row that stays in view and numbers stored as numbers (formatted, never as text).
 */
export async function tablesXlsx(tables: ResultTable[], options: { lang: Lang; title: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Reintegra';
  book.title = options.title;
  const ordered = [...tables.filter((t) => t.id === ASSUMPTIONS_TABLE), ...tables.filter((t) => t.id !== ASSUMPTIONS_TABLE)];
  const taken = new Set<string>();
  for (const t of ordered) {
    const sheet = book.addWorksheet(sheetName(t.title[options.lang], taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = t.columns.map((c) => ({
      header: c.label[options.lang],
      key: c.key,
      width: Math.min(60, Math.max(12, c.label[options.lang].length + 2)),
      ...(FORMATS[c.kind] ? { style: { numFmt: FORMATS[c.kind] as string } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of t.rows) sheet.addRow(Object.fromEntries(t.columns.map((c) => [c.key, row[c.key] ?? null])));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
