import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import { CsvFileError } from './csv-file-error';

/** One parsed CSV record with the line it starts on (1-based, for messages). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What separates fields: a comma, a semicolon (Excel where the decimal mark is a comma), or a tab. */
export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter is the candidate that occurs most often outside quotes in the header
 * line; a comma on a tie. The header names columns in words, so it never holds the
 * other candidates by accident the way data (a nickname "Wim, the builder") might.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

/**
 * Where each record starts. csv-parse counts lines oddly around CRLF and blank lines, but
 * the byte offset it reports for a record always lies between the record's last field
 * and the next record; the next record starts after the line ends and blank lines that
 * follow. Line breaks are single bytes in UTF-8, so counting them in the bytes is exact.
 */
function startLines(text: string, parsed: readonly ParsedRecord[]): number[] {
  const bytes = new TextEncoder().encode(text);
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  const advanceTo = (end: number) => {
    for (; at < end; at++) {
      const b = bytes[at];
      if (b === 10 || (b === 13 && bytes[at + 1] !== 10)) line++;
    }
  };
  let from = 0;
  for (const record of parsed) {
    let start = from;
    while (bytes[start] === 10 || bytes[start] === 13) start++;
    advanceTo(start);
    lines.push(line);
    from = Math.max(record.info.bytes, start);
  }
  return lines;
}

/**
 * Parses CSV text with csv-parse: fields in double quotes may hold delimiters, quotes
 * ("") and line breaks; CRLF, LF or CR line ends; a leading BOM is dropped; blank lines
 * are skipped; a quote inside an unquoted field refuses the file. Rows
 * may have fewer or more fields than the header: the caller decides. A quote that is
 * never closed or text after a closing quote refuses the file, naming the line.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let parsed: ParsedRecord[];
  try {
    parsed = parse(input, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 0;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') throw new CsvFileError('quote_not_closed', { line: quoteStartLine(input) ?? line });
    if (error.code === 'CSV_INVALID_CLOSING_QUOTE') throw new CsvFileError('text_after_quote', { line });
    throw new CsvFileError('unreadable', { line, message: error.message });
  }
  const lines = startLines(input, parsed);
  return parsed.map((p, i) => ({ line: lines[i] ?? 0, fields: p.record }));
}

/** The line of the quote left open at the end of the text (csv-parse names the last line instead). */
function quoteStartLine(text: string): number | null {
  let quoted = false;
  let line = 1;
  let openedAt: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      quoted = !quoted;
      if (quoted) openedAt = line;
    } else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
  }
  return quoted ? openedAt : null;
}
