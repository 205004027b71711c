/** One parsed CSV record with the line it starts on (1-based, for messages). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, quotes
 * (doubled) and line breaks; CRLF or LF line ends; a leading UTF-8 BOM is dropped;
 * blank lines are skipped. Throws on a quote that is never closed or text after a
 * closing quote, naming the line.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedField = false;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !quotedField;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quotedField = false;
  };
  while (i < input.length) {
    const c = input[i];
    if (c === '"' && field === '' && !quotedField) {
      quotedField = true;
      const start = line;
      i += 1;
      for (;;) {
        if (i >= input.length) throw new Error(`line ${start}: a quoted field is never closed`);
        const q = input[i];
        if (q === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (q === '\n') line += 1;
        field += q;
        i += 1;
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`line ${line}: unexpected text after a closing quote`);
      }
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      quotedField = false;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (quotedField) throw new Error(`line ${line}: unexpected text after a closing quote`);
    field += c;
    i += 1;
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}
