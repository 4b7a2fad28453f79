import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../server/services/csv-records';
import { csvField, toCsv } from '../../shared/csv/csv-write';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv (RFC 4180, csv-parse)', () => {
  it('reads quoted fields with escaped quotes, commas and line breaks (as LF)', () => {
    expect(fields('a,"b ""q"", c","x\r\ny"\r\n')).toEqual([['a', 'b "q", c', 'x\ny']]);
  });

  it('accepts CRLF and LF record ends, a BOM and no trailing newline', () => {
    expect(fields('\ufeffa,b\r\nc,d\ne,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('gives each record the line it starts on, counting line breaks inside quotes and blank lines', () => {
    expect(parseCsv('h\n"two\nlines"\n\nlast').map((r) => r.line)).toEqual([1, 2, 5]);
    expect(parseCsv('h\r\n"two\r\nlines"\r\n\r\nlast\r\n').map((r) => r.line)).toEqual([1, 2, 5]);
    expect(parseCsv('h\r"two\rlines"\r\rlast').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it.each([
    ['a,"open', 'unterminated quoted field'],
    ['a,"b"c', 'unexpected text after a closing quote'],
    ['a,b"c', 'a quote inside an unquoted field'],
  ])('rejects %j with the line and the reason', (text, reason) => {
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
    expect(() => parseCsv(text)).toThrow(new RegExp(`line 1: ${reason}`));
  });

  it.each([
    ['id,team,level\nE1,T,mid\nE2,"Open,senior\nE3,T,mid\n', 3, 'team', 'unterminated quoted field'],
    [
      'id,team,level\r\n"E\r\n1",T,mid\r\nE2,T,"mid"x\r\n',
      4,
      'level',
      'unexpected text after a closing quote',
    ],
    ['id,team,level\nE1,T"x,mid\n', 2, 'team', 'a quote inside an unquoted field (quote the whole field)'],
  ])('names the line and the header column of a syntax error in %j', (text, line, column, reason) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line, column, message: `line ${line}: ${reason}` });
  });
});

describe('toCsv', () => {
  it.each(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx'])(
    'neutralises the formula cell %j with a leading quote',
    (cell) => {
      expect(csvField(cell).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('keeps negative numbers as numbers and round-trips through a standard CSV parser', () => {
    const text = toCsv(
      ['name', 'value'],
      [
        ['a "quoted", name', -1.5],
        ['line\nbreak', 2],
      ],
    );
    expect(parse(text)).toEqual([
      ['name', 'value'],
      ['a "quoted", name', '-1.5'],
      ['line\nbreak', '2'],
    ]);
  });
});
