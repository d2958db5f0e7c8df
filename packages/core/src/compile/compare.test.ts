import { describe, expect, it } from 'vitest';
import { generateReport, seededRandom } from '../model/generate.js';
import type { Report } from '../model/schema.js';
import { compareReports } from './compare.js';

function copy(report: Report): Report {
  return JSON.parse(JSON.stringify(report)) as Report;
}

describe('compareReports', () => {
  const compiled = generateReport(seededRandom(3), { format: '2021', agency: '相山区应急管理局', year: 2023 });

  it('finds nothing between a report and itself', () => {
    expect(compareReports(compiled, copy(compiled))).toEqual([]);
  });

  it('lists the cells that differ in table order, with Chinese labels and b − a', () => {
    const published = copy(compiled);
    published.cells['s4.review.upheld'] = (compiled.cells['s4.review.upheld'] ?? 0) + 2;
    published.cells['s2.fees.amount'] = (compiled.cells['s2.fees.amount'] ?? 0) + 0.1;
    published.cells['s3.new.natural'] = (compiled.cells['s3.new.natural'] ?? 0) - 1;
    expect(compareReports(published, compiled)).toEqual([
      {
        cellId: 's2.fees.amount',
        label: '行政事业性收费·本年收费金额（单位：万元）',
        a: published.cells['s2.fees.amount'],
        b: compiled.cells['s2.fees.amount'],
        delta: -0.1,
      },
      {
        cellId: 's3.new.natural',
        label: '一、本年新收政府信息公开申请数量·自然人',
        a: published.cells['s3.new.natural'],
        b: compiled.cells['s3.new.natural'],
        delta: 1,
      },
      {
        cellId: 's4.review.upheld',
        label: '行政复议·结果维持',
        a: published.cells['s4.review.upheld'],
        b: compiled.cells['s4.review.upheld'],
        delta: -2,
      },
    ]);
  });

  it('treats amounts within one 元 as equal', () => {
    const published = copy(compiled);
    published.cells['s2.fees.amount'] = (compiled.cells['s2.fees.amount'] ?? 0) + 0.00001;
    expect(compareReports(published, compiled)).toEqual([]);
  });

  it('reports blank and missing cells with no delta', () => {
    const published = copy(compiled);
    published.cells['s2.penalty.decisions'] = null;
    delete published.cells['s3.other.unpaidFee.legal'];
    const differences = compareReports(published, compiled);
    expect(differences.map(({ cellId, a, delta }) => ({ cellId, a, delta }))).toEqual([
      { cellId: 's2.penalty.decisions', a: null, delta: null },
      { cellId: 's3.other.unpaidFee.legal', a: undefined, delta: null },
    ]);
  });

  it('shows a published single (六) row beside the compiled sub-rows', () => {
    const published = generateReport(seededRandom(3), { format: '2021', year: 2023, other: 'single' });
    const ids = compareReports(published, compiled).map((d) => d.cellId);
    expect(ids).toContain('s3.other.natural');
    expect(ids).toContain('s3.other.noCorrection.natural');
    const single = compareReports(published, compiled).find((d) => d.cellId === 's3.other.total');
    expect(single?.b).toBeUndefined();
  });

  it('compares reports of the two formats over the cells of both', () => {
    const old = generateReport(seededRandom(4), { format: '2019', year: 2020 });
    const differences = compareReports(old, compiled);
    expect(differences[0]?.cellId).toBe('s2.regulations.made');
    expect(differences.find((d) => d.cellId === 's2.regulations.issued')).toMatchObject({ a: undefined, delta: null });
  });
});
