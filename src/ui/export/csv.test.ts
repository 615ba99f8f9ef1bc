import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, toCsv } from './csv.ts';
import { parseCsv } from './parseCsv.testing.ts';

describe('csvField', () => {
  it('leaves plain text and numbers bare', () => {
    expect(csvField('polling')).toBe('polling');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(true)).toBe('true');
  });

  it('quotes a field holding a comma, a quote, a CR or an LF, doubling inner quotes (RFC 4180 §2.6–2.7)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('writes a missing figure as an empty field, never 0', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('ends every record, the header included, with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, null], ['x,y', 2]])).toBe('a,b\r\n1,\r\n"x,y",2\r\n');
  });

  it('parses back to the same cells for any text and numbers', () => {
    const cell = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const parsed = parseCsv(toCsv(['first', 'second'], rows));
        expect(parsed[0]).toEqual(['first', 'second']);
        expect(parsed.slice(1)).toEqual(rows.map((row) => row.map((v) => (typeof v === 'number' ? String(v) : v))));
      }),
    );
  });
});
