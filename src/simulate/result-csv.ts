import type { Lang } from '../text/format.ts';
import type { ResultTable, TableCell, TableColumn } from './result-tables.ts';

/** How a CSV is written: Polish Excel's (`;` and a decimal comma) by default, or the international one. */
export interface CsvStyle {
  separator: ';' | ',';
  decimal: ',' | '.';
}

/** What Excel set to Polish opens with a double click: `;` between cells, `1234,50` for numbers. */
export const POLISH_EXCEL: CsvStyle = { separator: ';', decimal: ',' };
/** What most other tools expect: `,` between cells, `1234.50` for numbers. */
export const INTERNATIONAL: CsvStyle = { separator: ',', decimal: '.' };

/** A number as the spreadsheet reads it: no grouping of thousands, money to the grosz, the style's decimal mark. */
function number(value: number, kind: TableColumn['kind'], style: CsvStyle): string {
  const text = kind === 'money' ? value.toFixed(2) : String(Math.round(value * 100) / 100);
  return style.decimal === ',' ? text.replace('.', ',') : text;
}

function cell(value: TableCell, kind: TableColumn['kind'], style: CsvStyle): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? number(value, kind, style) : value;
  return text.includes(style.separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Tables as ONE CSV file, UTF-8 with a byte-order mark (so Excel reads Polish letters): each table is a block with
 * its own header row, and every row starts with the table's title, so filtering the first column gives one table;
 * an empty line between blocks.
 */
export function tablesCsv(tables: ResultTable[], options: { lang: Lang; style?: CsvStyle }): string {
  const style = options.style ?? POLISH_EXCEL;
  const head = options.lang === 'pl' ? 'Tabela' : 'Table';
  const blocks = tables.map((t) => {
    const title = cell(t.title[options.lang], 'text', style);
    const lines = [[cell(head, 'text', style), ...t.columns.map((c) => cell(c.label[options.lang], 'text', style))]];
    for (const row of t.rows) lines.push([title, ...t.columns.map((c) => cell(row[c.key] ?? null, c.kind, style))]);
    return lines.map((l) => l.join(style.separator)).join('\r\n');
  });
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
