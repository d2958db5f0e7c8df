import type { ReportFormat } from '../model/cells.js';
import { isIsoDate, yearBounds } from './dates.js';
import { CompileError } from './errors.js';
import type { DocumentRecord } from './records.js';
import { Tally } from './tally.js';

const ROW_OF_KIND: Readonly<Record<DocumentRecord['kind'], string>> = {
  regulation: 'regulations',
  normativeDoc: 'normativeDocs',
};

/** The columns of the document rows each format counts into. */
interface DocumentColumns {
  /** Columns counting the documents issued in the year. */
  readonly issued: readonly string[];
  /** The column counting those repealed in the year, where the format has one. */
  readonly repealed?: string;
  /** The column counting those in force at the end of the year. */
  readonly inForce: string;
}

const DOCUMENT_COLUMNS: Readonly<Record<ReportFormat, DocumentColumns>> = {
  '2021': { issued: ['issued'], repealed: 'repealed', inForce: 'inForce' },
  // A register knows no gap between making and publishing a document: both are the issue.
  '2019': { issued: ['made', 'published'], inForce: 'total' },
};

/** How a document is named in drill-down and messages: its 文号, or its title when it has none. */
export function documentName(record: DocumentRecord): string {
  return record.number?.trim() || record.title;
}

/**
 * The 规章 and 规范性文件 rows of section 二 from the document register.
 *
 * 2021 format: `issued` = issued in the year; `repealed` = repealed in the year; `inForce` =
 * issued on or before 31 December and not repealed on or before it. So this year's inForce is
 * last year's plus issued minus repealed (the rule `cross-year-in-force`).
 *
 * 2019 format: `made` = `published` = issued in the year; `total` (对外公开总数量) = in force at
 * the end of the year.
 */
export function countDocuments(
  documents: readonly DocumentRecord[],
  year: number,
  format: ReportFormat,
): { cells: Record<string, number>; sources: Record<string, { documents: string[] }> } {
  const columns = DOCUMENT_COLUMNS[format];
  const columnKeys = [...columns.issued, ...(columns.repealed ? [columns.repealed] : []), columns.inForce];
  const tally = new Tally(Object.values(ROW_OF_KIND).flatMap((row) => columnKeys.map((c) => `s2.${row}.${c}`)));
  const { first, last } = yearBounds(year);
  const inYear = (day: string | undefined): boolean => day !== undefined && day >= first && day <= last;

  documents.forEach((record, index) => {
    checkDocument(record, index);
    const row = ROW_OF_KIND[record.kind];
    const name = documentName(record);
    const counted: string[] = [];
    if (inYear(record.issuedOn)) counted.push(...columns.issued);
    if (columns.repealed && inYear(record.repealedOn)) counted.push(columns.repealed);
    if (record.issuedOn <= last && (record.repealedOn === undefined || record.repealedOn > last)) {
      counted.push(columns.inForce);
    }
    for (const column of counted) tally.add(`s2.${row}.${column}`, name);
  });

  const sources: Record<string, { documents: string[] }> = {};
  for (const [id, source] of Object.entries(tally.sources())) sources[id] = { documents: source.ids };
  return { cells: tally.cells(), sources };
}

function checkDocument(record: DocumentRecord, index: number): void {
  if (typeof record.title !== 'string' || record.title.trim() === '') {
    throw new CompileError(`第${index + 1}件文件没有标题`);
  }
  const name = documentName(record);
  const called = `文件“${name}”`;
  if (!Object.hasOwn(ROW_OF_KIND, record.kind)) {
    throw new CompileError(`${called}的类别“${String(record.kind)}”无效（应为规章或行政规范性文件）`, name);
  }
  if (!isIsoDate(record.issuedOn)) {
    throw new CompileError(`${called}的制发日期“${String(record.issuedOn)}”不是有效日期（应为 YYYY-MM-DD）`, name);
  }
  if (record.repealedOn === undefined) return;
  if (!isIsoDate(record.repealedOn)) {
    throw new CompileError(`${called}的废止日期“${String(record.repealedOn)}”不是有效日期（应为 YYYY-MM-DD）`, name);
  }
  if (record.repealedOn < record.issuedOn) {
    throw new CompileError(`${called}的废止日期 ${record.repealedOn} 早于制发日期 ${record.issuedOn}`, name);
  }
}
