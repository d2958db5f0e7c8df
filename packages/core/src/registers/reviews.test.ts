import { describe, expect, it } from 'vitest';
import { REVIEWS_CSV_HEADER, parseReviewsCsv, reviewsCsvTemplate, writeReviewsCsv, type ReviewRow } from './reviews.js';

const HEADER = '类型,案号,收案日期,审结日期,结果,关联申请编号';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('parseReviewsCsv: rows that pass', () => {
  it('reads each kind and result, pending cases and linked applications', () => {
    const { rows, errors } = parseReviewsCsv(
      csv(
        '行政复议,淮复〔2024〕3号,2024-02-01,2024-04-01,维持,2024-0012',
        '行政诉讼,（2024）皖0603行初12号,2024/3/1,2024年9月1日,纠正,',
        '复议后起诉,（2024）皖0603行初30号,2024.6.1,,,2023-0100',
        '未经复议直接起诉,（2024）皖0603行初31号,2024-06-02,2024-06-30,其他结果,',
      ),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.value)).toEqual([
      {
        kind: 'review',
        caseNo: '淮复〔2024〕3号',
        filedOn: '2024-02-01',
        concludedOn: '2024-04-01',
        result: 'upheld',
        applicationSerialNo: '2024-0012',
      },
      {
        kind: 'suit',
        caseNo: '（2024）皖0603行初12号',
        filedOn: '2024-03-01',
        concludedOn: '2024-09-01',
        result: 'corrected',
      },
      {
        kind: 'suitAfterReview',
        caseNo: '（2024）皖0603行初30号',
        filedOn: '2024-06-01',
        applicationSerialNo: '2023-0100',
      },
      {
        kind: 'suit',
        caseNo: '（2024）皖0603行初31号',
        filedOn: '2024-06-02',
        concludedOn: '2024-06-30',
        result: 'other',
      },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
  });

  it('reads a register without the optional columns as pending cases', () => {
    const { rows, errors } = parseReviewsCsv('案号,类型,收案日期\nA1,行政复议,2024-01-01\n');
    expect(errors).toEqual([]);
    expect(rows[0]?.value).toEqual({ kind: 'review', caseNo: 'A1', filedOn: '2024-01-01' });
  });
});

describe('parseReviewsCsv: rows that fail', () => {
  it.each([
    ['信访,R2,2024-01-01,,,', '类型', '第3行“类型”：“信访”不是行政复议、行政诉讼或复议后起诉'],
    [',R2,2024-01-01,,,', '类型', '第3行“类型”：不能为空'],
    ['行政复议,,2024-01-01,,,', '案号', '第3行“案号”：不能为空'],
    ['行政复议,R1,2024-01-01,,,', '案号', '第3行“案号”：“R1”与第2行重复'],
    ['行政复议,R2,,,,', '收案日期', '第3行“收案日期”：不能为空'],
    ['行政复议,R2,2024-02-30,,,', '收案日期', '第3行“收案日期”：2024-02-30 不是有效日期'],
    ['行政复议,R2,2024-01-01,2024年13月1日,维持,', '审结日期', '第3行“审结日期”：2024年13月1日 不是有效日期'],
    ['行政复议,R2,2024-05-01,2024-04-01,维持,', '审结日期', '第3行“审结日期”：2024-04-01 早于收案日期 2024-05-01'],
    ['行政复议,R2,2024-01-01,2024-04-01,驳回,', '结果', '第3行“结果”：“驳回”不是维持、纠正或其他（尚未审结的留空）'],
    ['行政复议,R2,2024-01-01,,维持,', '审结日期', '第3行“审结日期”：有结果“维持”但没有审结日期'],
    ['行政复议,R2,2024-01-01,2024-04-01,,', '结果', '第3行“结果”：已于 2024-04-01 审结，应填写维持、纠正或其他'],
  ])('reports %s and reads on past it', (line, field, message) => {
    const { rows, errors } = parseReviewsCsv(
      csv('行政复议,R1,2024-01-01,,,', line, '行政诉讼,S1,2024-01-01,2024-03-01,纠正,'),
    );
    expect(errors).toEqual([{ line: 3, field, message }]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reads no rows when a required header is missing', () => {
    const { rows, errors } = parseReviewsCsv('类型,收案日期\n行政复议,2024-01-01\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, field: '案号', message: '第1行“案号”：缺少此表头，无法导入' }]);
  });
});

describe('writeReviewsCsv', () => {
  it('writes a template that reads back empty', () => {
    expect(reviewsCsvTemplate()).toBe(`\ufeff${REVIEWS_CSV_HEADER.join(',')}\r\n`);
    expect(parseReviewsCsv(reviewsCsvTemplate())).toEqual({ rows: [], errors: [] });
  });

  it('writes a register that reads back unchanged', () => {
    const reviews: ReviewRow[] = [
      { kind: 'review', caseNo: '淮复〔2024〕3号', filedOn: '2024-02-01', concludedOn: '2024-04-01', result: 'upheld' },
      { kind: 'suit', caseNo: '（2024）皖0603行初12号, 一审', filedOn: '2024-03-01', applicationSerialNo: '2024-0001' },
      { kind: 'suitAfterReview', caseNo: '"引号"', filedOn: '2024-03-01', concludedOn: '2024-03-01', result: 'other' },
      { kind: 'review', caseNo: 'R4', filedOn: '2024-03-01', concludedOn: '2025-01-01', result: 'corrected' },
    ];
    expect(parseReviewsCsv(writeReviewsCsv(reviews))).toEqual({
      rows: reviews.map((value, i) => ({ line: i + 2, value })),
      errors: [],
    });
  });
});
