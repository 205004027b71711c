// Text is stored as typed; it is neutralised only where it leaves Portier (CLI tables and JSON,
// letters as PDF/DOCX, and any CSV/XLSX export), so what staff typed is never lost.

/** Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make "exe.pdf" read "fdp.exe". */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
/** C0 controls (NUL, ESC…), DEL and C1 controls: a terminal runs ESC sequences, a PDF shows boxes. */
const CONTROL_CHARACTERS = /\p{Cc}/gu;
/** Line breaks and tabs inside one field become a space, so words stay apart. */
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085]+/gu;
/**
 * A spreadsheet takes a cell starting with one of these as a formula (OWASP "CSV injection");
 * TAB and CR are on the list because some spreadsheets drop them and then see the formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;

/** Text for a document or a terminal (PDF, DOCX, CLI table): no bidi controls, no control characters. */
export function neutraliseText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(WHITESPACE_CONTROLS, ' ').replace(CONTROL_CHARACTERS, '');
}

/**
 * One cell of a table export (CSV, XLSX, the CLI's tables): as neutraliseText, and a cell
 * that a spreadsheet would run as a formula (= + - @ first) gets a ' in front, per OWASP.
 */
export function neutraliseCell(text: string): string {
  // The check comes first: a leading TAB or CR alone is reason enough, even though it is then removed.
  const formula = FORMULA_START.test(text);
  const clean = neutraliseText(text);
  return formula || FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** Characters JSON.stringify leaves as they are but a terminal or viewer would act on. */
const JSON_UNSAFE = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu;

/** JSON for an export: the same value when parsed, but bidi and C1 controls written as \u escapes. */
export function exportJson(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
