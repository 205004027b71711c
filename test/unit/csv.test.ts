import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/cli/csv';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('splits plain rows on commas and LF or CRLF', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(fields('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('drops a UTF-8 BOM and skips blank lines, keeping line numbers', () => {
    const records = parseCsv('\uFEFFemail,organisation\r\n\r\nx@y.example,Acme\n');
    expect(records).toEqual([
      { line: 1, fields: ['email', 'organisation'] },
      { line: 3, fields: ['x@y.example', 'Acme'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quotes', () => {
    const records = parseCsv('name,note\n"Müller, Söhne & Co","say ""hi"""\n"two\r\nlines",x\nlast,row\n');
    expect(records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Müller, Söhne & Co', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'x'] },
      { line: 5, fields: ['last', 'row'] },
    ]);
  });

  it('keeps empty fields, also quoted ones and trailing ones', () => {
    expect(fields('a,,c,\n"",x,"",\n')).toEqual([['a', '', 'c', ''], ['', 'x', '', '']]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow('line 2: a quoted field is never closed');
    expect(() => parseCsv('a,b\n"x"y,z\n')).toThrow('line 2: unexpected text after a closing quote');
  });
});
