import type { DocumentRecord } from '../compile/records.js';
import { optionalDate, requiredDate } from './dates.js';
import { fieldError, readCsvTable, type CsvImport, type CsvRowError } from './table.js';
import { writeCsv } from './write.js';

/** The columns of the document register (规章 and 行政规范性文件), in template order. */
export const DOCUMENTS_CSV_HEADER = ['类别', '文号', '标题', '制发日期', '废止日期'] as const;
const REQUIRED = ['类别', '标题', '制发日期'] as const;
const OPTIONAL = ['文号', '废止日期'] as const;

/** 类别 as written: 规范性文件 is the 2019 table's name for 行政规范性文件. */
const KINDS: Readonly<Record<string, DocumentRecord['kind']>> = {
  规章: 'regulation',
  行政规范性文件: 'normativeDoc',
  规范性文件: 'normativeDoc',
};
/** 类别 as the register writes it (CSV and XLSX). */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentRecord['kind'], string>> = {
  regulation: '规章',
  normativeDoc: '行政规范性文件',
};

/**
 * Reads the document register. 类别, 标题 and 制发日期 are required; 文号 and 废止日期 may be
 * empty (and their columns absent). A row with an error is reported and left out; the rest are
 * read. A 文号 given twice is an error on the later row: one document counted twice.
 */
export function parseDocumentsCsv(text: string): CsvImport<DocumentRecord> {
  const table = readCsvTable(text, { required: REQUIRED, optional: OPTIONAL });
  const rows: CsvImport<DocumentRecord>['rows'] = [];
  const errors = [...table.errors];
  const numbers = new Map<string, number>();
  for (const { line, fields } of table.records) {
    const rowErrors: CsvRowError[] = [];
    const kindText = fields['类别'] ?? '';
    const kind = Object.hasOwn(KINDS, kindText) ? KINDS[kindText] : undefined;
    if (!kind) {
      const detail = kindText === '' ? '不能为空' : `“${kindText}”不是规章、行政规范性文件或规范性文件`;
      rowErrors.push(fieldError(line, '类别', detail));
    }
    const title = fields['标题'] ?? '';
    if (title === '') rowErrors.push(fieldError(line, '标题', '不能为空'));
    const issuedOn = requiredDate(line, '制发日期', fields['制发日期'] ?? '', rowErrors);
    const repealedOn = optionalDate(line, '废止日期', fields['废止日期'] ?? '', rowErrors);
    if (issuedOn && repealedOn && repealedOn < issuedOn) {
      rowErrors.push(fieldError(line, '废止日期', `${repealedOn} 早于制发日期 ${issuedOn}`));
    }
    const number = fields['文号'] ?? '';
    const earlier = numbers.get(number);
    if (number !== '' && earlier !== undefined)
      rowErrors.push(fieldError(line, '文号', `“${number}”与第${earlier}行重复`));
    else if (number !== '') numbers.set(number, line);

    if (rowErrors.length > 0 || !kind || !issuedOn) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      line,
      value: { kind, ...(number ? { number } : {}), title, issuedOn, ...(repealedOn ? { repealedOn } : {}) },
    });
  }
  return { rows, errors };
}

/** The document register as CSV, for download and for filling in: just the header when empty. */
export function writeDocumentsCsv(documents: readonly DocumentRecord[] = []): string {
  return writeCsv(
    DOCUMENTS_CSV_HEADER,
    documents.map((d) => [DOCUMENT_KIND_LABELS[d.kind], d.number ?? '', d.title, d.issuedOn, d.repealedOn ?? '']),
  );
}

/** An empty document register to fill in. */
export function documentsCsvTemplate(): string {
  return writeDocumentsCsv([]);
}
