import { describe, expect, it } from 'vitest';
import { csvCell, csvText, toCsvLines, toJsonLines } from './writers.ts';

describe('csvCell', () => {
  it('writes scalars plainly and leaves an absent value empty', () => {
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('participation')).toBe('participation');
    expect(csvCell('2025-10-14')).toBe('2025-10-14');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('writes numbers in plain decimal notation, never with an exponent', () => {
    expect(csvCell(1e21)).toBe('1000000000000000000000');
    expect(csvCell(1e-7)).toBe('0.0000001');
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
  });

  it('writes lists as a|b|c and an empty list as an empty cell', () => {
    expect(csvCell(['alcohol_dependent', 'disabled'])).toBe('alcohol_dependent|disabled');
    expect(csvCell(['disabled'])).toBe('disabled');
    expect(csvCell([])).toBe('');
  });

  it('writes founders as kind:at_risk items joined by |', () => {
    expect(
      csvCell([
        { kind: 'natural', at_risk: true },
        { kind: 'legal', at_risk: false },
      ]),
    ).toBe('natural:true|legal:false');
  });

  it('quotes a cell holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(['a,b', 'c'])).toBe('"a,b|c"');
    expect(csvCell('plain text; with: other | marks')).toBe('plain text; with: other | marks');
    expect(csvText('a,b')).toBe('a,b');
  });
});

describe('toCsvLines', () => {
  it('writes the header, then one line per row with the columns in order, absent facts empty', () => {
    const rows = [
      { b: 1, a: 'x,y', c: ['p', 'q'] },
      { a: 'z', c: [] },
    ];
    expect([...toCsvLines(rows, ['a', 'b', 'c'])]).toEqual(['a,b,c', '"x,y",1,p|q', 'z,,']);
  });

  it('writes only the header for no rows', () => {
    expect([...toCsvLines([], ['a', 'b'])]).toEqual(['a,b']);
  });

  it('is lazy: it reads a row only when its line is asked for', () => {
    let read = 0;
    function* endless() {
      for (;;) {
        read++;
        yield { a: read };
      }
    }
    const lines = toCsvLines(endless(), ['a']);
    expect(lines.next().value).toBe('a');
    expect(read).toBe(0);
    expect(lines.next().value).toBe('1');
    expect(lines.next().value).toBe('2');
    expect(read).toBe(2);
  });
});

describe('toJsonLines', () => {
  it('writes one JSON object per line, leaving absent facts out', () => {
    const lines = [
      ...toJsonLines([
        { a: 1, b: ['x'] },
        { a: 2, b: undefined, c: [{ kind: 'legal', at_risk: false }] },
      ]),
    ];
    expect(lines).toEqual(['{"a":1,"b":["x"]}', '{"a":2,"c":[{"kind":"legal","at_risk":false}]}']);
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('is lazy', () => {
    let read = 0;
    function* endless() {
      for (;;) yield { n: ++read };
    }
    const lines = toJsonLines(endless());
    expect(lines.next().value).toBe('{"n":1}');
    expect(read).toBe(1);
  });
});
