import { describe, expect, it } from 'vitest';
import { CellValue } from './readings.js';
import { regroupable } from './s4-read.js';
import { parseReport } from './index.js';

/*
 * Section 四 as pdftotext's default reading order prints a real WPS-made PDF (a city government's
 * 2024 report) whose narrow columns it takes as text blocks: each figure on a line of its own, the
 * header words between, and the figures out of the table's order ("72 64 178 37 | 12 1 1 6 | 351 |
 * 13 4 8 1 26 | 20" for 72 64 178 37 351, 13 4 8 1 26, 12 1 1 6 20). Read in print order, every
 * group's total fails; regrouped, all hold, but which lawsuit group is which no sum tells: the table
 * stays open. Invented organ; the figures' shape as printed.
 */

const parse = async (text: string) => parseReport(new TextEncoder().encode(text), { file: 'page.txt' });
const read = async (text: string) => (await parse(text)).report;

const HEAD = ['青梧市人民政府2024年政府信息公开工作年度报告', '一、总体情况', '本市认真落实条例。'];
const S4_HEADER = [
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '结果',
  '结果',
  '其他结',
  '尚未',
  '维持',
  '纠正',
  '果',
  '审结',
  '总计',
];
const TAIL = ['五、存在的主要问题及改进情况', '本年度工作仍有不足，下一步将加强培训，提升政策解读质量。'];
const page = (figures: readonly (string | number)[]) =>
  [...HEAD, ...S4_HEADER, ...figures.map(String), ...TAIL].join('\n');

const s4 = (cells: Partial<Record<string, number | null>>) =>
  Object.fromEntries(Object.entries(cells).filter(([id]) => id.startsWith('s4.')));

describe('section 四 printed a figure a line, out of the table’s order', () => {
  it('leaves the table open, with a finding, where only another grouping makes the totals hold', async () => {
    // As the real PDF's text prints it: the header words between the figures.
    const printed = '72 64 178 37 结果 结果 其他 复议后起诉 12 1 1 6 总计 351 维持 纠正 13 4 8 1 26 总计 20'.split(' ');
    const { report, findings } = await parse(page(printed));
    const cells = s4(report.cells);
    expect(Object.keys(cells)).toHaveLength(15);
    const open = findings.find((f) => f.rule === 'row-incomplete' && f.cells.length === 15);
    expect(open?.message).toContain('换一种分组则各组总计都相符');
    expect(Object.values(cells).every((value) => value === null)).toBe(true);
  });

  it('keeps the figures in print order where no grouping makes the totals hold (the organ added wrongly)', async () => {
    // A cell a line, in order; 复议后起诉's total is 1 short of its parts.
    const figures = [3, 1, 0, 0, 4, 2, 0, 1, 0, 3, 1, 1, 0, 0, 1];
    const report = await read(page(figures));
    expect(Object.values(s4(report.cells))).toEqual(figures);
  });

  it('tells a regrouping from none', () => {
    const tokens = (values: readonly number[]) =>
      values.map((value) => new CellValue(value, { text: String(value), at: { line: 1 } }));
    expect(regroupable(tokens([72, 64, 178, 37, 12, 1, 1, 6, 351, 13, 4, 8, 1, 26, 20]))).toBe(true);
    expect(regroupable(tokens([3, 1, 0, 0, 4, 2, 0, 1, 0, 3, 1, 1, 0, 0, 1]))).toBe(false);
    expect(regroupable(tokens([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(true);
  });
});
