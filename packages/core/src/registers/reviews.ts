import type { ReviewRecord } from '../compile/records.js';
import { optionalDate, requiredDate } from './dates.js';
import { fieldError, readCsvTable, type CsvImport, type CsvRowError } from './table.js';
import { writeCsv } from './write.js';

/** A row of the review register: the case, its number, and the application it is about, if known. */
export type ReviewRow = ReviewRecord & { caseNo: string; applicationSerialNo?: string };

/** The columns of the register of reviews and suits, in template order. */
export const REVIEWS_CSV_HEADER = ['类型', '案号', '收案日期', '审结日期', '结果', '关联申请编号'] as const;
const REQUIRED = ['类型', '案号', '收案日期'] as const;
const OPTIONAL = ['审结日期', '结果', '关联申请编号'] as const;

/** 类型 as written; the section 四 headings are accepted too. */
const KINDS: Readonly<Record<string, ReviewRecord['kind']>> = {
  行政复议: 'review',
  行政诉讼: 'suit',
  未经复议直接起诉: 'suit',
  复议后起诉: 'suitAfterReview',
};
/** 类型 and 结果 as the register writes them (CSV and XLSX). */
export const REVIEW_KIND_LABELS: Readonly<Record<ReviewRecord['kind'], string>> = {
  review: '行政复议',
  suit: '行政诉讼',
  suitAfterReview: '复议后起诉',
};

/** 结果 as written; the section 四 column heads (结果维持 …) are accepted too. */
const RESULTS: Readonly<Record<string, NonNullable<ReviewRecord['result']>>> = {
  维持: 'upheld',
  结果维持: 'upheld',
  纠正: 'corrected',
  结果纠正: 'corrected',
  其他: 'other',
  其他结果: 'other',
};
export const REVIEW_RESULT_LABELS: Readonly<Record<NonNullable<ReviewRecord['result']>, string>> = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
};

/**
 * Reads the register of reviews and suits. 类型, 案号 and 收案日期 are required. A case is
 * concluded when it has 审结日期 and 结果, pending when it has neither; one without the other
 * is an error, as is a 案号 given twice. A row with an error is reported and left out.
 */
export function parseReviewsCsv(text: string): CsvImport<ReviewRow> {
  const table = readCsvTable(text, { required: REQUIRED, optional: OPTIONAL });
  const rows: CsvImport<ReviewRow>['rows'] = [];
  const errors = [...table.errors];
  const caseLines = new Map<string, number>();
  for (const { line, fields } of table.records) {
    const rowErrors: CsvRowError[] = [];
    const kindText = fields['类型'] ?? '';
    const kind = Object.hasOwn(KINDS, kindText) ? KINDS[kindText] : undefined;
    if (!kind) {
      const detail = kindText === '' ? '不能为空' : `“${kindText}”不是行政复议、行政诉讼或复议后起诉`;
      rowErrors.push(fieldError(line, '类型', detail));
    }
    const caseNo = fields['案号'] ?? '';
    const earlier = caseLines.get(caseNo);
    if (caseNo === '') rowErrors.push(fieldError(line, '案号', '不能为空'));
    else if (earlier !== undefined) rowErrors.push(fieldError(line, '案号', `“${caseNo}”与第${earlier}行重复`));
    else caseLines.set(caseNo, line);
    const filedOn = requiredDate(line, '收案日期', fields['收案日期'] ?? '', rowErrors);
    const concludedOn = optionalDate(line, '审结日期', fields['审结日期'] ?? '', rowErrors);
    if (filedOn && concludedOn && concludedOn < filedOn) {
      rowErrors.push(fieldError(line, '审结日期', `${concludedOn} 早于收案日期 ${filedOn}`));
    }
    const resultText = fields['结果'] ?? '';
    const result = Object.hasOwn(RESULTS, resultText) ? RESULTS[resultText] : undefined;
    if (resultText !== '' && !result) {
      rowErrors.push(fieldError(line, '结果', `“${resultText}”不是维持、纠正或其他（尚未审结的留空）`));
    } else if (result && !fields['审结日期']) {
      rowErrors.push(fieldError(line, '审结日期', `有结果“${resultText}”但没有审结日期`));
    } else if (!result && concludedOn) {
      rowErrors.push(fieldError(line, '结果', `已于 ${concludedOn} 审结，应填写维持、纠正或其他`));
    }
    if (rowErrors.length > 0 || !kind || !filedOn) {
      errors.push(...rowErrors);
      continue;
    }
    const applicationSerialNo = fields['关联申请编号'] ?? '';
    rows.push({
      line,
      value: {
        kind,
        caseNo,
        filedOn,
        ...(concludedOn ? { concludedOn } : {}),
        ...(result ? { result } : {}),
        ...(applicationSerialNo ? { applicationSerialNo } : {}),
      },
    });
  }
  return { rows, errors };
}

/** The register of reviews and suits as CSV: just the header when empty. */
export function writeReviewsCsv(reviews: readonly ReviewRow[] = []): string {
  return writeCsv(
    REVIEWS_CSV_HEADER,
    reviews.map((r) => [
      REVIEW_KIND_LABELS[r.kind],
      r.caseNo,
      r.filedOn,
      r.concludedOn ?? '',
      r.result ? REVIEW_RESULT_LABELS[r.result] : '',
      r.applicationSerialNo ?? '',
    ]),
  );
}

/** An empty register of reviews and suits to fill in. */
export function reviewsCsvTemplate(): string {
  return writeReviewsCsv([]);
}
