import { parse, type CsvError } from 'csv-parse/sync';

/** One problem of an import, with the line of the file it is on (the header is line 1). */
export interface CsvRowError {
  readonly line: number;
  /** The column (its header), when the problem is in one field. */
  readonly field?: string;
  /** In Chinese, naming line and column: 第3行“制发日期”：2026-13-01 不是有效日期. */
  readonly message: string;
}

/** The rows that could be read, each with its line, and what was wrong with the others. */
export interface CsvImport<T> {
  readonly rows: { readonly line: number; readonly value: T }[];
  readonly errors: CsvRowError[];
}

/** A data row: its line in the file and its fields by header (trimmed; '' for a missing field). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

export function fieldError(line: number, field: string, detail: string): CsvRowError {
  return { line, field, message: `第${line}行“${field}”：${detail}` };
}

function lineError(line: number, detail: string): CsvRowError {
  return { line, message: `第${line}行：${detail}` };
}

/** A record as csv-parse gives it, or the syntax error that cost a record, each with the line it ends on. */
type ParseEvent = { readonly fields: string[]; readonly endLine: number } | { readonly error: CsvError };

/**
 * Reads the text of a register CSV: a header line, then one record a line. Headers are matched
 * after trimming, in any order; columns with other headers are ignored (a 备注 column, say). A
 * missing required header is one error and no rows, for the columns cannot be trusted; so is a
 * header used twice. Lines with nothing in them (",,,," too, as Excel leaves them) are skipped.
 */
export function readCsvTable(
  text: string,
  headers: { readonly required: readonly string[]; readonly optional: readonly string[] },
): { records: CsvRecord[]; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const records: CsvRecord[] = [];
  let header: { line: number; columns: Map<string, number>; duplicated: boolean } | undefined;
  let endOfPrevious = 0;

  for (const event of parseEvents(text)) {
    const line = endOfPrevious + 1;
    if ('error' in event) {
      errors.push(lineError(line, syntaxProblem(event.error)));
      const errorLine = event.error['lines'];
      endOfPrevious = typeof errorLine === 'number' ? Math.max(line, errorLine) : line;
      continue;
    }
    endOfPrevious = event.endLine;
    const cells = event.fields.map((field) => field.trim());
    if (cells.every((cell) => cell === '')) continue;
    if (!header) {
      header = { line, columns: new Map(), duplicated: false };
      for (const [index, name] of cells.entries()) {
        if (!headers.required.includes(name) && !headers.optional.includes(name)) continue;
        if (header.columns.has(name)) {
          errors.push(fieldError(line, name, '表头重复出现，无法确定使用哪一列'));
          header.duplicated = true;
        } else {
          header.columns.set(name, index);
        }
      }
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [name, index] of header.columns) fields[name] = cells[index] ?? '';
    records.push({ line, fields });
  }

  if (!header) return { records: [], errors: [...errors, lineError(1, '文件为空，没有表头')] };
  const found = header.columns;
  const missing = headers.required.filter((name) => !found.has(name));
  for (const name of missing) errors.push(fieldError(header.line, name, '缺少此表头，无法导入'));
  if (missing.length > 0 || header.duplicated) return { records: [], errors };
  return { records, errors };
}

function parseEvents(text: string): ParseEvent[] {
  const events: ParseEvent[] = [];
  // One line end throughout: csv-parse miscounts lines in a file that mixes CRLF and LF.
  parse(text.replace(/\r\n?/g, '\n'), {
    bom: true,
    // Titles carry straight quotes ("三安全一稳定") in fields nobody quoted: keep them as text.
    relax_quotes: true,
    relax_column_count: true,
    // Empty lines are records here, so that each record's first line can be counted.
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) events.push({ error });
      return undefined;
    },
    on_record: (record: string[], context) => {
      events.push({ fields: record, endLine: context.lines });
      return record;
    },
  });
  return events;
}

function syntaxProblem(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return '引号未闭合，从此行起的内容无法读取';
  return `无法解析此行（${error.message}）`;
}
