import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv/csv-records';
import { decodeCsvBytes } from '../../shared/csv/csv-text';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

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

  it('keeps commas, doubled quotes and line breaks inside quotes, numbering each record by its first line', () => {
    const text = 'name,note\n"Müller, Söhne & Co","say ""hi"""\n"two\r\nlines",x\n\n\nlast,row\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Müller, Söhne & Co', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'x'] },
      { line: 7, fields: ['last', 'row'] },
    ]);
    expect(parseCsv(text.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')).map((r) => r.line)).toEqual([1, 2, 3, 7]);
  });

  it('keeps empty fields, also quoted ones and trailing ones', () => {
    expect(fields('a,,c,\n"",x,"",\n')).toEqual([['a', '', 'c', ''], ['', 'x', '', '']]);
  });

  it('recognises semicolons (Dutch and German Excel) and tabs from the header line', () => {
    expect(fields('email;organisation;nickname\r\nx@y.example;"Müller; Söhne";Wim, the builder\r\n')).toEqual([
      ['email', 'organisation', 'nickname'],
      ['x@y.example', 'Müller; Söhne', 'Wim, the builder'],
    ]);
    expect(fields('email\torganisation\nx@y.example\tAcme, Inc.\n')).toEqual([['email', 'organisation'], ['x@y.example', 'Acme, Inc.']]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,x\nmore\n')).toThrow('line 2: a quoted field is never closed');
    expect(() => parseCsv('a,b\n"x"y,z\n')).toThrow('line 2: unexpected text after a closing quote');
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeCsvBytes(bytes([0xef, 0xbb, 0xbf], 'Jörg;Müller\r\n'))).toEqual({ text: 'Jörg;Müller\r\n', encoding: 'utf-8', firstNonUtf8Line: null });
    expect(decodeCsvBytes(bytes('Jörg')).encoding).toBe('utf-8');
  });

  it('reads Windows-1252 bytes (é, ö, ß, €) as such, and says from which line the file is not UTF-8', () => {
    const decoded = decodeCsvBytes(bytes('email;name\r\nx@y.example;Andr', [0xe9], '\r\ny@y.example;J', [0xf6], 'rg Stra', [0xdf, 0x65, 0x20, 0x80], '\r\n'));
    expect(decoded).toEqual({ text: 'email;name\r\nx@y.example;André\r\ny@y.example;Jörg Straße €\r\n', encoding: 'windows-1252', firstNonUtf8Line: 2 });
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reads UTF-16 with a BOM ("Unicode text")', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'Jörg\t1'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeCsvBytes(le)).toMatchObject({ text: 'Jörg\t1', encoding: 'utf-16le' });
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, naming the line', () => {
    expect(() => decodeCsvBytes(bytes('a,b\n1,2\nx', [0x81, 0x00], '\n'))).toThrow('line 3 is neither UTF-8 nor Windows-1252 text');
  });
});
