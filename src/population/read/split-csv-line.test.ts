import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './split-csv-line.ts';

describe('splitCsvLine', () => {
  it('keeps commas and | inside quoted cells', () => {
    expect(splitCsvLine('true,"natural:true|legal:false","a,b",')).toEqual({
      cells: ['true', 'natural:true|legal:false', 'a,b', ''],
    });
    expect(splitCsvLine('"say ""hi""",x')).toEqual({ cells: ['say "hi"', 'x'] });
    expect(splitCsvLine('"a\rb",c\r')).toEqual({ cells: ['a\rb', 'c\r'] });
  });

  it('refuses broken quoting with a reason, never a guess', () => {
    expect(splitCsvLine('a,"b')).toEqual({ problem: 'not valid CSV: a quoted cell is not closed on this line' });
    expect(splitCsvLine('a,b"c')).toHaveProperty('problem');
    expect(splitCsvLine('a,"b"c')).toHaveProperty('problem');
    expect(splitCsvLine('a\nb')).toHaveProperty('problem');
  });

  it('splits a line without quotes exactly as csv-parse does', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '|', ':', '.', '1', 'ż', '\t', '\r', "'") });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        const line = cells.join(',');
        fc.pre(line !== '');
        expect(splitCsvLine(line)).toEqual({ cells: parse(line, { record_delimiter: '\n' })[0] });
      }),
    );
  });
});
