import { CsvError, parse } from 'csv-parse/sync';

/** A parsed CSV record with the 1-based line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Thrown for text that is not RFC 4180 CSV: `line` and `column` (header name, '' when unknown) of the problem. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Our wording of csv-parse's syntax errors (others keep csv-parse's message). */
const reasons: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quoted field',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected text after a closing quote',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field)',
};

const lineBreaks = (fields: string[]): number =>
  fields.reduce((sum, field) => sum + field.split('\n').length - 1, 0);

const options = { bom: true, relax_column_count: true, record_delimiter: '\n' } as const;

/**
 * Parses RFC 4180 CSV with csv-parse: comma-separated fields, double-quoted fields with `""` for
 * a quote and line breaks inside quotes, an optional UTF-8 BOM and trailing newline; blank lines
 * are skipped. Line ends (CRLF, LF or CR, also inside quotes) become LF first, so line numbers
 * count every kind alike. Malformed quoting throws {@link CsvSyntaxError} naming the line (for
 * an unterminated quote, the line its record starts on) and the header's name for the column.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.replace(/\r\n?/g, '\n');
  let rows: string[][];
  try {
    rows = parse(input, options);
  } catch (error) {
    if (error instanceof CsvError) throw syntaxError(input, error);
    throw error;
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const fields of rows) {
    if (fields.length > 1 || fields[0] !== '') records.push({ line, fields });
    line += 1 + lineBreaks(fields);
  }
  return records;
}

/** Where `error` is: parses `input` again up to it, for the header and the last complete record's line. */
function syntaxError(input: string, error: CsvError): CsvSyntaxError {
  let header: string[] | undefined;
  let lastLine = 0;
  try {
    parse(input, {
      ...options,
      on_record: (fields: string[], { lines }) => {
        header ??= fields;
        lastLine = lines;
        return null;
      },
    });
  } catch {
    // The same error again: the records before it were seen.
  }
  const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : Number(error.lines);
  const column = line > 1 && typeof error.column === 'number' ? (header?.[error.column] ?? '') : '';
  return new CsvSyntaxError(line, column, reasons[error.code] ?? error.message);
}
