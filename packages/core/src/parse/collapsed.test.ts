import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS } from '../model/cells.js';
import { placeCollapsedRows, type CollapsedRow } from './collapsed.js';
import type { ReadValue } from './readings.js';

const COLUMNS = [...APPLICANT_COLUMNS.map((c) => c.key), 'total'];
const read = (value: number | null): ReadValue => ({ value, source: { line: 1 } });

/** Rows 二 (carriedIn), 三 (total) and 四 (carriedOut) of section 三, all columns read. */
function otherRows(totals: Record<string, number>): Map<string, ReadValue> {
  const values = new Map<string, ReadValue>();
  for (const column of COLUMNS) {
    values.set(`s3.carriedIn.${column}`, read(0));
    values.set(`s3.total.${column}`, read(totals[column] ?? 0));
    values.set(`s3.carriedOut.${column}`, read(0));
  }
  return values;
}

const row = (...numbers: number[]): CollapsedRow => ({
  rowKey: 'new',
  label: '一、本年新收政府信息公开申请数量',
  values: numbers.map(read),
});

const cellsOf = (values: Map<string, ReadValue>) =>
  Object.fromEntries(COLUMNS.map((column) => [column, values.get(`s3.new.${column}`)?.value]));

describe('collapsed section 三 rows', () => {
  it('places the values where the sums of the other rows put them: 5 and 2 and their total 7', () => {
    const values = otherRows({ natural: 5, business: 2, total: 7 });
    const [finding] = placeCollapsedRows([row(5, 2, 7)], values, '2021', 'single');
    expect(cellsOf(values)).toEqual({
      natural: 5,
      business: 2,
      research: null,
      ngo: null,
      legal: null,
      otherOrg: null,
      total: 7,
    });
    expect(finding?.message).toContain('依据行列合计定为 自然人 5、商业企业 2、总计 7');
  });

  it('puts a value in a middle column when only that column lacks it (4 in 科研机构)', () => {
    const values = otherRows({ research: 4, total: 4 });
    placeCollapsedRows([row(4, 4)], values, '2021', 'single');
    expect(cellsOf(values)).toMatchObject({ natural: null, research: 4, total: 4 });
  });

  it('leaves the whole row blank when no sum is known, rather than filling from the left', () => {
    const values = new Map<string, ReadValue>();
    const [finding] = placeCollapsedRows([row(4)], values, '2021', 'single');
    expect(Object.values(cellsOf(values)).every((value) => value === null)).toBe(true);
    expect(finding?.message).toContain('只读到 4；行列合计不能确定各数所在的列，整行留空');
  });

  it('gives 0 where a printed 0 may stand in any of several columns whose sums want 0', () => {
    // 5, 0, 0, 2 and the total 7: one of 商业企业/科研机构/社会公益组织 was left blank, all three are 0.
    const values = otherRows({ natural: 5, legal: 2, total: 7 });
    placeCollapsedRows([row(5, 0, 0, 2, 7)], values, '2021', 'single');
    expect(cellsOf(values)).toEqual({
      natural: 5,
      business: 0,
      research: 0,
      ngo: 0,
      legal: 2,
      otherOrg: null,
      total: 7,
    });
  });

  it('leaves open a cell the placings give different numbers', () => {
    // 3 and 3 with the total 6: 自然人 3 is sure; the other 3 may be 商业企业's or 科研机构's (their
    // sums are not known: the 总计 row lacks them).
    const values = otherRows({ natural: 3, total: 6 });
    for (const column of ['business', 'research']) values.delete(`s3.total.${column}`);
    placeCollapsedRows([row(3, 3, 6)], values, '2021', 'single');
    expect(cellsOf(values)).toMatchObject({ natural: 3, business: null, research: null, total: 6 });
  });

  it('leaves the row blank when the values cannot keep the sums (the source itself is wrong)', () => {
    const values = otherRows({ natural: 5, total: 5 });
    placeCollapsedRows([row(6, 6)], values, '2021', 'single');
    expect(Object.values(cellsOf(values)).every((value) => value === null)).toBe(true);
  });
});
