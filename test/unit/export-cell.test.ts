import { describe, expect, it } from 'vitest';
import { exportJson, neutraliseCell, neutraliseText } from '../../shared/export-cell';

describe('neutraliseCell (CSV, XLSX, CLI tables)', () => {
  it('puts a quote before text a spreadsheet would run as a formula (= + - @ TAB CR first), per OWASP', () => {
    expect(neutraliseCell('=HYPERLINK("https://evil.example","x")')).toBe(`'=HYPERLINK("https://evil.example","x")`);
    expect(neutraliseCell('+31 6 12345678')).toBe(`'+31 6 12345678`);
    expect(neutraliseCell('-2+3')).toBe(`'-2+3`);
    expect(neutraliseCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseCell('\t=1+1')).toBe(`' =1+1`);
    expect(neutraliseCell('\r=1+1')).toBe(`' =1+1`);
  });

  it('leaves ordinary text alone, also with = + - @ further on', () => {
    for (const text of ['Bäckerei Müller GmbH', 'a=b', 'Jean-Luc', 'x@example.com', '', 'Ştefan Ţepeş']) expect(neutraliseCell(text)).toBe(text);
  });

  it('drops bidi controls and control characters, also when they hide a formula', () => {
    expect(neutraliseCell('Invoice\u202Efdp.exe')).toBe('Invoicefdp.exe');
    expect(neutraliseCell('\u2066=1+1\u2069')).toBe(`'=1+1`);
    expect(neutraliseCell('\u0000=1+1')).toBe(`'=1+1`);
    expect(neutraliseCell('red\u001b[31mtext')).toBe('red[31mtext');
  });
});

describe('neutraliseText (PDF, DOCX)', () => {
  it('drops every bidi control (U+202A–E, U+2066–9) and C0/DEL/C1 control, turning line breaks and tabs into a space', () => {
    const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(neutraliseText(`a${bidi}b`)).toBe('ab');
    expect(neutraliseText('a\u0000b\u0007c\u007Fd\u0085e\u009Bf')).toBe('abcd ef');
    expect(neutraliseText('line one\r\nline two\tend')).toBe('line one line two end');
    // Not a formula in a letter: an = stays as typed.
    expect(neutraliseText('=1+1')).toBe('=1+1');
  });
});

describe('exportJson (CLI --json)', () => {
  it('reads back as the stored value, with bidi and C1 controls written as escapes', () => {
    const value = { name: 'Invoice\u202Efdp.exe', note: 'csi\u009B2J', nul: 'a\u0000b' };
    const json = exportJson(value);
    expect(json).not.toMatch(/\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u);
    expect(json).toContain('\\u202e');
    expect(JSON.parse(json)).toEqual(value);
  });
});
