/** Why a whole file is refused (nothing is imported); the renderer translates the code. */
export const CSV_FILE_PROBLEMS = {
  not_text: 'line {{line}} is neither UTF-8 nor Windows-1252 text; save the file as "CSV UTF-8"',
  empty: 'the file is empty; it needs a header row',
  quote_not_closed: 'line {{line}}: a quoted field is never closed',
  text_after_quote: 'line {{line}}: unexpected text after a closing quote',
  unreadable: 'line {{line}}: {{message}}',
  unknown_column: 'line 1: unknown column "{{column}}"; the columns are {{columns}}',
  column_twice: 'line 1: column "{{column}}" appears twice',
  missing_columns: 'line 1: missing column(s) {{columns}}',
} as const;
export type CsvFileProblem = keyof typeof CSV_FILE_PROBLEMS;

/** Fills {{name}} placeholders the way i18next does, so one template serves the CLI and the UI. */
export const fillTemplate = (template: string, params: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** The file as a whole is unusable: nothing is imported. */
export class CsvFileError extends Error {
  constructor(
    readonly problem: CsvFileProblem,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(fillTemplate(CSV_FILE_PROBLEMS[problem], params));
  }
}
