import { CsvFileError } from './csv-file-error';

/** How the bytes of a file were read. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The text of a CSV file, how it was read, and (for Windows-1252) the first line that is not UTF-8. */
export interface CsvText {
  text: string;
  encoding: CsvEncoding;
  firstNonUtf8Line: number | null;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. Node's TextDecoder treats
// "windows-1252" as Latin-1 (no euro sign, no curly quotes), so the table is kept here
// and Node and the browser read a file alike. The five holes (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) mean the bytes are not Windows-1252 either.
const CP1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

const lineAt = (text: string, index: number) => {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

function windows1252(bytes: Uint8Array): string | null {
  const chars: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    // Control characters other than tab and line ends: a binary file, or UTF-16 without a BOM.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13) return null;
    const c = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    if (c === undefined || c === '\u0000') return null;
    chars[i] = c;
  }
  return chars.join('');
}

/**
 * Reads a CSV file's bytes as Excel and other office software write them: UTF-8 (with or
 * without a BOM), UTF-16 with a BOM ("Unicode text"), or, when the bytes are not UTF-8,
 * Windows-1252 (what Dutch and German Excel write as plain "CSV"), which the caller then
 * tells the user. Anything else is refused naming the first line that is not UTF-8, so
 * a name never arrives as "J�rg M�ller".
 */
export function decodeCsvBytes(bytes: Uint8Array): CsvText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', firstNonUtf8Line: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', firstNonUtf8Line: null };
  try {
    // The decoder drops a leading BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', firstNonUtf8Line: null };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const line = lineAt(lossy, lossy.indexOf('\uFFFD'));
    const text = windows1252(bytes);
    if (text === null) throw new CsvFileError('not_text', { line });
    return { text, encoding: 'windows-1252', firstNonUtf8Line: line };
  }
}
