import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** Lines without these characters are plain comma-separated cells; the others go through csv-parse. */
const NEEDS_PARSER = /["\n]/;

/** One line is one record: a fixed record delimiter (letting csv-parse guess it doubles the cost), so `\r` is cell text. */
const OPTIONS = { record_delimiter: '\n' } as const;

/**
 * The cells of one CSV line (RFC 4180 quoting, via csv-parse), or why it is not one record.
 * A line without quotes is split on commas, which is what csv-parse gives for it, only faster.
 * No fact value holds a line break, so a quoted cell must close on its own line.
 */
export function splitCsvLine(text: string): { cells: string[] } | { problem: string } {
  if (!NEEDS_PARSER.test(text)) return { cells: text.split(',') };
  let records: string[][];
  try {
    records = parse(text, OPTIONS);
  } catch (e) {
    return { problem: `not valid CSV: ${describeCsvError(e)}` };
  }
  const [record, ...more] = records;
  if (!record || more.length > 0) return { problem: 'not valid CSV: the line holds more than one record (a stray line break?)' };
  return { cells: record };
}

function describeCsvError(e: unknown): string {
  if (!(e instanceof CsvError)) return e instanceof Error ? e.message : String(e);
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is not closed on this line';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted cell (quote the whole cell and double the quotes inside it)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after a closing quote (double the quotes inside a quoted cell)';
    default:
      return e.message.replace(/ at line \d+/, '');
  }
}
