/** A parsed CSV record with the 1-based line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Thrown for text that is not RFC 4180 CSV; `line` is where the problem is. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses RFC 4180 CSV: comma-separated fields, double-quoted fields with `""` for a quote and
 * line breaks inside quotes, CRLF or LF record ends, an optional UTF-8 BOM and trailing newline.
 * Blank lines are skipped. A quote inside an unquoted field, text after a closing quote or an
 * unterminated quote throws {@link CsvSyntaxError}.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = input.length;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  while (i <= n) {
    let field = '';
    let quoted = false;
    if (input[i] === '"') {
      quoted = true;
      const start = line;
      let from = ++i;
      for (;;) {
        const close = input.indexOf('"', from);
        if (close < 0) throw new CsvSyntaxError(start, 'unterminated quoted field');
        const chunk = input.slice(from, close);
        for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line += 1;
        field += chunk;
        if (input[close + 1] !== '"') {
          i = close + 1;
          break;
        }
        field += '"';
        from = close + 2;
      }
    } else {
      let end = i;
      while (end < n) {
        const ch = input.charCodeAt(end);
        if (ch === 44 || ch === 10 || ch === 13) break;
        if (ch === 34)
          throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field)');
        end += 1;
      }
      field = input.slice(i, end);
      i = end;
    }
    fields.push(field);
    const sep = input[i];
    if (sep === ',') {
      i += 1;
      continue;
    }
    if (sep !== undefined && sep !== '\n' && sep !== '\r') {
      throw new CsvSyntaxError(line, 'unexpected text after a closing quote');
    }
    if (fields.length > 1 || quoted || field !== '') records.push({ line: recordLine, fields });
    fields = [];
    if (sep === undefined) break;
    i += sep === '\r' && input[i + 1] === '\n' ? 2 : 1;
    line += 1;
    recordLine = line;
  }
  return records;
}
